import { alternation, clauseSpan, compose, firstChars, matchRules, type Found, type Rule } from '../rules/rule';
import {
  BACKGROUND_WORDS,
  CHANGE_AGAINST,
  COMPLETION_RATE_WORDS,
  COMPLETION_SHARE_OF,
  IN_PROGRESS_WORDS,
  OWN_ITEM_NOUNS,
  PREFIX_WORDS,
  RESTATED_AIM_WORDS,
} from '../lexicon';

/** Why a figure of a report is not proposed as achieved. */
export type SkipReason =
  | 'restated'
  | 'background'
  | 'change'
  | 'progress'
  | 'rate'
  | 'threshold'
  | 'own-items'
  | 'date'
  | 'problems';

const NUMBER = '[0-9０-９]+(?:[.．][0-9０-９]+)?';
/** Items of the document itself (`11项重点任务`, `民生实事项目9项`); 中 alone is too common here. */
const OWN_ITEMS = new RegExp(alternation(OWN_ITEM_NOUNS.filter((w) => w.length > 1)));

/**
 * Rules over the whole report text, each producing the reason its span holds no achieved
 * figure. A rule marked `clause` reports on its whole clause (`全年计划新建…20个`), the others on
 * their own match. Their corpus is `corpus.ts` beside this file.
 */
export const SKIP_RULES: (Rule<SkipReason> & { clause: boolean })[] = [
  {
    name: 'aim restated in its clause (计划, 目标, 力争, 确保)',
    needs: firstChars(RESTATED_AIM_WORDS),
    pattern: compose('g', `(?:${alternation(RESTATED_AIM_WORDS)})`),
    produce: () => 'restated',
    clause: true,
  },
  {
    name: 'stock or population in the background (共有, 现有, 在册, 覆盖人口)',
    needs: firstChars(BACKGROUND_WORDS),
    pattern: compose('g', `(?:${alternation(BACKGROUND_WORDS)})`),
    // `护理型床位占比达到62.3%` is the indicator itself; `占户籍人口的31.2%` is a share in the background.
    produce: (m, text) => (m[0] === '占' && /[比地]/.test(text[m.index + 1] ?? '') ? null : 'background'),
    clause: true,
  },
  {
    name: 'work under way (正在, 另有, 尚未)',
    needs: firstChars(IN_PROGRESS_WORDS),
    pattern: compose('g', `(?:${alternation(IN_PROGRESS_WORDS)})`),
    produce: () => 'progress',
    clause: true,
  },
  {
    name: 'change against an earlier period (较上年提高0.6个, 同比增长23.5%)',
    needs: '较比同环与',
    pattern: compose('g', CHANGE_AGAINST, `[^，。；]{0,6}?${NUMBER}`),
    produce: () => 'change',
    clause: false,
  },
  {
    name: 'completion rate (完成率115%, 完成年度任务的104%)',
    needs: '完占',
    pattern: compose(
      'g',
      `(?:(?:${alternation(COMPLETION_RATE_WORDS)})(?:达到|为|达)?|(?:完成|占)(?:了)?(?:全年|年度)?(?:${alternation(COMPLETION_SHARE_OF)})的)`,
      `\\s*${NUMBER}\\s*[%％]`,
    ),
    produce: () => 'rate',
    clause: false,
  },
  {
    name: 'a bound, not a level (不足50%, 低于…)',
    needs: firstChars([...PREFIX_WORDS.lt, ...PREFIX_WORDS.lte]),
    pattern: compose('g', `(?:${alternation([...PREFIX_WORDS.lt, ...PREFIX_WORDS.lte])})\\s*${NUMBER}`),
    produce: () => 'threshold',
    clause: false,
  },
  {
    name: 'decade (上世纪90年代)',
    needs: '代',
    pattern: /[0-9０-９]{2}\s*年代/g,
    produce: () => 'date',
    clause: false,
  },
  {
    name: "count of the plan's own items (11项重点任务中已完成10项, 民生实事项目9项)",
    needs: '项件',
    pattern: compose('g', `${NUMBER}\\s*[项件]`),
    produce: (_m, _text, clause) => (OWN_ITEMS.test(clause) ? 'own-items' : null),
    clause: false,
  },
];

/** Every span of the report that holds no achieved figure, with its reason, in text order. */
export function findSkips(text: string): Found<SkipReason>[] {
  return matchRules(text, SKIP_RULES).map((f) => {
    const rule = SKIP_RULES.find((r) => r.name === f.rule)!;
    return rule.clause ? { ...f, ...clauseSpan(text, f.start, f.end) } : f;
  });
}
