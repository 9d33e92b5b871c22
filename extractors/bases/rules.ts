import { alternation, compose, type Rule } from '../rules/rule';
import { CHANGE_WORDS, LEVEL_VERBS, OP_WORDS } from '../lexicon';
import { findNumbers } from '../numbers/rules';
import { readUnit } from '../units/rules';

/** What a share or a multiple is taken of: `不低于学校当年支出的 30%` → `学校当年支出`. */
export interface Base {
  base: string;
  /** Where the base starts in the text given to the rules (for the quote). */
  start: number;
  /** The word that led into it (`不低于`, `达到`): a later figure led by the same word inherits the base. */
  lead: string;
  /** For a change against a base year (`比2020年下降14%`): which way the figure moves. */
  change?: 'rise' | 'fall';
}

// Named parts.
/** verbs that set a figure against a whole: `达到在校生规模的2倍`, `是上年的1.5倍`, `占全市的30%` */
const LEAD = `(?<lead>${alternation([...OP_WORDS, ...LEVEL_VERBS, '相当于', '占'])})`;
/** the whole, short and free of figures and clause marks */
const WHOLE = '(?<base>[^，。；;,、%％]{1,24}?)';

/** Rules over the text before a figure (anchored at its end). */
export const BASE_RULES: Rule<Base>[] = [
  {
    name: 'share of a whole (不低于学校当年支出的 30%, 是上年的1.5倍)',
    pattern: compose('', LEAD, '\\s*', WHOLE, '的\\s*$'),
    produce: (m) => whole(m),
  },
  {
    name: 'proportion of a whole (占地区生产总值比重达到3%)',
    pattern: compose(
      '',
      '占',
      WHOLE,
      '(?:的)?(?:比重|比例|份额)',
      `(?:${alternation([...OP_WORDS, ...LEVEL_VERBS])})?\\s*$`,
    ),
    produce: (m) => ({ ...whole(m), lead: '占' }),
  },
];

/** `比2020年`, `较上年`, `与2020年相比`: the year a change is measured from. */
const BASE_YEAR =
  '(?<lead>较|比|相比|相较|与|同)\\s*(?<base>(?:19|20)[0-9]{2}\\s*年(?:底|末)?|上年|去年|上一年|基期)(?:相比|比较)?';
const CHANGE = `(?<change>${alternation([...CHANGE_WORDS.rise, ...CHANGE_WORDS.fall])})`;

/** Rules over the text before a figure for a change against a base year. */
const BASE_YEAR_RULES: Rule<Base>[] = [
  {
    name: 'change against a base year (比2020年下降14%, 较上年增长8%)',
    pattern: compose(
      '',
      BASE_YEAR,
      '[^，。；;,0-9０-９]{0,12}?',
      CHANGE,
      `了?\\s*(?:${alternation(OP_WORDS)})?\\s*$`,
    ),
    produce: (m) => ({
      base: m.groups!.base!,
      start: m.index,
      lead: m.groups!.lead!,
      change: CHANGE_WORDS.fall.includes(m.groups!.change!) ? 'fall' : 'rise',
    }),
  },
];

/** The base year of a change written right before a figure (`比2020年下降`), or null. */
export function findBaseYear(before: string): Base | null {
  for (const rule of BASE_YEAR_RULES) {
    const m = rule.pattern.exec(before);
    const value = m && rule.produce(m, before, before);
    if (value) return value;
  }
  return null;
}

function whole(m: RegExpExecArray): Base {
  const base = m.groups!.base!;
  const start = m.index + m[0].indexOf(base, m.groups!.lead ? m.groups!.lead.length : 1);
  return { base, start, lead: m.groups!.lead ?? '占' };
}

/** The base written right before a figure, given the clause text up to the figure. */
export function findBase(before: string): Base | null {
  for (const rule of BASE_RULES) {
    const m = rule.pattern.exec(before);
    const value = m && rule.produce(m, before, before);
    if (value && !/^[的之]/.test(value.base)) return value;
  }
  return null;
}

/** The dimension's probe: the base of the first % or 倍 figure in the text. */
export function probeBase(text: string): string | null {
  for (const n of findNumbers(text)) {
    const unit = readUnit(text, n.end);
    if (unit?.kind === 'percent' || unit?.kind === 'multiple' || n.value.percentPrefix) {
      return findBase(text.slice(0, n.start))?.base ?? null;
    }
  }
  return null;
}
