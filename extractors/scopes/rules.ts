import { alternation, compose, matchRules, type Found, type Rule } from '../rules/rule';
import { ADVERBS, VERB_NOUNS, VERBS } from '../subjects/verbs';
import { LEVEL_VERBS, OP_WORDS } from '../lexicon';

/** A distributive scope: the figure holds for each member (`每个县（市）`, `各县（市）`, `教师每年`). */
export interface EachScope {
  /** As written: `每个县（市）区`. */
  scope: string;
  /** `every`: 每/每个, always distributive; `admin`: 各 + a division (各县（市）); `each`: 各 + other members. */
  kind: 'every' | 'admin' | 'each';
}

// Named parts.
const SCAN_VERBS = VERBS.filter((v) => v.length > 1);
/** Time words after 每: these give frequency or a yearly rate, not members (每年, 每季度). */
const TIME_UNITS = '(?:年|月|日|天|周|季度|季|学期|次|批|期|轮)';
/** Chars that make a 年 part of another word (2025年, 今年, 当年, 青年, 老年, 全年). */
const NOT_BEFORE_YEAR =
  '0-9０-９零〇一二两三四五六七八九十今明去本当上下同每近逐末全周多青少老中成学往历常长新跨半年';
/** Members written after 各 that are administrative divisions. */
const DIVISIONS = /^(?:县|市|区|乡|镇|街道|村|社区|省|州|盟|旗|开发区|园区)/;
/** 各 before these words means "all kinds of", not "each". */
const NOT_EACH_AFTER = /^(?:类|种|项|级|界|方|地|族|行各业|自|有关|个|式|样|部门|单位|成员单位|责任单位)/;

export const PER_RULES: Rule<'year'>[] = [
  { name: 'every year (每年, 每年度)', needs: '每', pattern: /每一?年度?/g, produce: () => 'year' },
  { name: 'yearly average (年均)', needs: '均', pattern: /年均/g, produce: () => 'year' },
  {
    name: 'yearly verb (年培训, 年新增, 年接待)',
    needs: '年',
    // `2020 年下降`: a year written with a space before 年 is a date, not a yearly rate.
    pattern: compose(
      'g',
      `(?<![${NOT_BEFORE_YEAR}])(?<![0-9０-９]\\s{1,3})年(?=${alternation(SCAN_VERBS)}|产|招|增)`,
    ),
    produce: () => 'year',
  },
];

export const EACH_RULES: Rule<EachScope>[] = [
  // A per-head scale (每千人口, 每万人) is part of its indicator, not a scope (SCHEMA.md, rates per head).
  {
    name: 'every member (每个县（市）, 每所学校)',
    needs: '每',
    pattern: compose(
      'g',
      `每(?!${TIME_UNITS}|[0-9０-９一二两三四五六七八九十百千万])(?:一)?(?:个|所|家|名|位)?`,
    ),
    produce: (m, text) => {
      const scope = memberOnly(text, m.index, scopeFrom(text, m.index, m.index + m[0].length), m[0].length);
      // `每人每月860元`, `每户每年`: a rate per head or household, not a set of members (SCHEMA.md)
      if (/^每(?:人|户)$/.test(scope) && /^\s*每/.test(text.slice(m.index + 2))) return null;
      return scope.length > m[0].length || scope.length > 1 ? { scope, kind: 'every' } : null;
    },
  },
  {
    name: 'each member (各县（市）, 各医院)',
    needs: '各',
    pattern: /各/g,
    produce: (m, text) => {
      const rest = text.slice(m.index + 1, m.index + 12);
      if (NOT_EACH_AFTER.test(rest)) return null;
      const scope = memberOnly(text, m.index, scopeFrom(text, m.index, m.index + 1), 1);
      if (scope.length < 2) return null;
      return { scope, kind: DIVISIONS.test(rest) ? 'admin' : 'each' };
    },
  },
];

/** Heads of nouns that name members of a set (schools, teachers, firms, villages, sites). */
export const MEMBER_HEAD =
  /(?:校|院|师|生|员|者|企业|机构|单位|医院|中心|村|社区|户|家庭|乡镇|街道|县|站|园|部门|基地|合作社|人|点|室|馆)$/;

const RUNS_INTO_FIGURE = new RegExp(
  `^(?:${alternation([...OP_WORDS, ...LEVEL_VERBS])})?\\s*[0-9０-９一二两三四五六七八九十]`,
);

/**
 * A scope that runs straight into its figure (`每个示范点补助资金不超过50万元`) also holds the
 * subject: it ends at the first member noun (`每个示范点`).
 */
function memberOnly(text: string, start: number, scope: string, bodyLength: number): string {
  const next = text.slice(start + scope.length, start + scope.length + 8);
  if (!RUNS_INTO_FIGURE.test(next)) return scope;
  let depth = 0;
  for (let i = bodyLength + 1; i <= scope.length; i++) {
    const ch = scope[i - 1]!;
    depth += ch === '（' || ch === '(' ? 1 : ch === '）' || ch === ')' ? -1 : 0;
    // never split inside or before a bracket: `各县（市）区`, `每个乡镇（街道）` are one member
    const candidate = scope.slice(0, i);
    const head = candidate.replace(/[（(][^（()）]*[）)]$/, '');
    // …nor before a division word that continues it (`各县（市）区`)
    if (depth === 0 && MEMBER_HEAD.test(head) && !/[（(区县市镇乡村]/.test(scope[i] ?? '')) return candidate;
  }
  // `每个面积不少于100平方米`: no member named, the scope is the determiner alone.
  return /^每.[个所家名位]?$/.test(scope.slice(0, bodyLength)) && bodyLength > 1
    ? scope.slice(0, bodyLength)
    : scope;
}

/**
 * The scope phrase from `start`: it runs to the first verb, punctuation or number, brackets kept
 * whole (`每个县（市）区建设…` → `每个县（市）区`).
 */
export function scopeFrom(text: string, start: number, bodyStart: number): string {
  let i = bodyStart;
  let depth = 0;
  const limit = Math.min(text.length, bodyStart + 20);
  for (; i < limit; i++) {
    const ch = text[i]!;
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if (/[，。；、,;：:！？\s0-9０-９“”"]/.test(ch)) break;
      if (i > bodyStart && (ch === '每' || (startsWithVerb(text, i) && !startsWithVerbNoun(text, i)))) break;
    }
  }
  return text.slice(start, i);
}

const verbAt = new RegExp(`(?:${alternation([...SCAN_VERBS, ...ADVERBS, ...OP_WORDS])})`, 'y');
const verbNounAt = new RegExp(`(?:${alternation(VERB_NOUNS)})`, 'y');
/** `每个乡镇服务站`: a noun that begins with a verb continues the scope. */
function startsWithVerbNoun(text: string, i: number): boolean {
  verbNounAt.lastIndex = i;
  return verbNounAt.test(text);
}

/** True when one of the plan verbs, adverbs or op words begins at `i`. */
export function startsWithVerb(text: string, i: number): boolean {
  verbAt.lastIndex = i;
  return verbAt.test(text);
}

export const findPers = (text: string): Found<'year'>[] => matchRules(text, PER_RULES);
export const findEachScopes = (text: string): Found<EachScope>[] => matchRules(text, EACH_RULES);

/** The dimension's probe: the first yearly rate or distributive scope written in the text. */
export function probeScope(text: string): { per: 'year' | null; each: string | null } | null {
  const per = findPers(text)[0]?.value ?? null;
  const each = findEachScopes(text)[0]?.value.scope ?? null;
  return per || each ? { per, each } : null;
}
