import { alternation, compose } from '../rules/rule';
import { PREFIX_WORDS } from '../comparisons/rules';
import { ADVERBS, MEASURE_HEADS, VERBS } from './verbs';
import { COUNT_WORDS, DURATION_WORDS } from '../units/rules';

/**
 * A trimming rule: a named pattern anchored at one edge of a candidate subject, removed while
 * what remains still names something. `keep` vetoes the cut (e.g. `培训规模` must keep `培训`).
 */
interface TrimRule {
  name: string;
  pattern: RegExp;
  keep?: (rest: string) => boolean;
}

// Named parts.
const OP_WORDS = Object.values(PREFIX_WORDS).flat();
const YEAR = '(?:19|20)[0-9]{2}\\s*';
/** what a subject on the left must not end with: the predicate before the figure */
const PREDICATES = [
  ...OP_WORDS,
  '达到',
  '达',
  '实现',
  '为',
  '是',
  '有',
  '在',
  '到',
  '至',
  '提高',
  '提升',
  '增长',
  '增加',
  '下降',
  '降低',
  '减少',
  '缩短',
  '压缩',
  '控制',
  '保持',
  '稳定',
  '维持',
  '突破',
  '挂牌',
  '建成',
  '完成',
  '新增',
  '累计',
  '拥有',
  '占',
  '增至',
  '降至',
  '年均',
  '每年',
  '力争',
  '确保',
  '争取',
  '基本',
  '总计',
  '合计',
  '共计',
  '共',
  '约',
];
/** scope words in front of a subject that are not what is counted: `全市森林覆盖率` → `森林覆盖率` */
const SCOPE_WORDS = [
  '全市',
  '全省',
  '全县',
  '全区',
  '全州',
  '全镇',
  '全乡',
  '全国',
  '各类',
  '各种',
  '各项',
  '所有',
  '全部',
  '现有',
  '相关',
];
/** units that alone cannot be a subject: `培训人次` keeps its verb */
const BARE_UNITS = new Set([...COUNT_WORDS, ...DURATION_WORDS, ...MEASURE_HEADS]);

const isMeaningless = (rest: string): boolean =>
  rest.length < 2 || BARE_UNITS.has(rest) || /^[的之与和及、]/.test(rest);

export const LEFT_TRIMS: TrimRule[] = [
  { name: 'punctuation and quotes at the edge', pattern: /^[\s，、：:；,]+/ },
  {
    name: 'due date (到2025年, 2023年底前)',
    pattern: compose('', `^(?:到|至|力争到|在|于)?\\s*${YEAR}年(?:底|末|年底|年末)?(?:前|以前|之前)?`),
  },
  {
    name: 'plan period end (“十四五”末)',
    pattern: /^(?:到|至)?[“"]?十[一二三四五六七八九]五[”"]?(?:末|期末|期间|时期)/,
  },
  { name: 'yearly rate (每年, 年均)', pattern: /^(?:每一?年度?|年均)/ },
  {
    name: 'yearly verb (年培训)',
    pattern: compose('', `^年(?=${alternation(VERBS.filter((v) => v.length > 1))})`),
  },
  {
    name: 'scope word (全市, 各类)',
    pattern: compose('', `^(?:${alternation(SCOPE_WORDS)})`),
    keep: isMeaningless,
  },
  { name: 'adverb (积极, 力争)', pattern: compose('', `^(?:${alternation(ADVERBS)})`), keep: isMeaningless },
  { name: 'verb (建设, 培训)', pattern: compose('', `^(?:${alternation(VERBS)})`), keep: isMeaningless },
  { name: 'preposition (到企业, 对…)', pattern: /^(?:到|对|向|把|让|使|在|于)/, keep: isMeaningless },
];

export const RIGHT_TRIMS: TrimRule[] = [
  { name: 'punctuation at the edge', pattern: /[\s，、：:；,的]+$/ },
  {
    name: 'predicate before the figure (达到, 稳定在, 下降)',
    pattern: compose('', `(?:${alternation(PREDICATES)})$`),
    keep: (r) => r.length < 1,
  },
  {
    name: 'base year (较2020年, 比上年)',
    pattern: compose('', `(?:较|比|与|同)(?:${YEAR}年(?:底|末)?|上年|去年|上一年|基期)(?:相比)?$`),
  },
  { name: 'yearly rate at the end (每年)', pattern: /(?:每一?年度?|年均)$/ },
  {
    name: 'task word after a project (建设任务, 认定)',
    pattern: /(?:的)?(?:建设任务|创建任务|建设|任务|认定|创建|工作|等)$/,
    keep: isMeaningless,
  },
  { name: 'dangling conjunction', pattern: /(?:和|及|以及|与|或|、)$/ },
];

/** Applies trim rules at one edge until none applies. */
export function trim(s: string, rules: TrimRule[], edge: 'left' | 'right'): string {
  for (let changed = true, guard = 0; changed && guard < 20; guard++) {
    changed = false;
    for (const rule of rules) {
      const m = rule.pattern.exec(s);
      if (!m || m[0] === '') continue;
      const rest = edge === 'left' ? s.slice(m[0].length) : s.slice(0, s.length - m[0].length);
      if (rule.keep?.(rest)) continue;
      s = rest;
      changed = true;
    }
  }
  return s;
}

/** Verbs that end a noun phrase written after the unit: `4 所学校进入…序列` → `学校`. */
const STOP_VERBS = [
  '进入',
  '入选',
  '获得',
  '获评',
  '通过',
  '达到',
  '纳入',
  '列入',
  '参与',
  '参加',
  '承担',
  '实现',
  '完成',
  '覆盖',
  '用于',
  '开展',
  '作为',
  '成为',
];
const AFTER_STOP = new RegExp(
  `[，。；;,：:！？!?\\n]|等(?![级次])|(?:和|及|以及|与|、|或)\\s*(?=[0-9０-９一二两三四五六七八九十])|${alternation(STOP_VERBS)}`,
);

/**
 * The subject written after the figure (`培育 20 门左右市级思政示范课程` → `市级思政示范课程`), or null
 * when the figure closes its clause or a verb follows it.
 * @param after the text after the quantity, up to the next figure
 */
export function subjectAfter(after: string): { subject: string; offset: number } | null {
  const lead = /^[\s的]*/.exec(after)![0].length;
  let s = after.slice(lead, lead + 40);
  const stop = AFTER_STOP.exec(s);
  if (stop) s = s.slice(0, stop.index);
  if (!s || /^[A-Za-z]?$/.test(s)) return null;
  if (
    new RegExp(`^(?:${alternation([...VERBS.filter((v) => v.length > 1), ...ADVERBS])})`).test(s) &&
    !BARE_UNITS.has(s)
  )
    return null;
  const subject = trim(trim(s, RIGHT_TRIMS, 'right'), [LEFT_TRIMS[0]!], 'left');
  return subject ? { subject, offset: lead } : null;
}

/**
 * The subject written before the figure, from the clause text that precedes the op word
 * (`全市森林覆盖率达到` → `森林覆盖率`, `每年培训各类乡村人才` → `乡村人才`).
 */
export function subjectBefore(before: string): { subject: string; offset: number } {
  const right = trim(before, RIGHT_TRIMS, 'right');
  const subject = trim(right, LEFT_TRIMS, 'left');
  return { subject, offset: right.length - subject.length };
}
