/** Values of Chinese digit characters; 两 is 2 in counts (两所), 〇/零 are zero. */
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
/** Small multipliers inside one 万-section. */
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Reads a Chinese numeral (`三千五百` → 3500, `十二` → 12, `一点五` → 1.5, `二〇二五` → 2025).
 * Returns null for strings that are not a well-formed numeral.
 * @example parseChineseNumeral('一百二十') // 120
 */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  const [intPart = '', fracPart] = s.split('点');
  const whole = parseInteger(intPart);
  if (whole === null) return null;
  if (fracPart === undefined) return whole;
  let frac = '';
  for (const ch of fracPart) {
    const d = DIGITS[ch];
    if (d === undefined) return null;
    frac += String(d);
  }
  return frac ? Number(`${whole}.${frac}`) : null;
}

function parseInteger(s: string): number | null {
  if (!s) return null;
  // A bare run of digits (二〇二五, 一一一) reads digit by digit.
  if ([...s].every((ch) => ch in DIGITS)) {
    return s.length === 1 ? (DIGITS[s] ?? null) : Number([...s].map((ch) => DIGITS[ch]).join(''));
  }
  let yi = 0; // everything closed by 亿
  let wan = 0; // the part closed by 万 since the last 亿
  let section = 0; // below 万
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = null;
    } else if (ch === '万') {
      wan += (section + (digit ?? 0) || 1) * 1e4;
      section = 0;
      digit = null;
    } else if (ch === '亿') {
      yi = (yi + wan + section + (digit ?? 0) || 1) * 1e8;
      wan = section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return yi + wan + section + (digit ?? 0);
}
