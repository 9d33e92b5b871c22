import { compose, matchWithoutOverlaps, type Found, type Rule } from '../rules/rule';
import { toAscii } from '../numbers/rules';
import { parseChineseNumeral } from '../numbers/chinese-numeral';

// Named parts.
/** a calendar year: `2025`, `２０２５` */
const YEAR = '(?<year>(?:19|20)[0-9]{2}|[１２][０-９]{3})';
/** `到`, `至`, `在…前`: what leads into a due date */
const LEAD = '(?:(?:到|至|截至|截止到?|力争到?|预计到?|在|于)\\s*)?';
/** what may follow the year: `底`, `年末`, `前`, `6月底前` */
const YEAR_TAIL =
  '\\s*年(?:\\s*(?:底|末|年底|年末|上半年|下半年|前|以前|之前|内|[0-9０-９一二三四五六七八九十]{1,2}\\s*月(?:底|末|份)?(?:前)?))?';
/** a year range: `2023-2025年`, `2021—2025年` → due at its end */
const YEAR_RANGE =
  '(?<from>(?:19|20)[0-9]{2})\\s*(?:-|－|—{1,2}|–|~|～|至|到)\\s*(?<to>(?:19|20)[0-9]{2})\\s*年';
/** a five-year plan period: `“十四五”末`, `十五五期间` */
const PLAN_PERIOD =
  '[“"「]?十(?<ordinal>[一二三四五六七八九])五[”"」]?(?:规划)?(?:末|期末|末期|期间|时期|规划期)';
/** a year written in Chinese: `二〇二五年底` */
const CHINESE_YEAR = '(?<cyear>[二][〇零][一二三四五六七八九〇零][〇零一二三四五六七八九])年(?:底|末)?';

/** A year written after these compares a figure with it (`较2020年下降`), it is not a due date. */
const BASE_YEAR_BEFORE = /(?:较|比|与|同|相对|对比|相比|以|从|自|是|为|达到)\s*$/;
const BASE_YEAR_AFTER =
  /^(?:\s*(?:基础上|相比|比较|为基[数期准]|水平|的基础|以来|起|开始|的\s*[0-9０-９一二两三四五六七八九十]))/;

const notBaseYear = (m: RegExpExecArray, text: string): boolean =>
  !BASE_YEAR_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index)) &&
  !BASE_YEAR_AFTER.test(text.slice(m.index + m[0].length));

export const DEADLINE_RULES: Rule<number>[] = [
  {
    name: 'year range (2023-2025年) is due at its end',
    needs: '年',
    pattern: compose('g', LEAD, YEAR_RANGE),
    produce: (m, text) => (notBaseYear(m, text) ? Number(m.groups!.to) : null),
  },
  {
    name: 'calendar year (2023年底, 到2027年, 2025年6月底前)',
    needs: '年',
    pattern: compose('g', LEAD, `(?<![0-9０-９])${YEAR}(?![0-9０-９])`, YEAR_TAIL),
    produce: (m, text) => (notBaseYear(m, text) ? Number(toAscii(m.groups!.year!)) : null),
  },
  {
    name: 'five-year plan period end (“十四五”末 → 2025, “十五五”末 → 2030)',
    needs: '五',
    pattern: compose('g', LEAD, PLAN_PERIOD),
    produce: (m) => 1955 + 5 * (10 + (parseChineseNumeral(m.groups!.ordinal!) ?? 0)),
  },
  {
    name: 'year in Chinese numerals (二〇二五年底)',
    needs: '年',
    pattern: compose('g', LEAD, CHINESE_YEAR),
    produce: (m) => parseChineseNumeral(m.groups!.cyear!),
  },
];

/** Every due date stated in the text, in text order (overlaps resolved to the longest). */
export function findDeadlines(text: string): Found<number>[] {
  return matchWithoutOverlaps(text, DEADLINE_RULES);
}

/** The dimension's probe: the first due year in the text. */
export const probeDeadline = (text: string): number | null => findDeadlines(text)[0]?.value ?? null;
