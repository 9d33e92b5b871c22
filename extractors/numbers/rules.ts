import { compose, matchAt, matchWithoutOverlaps, type Found, type Rule } from '../rules/rule';
import { parseChineseNumeral } from './chinese-numeral';

/** A number as written, before its unit is known: `1.2万` → value 1.2, scale 万. */
export interface NumberValue {
  /** The digits' value, without the trailing 万/亿 scale (money keeps that scale in its unit). */
  value: number;
  /** Scale word written right after the digits (`1.2万` → 万), '' when none. */
  scale: Scale;
  /** Written in Chinese numerals (一, 两, 十二): such numbers need a measure word to count. */
  chinese: boolean;
  /** `百分之` / `千分之` written before the number: the unit is then % / ‰. */
  percentPrefix: '%' | '‰' | null;
}

export type Scale = '' | '十' | '百' | '千' | '万' | '亿' | '千万' | '百万' | '十万' | '万亿';

export const SCALE_FACTOR: Record<Scale, number> = {
  '': 1,
  十: 10,
  百: 100,
  千: 1e3,
  万: 1e4,
  亿: 1e8,
  千万: 1e7,
  百万: 1e6,
  十万: 1e5,
  万亿: 1e12,
};

// Named parts. Full-width digits (２０) count as digits.
const DIGIT = '[0-9０-９]';
/** `30`, `1.5`, `１２`, `12,000` */
const ARABIC = `${DIGIT}+(?:,[0-9]{3}(?![0-9]))*(?:[.．]${DIGIT}+)?`;
/** scale words after Arabic digits: `1.2万`, `3千万`, `50亿` */
const SCALE = '(?:千万|百万|十万|万亿|[万亿千])';
/** Chinese numerals: `两`, `十二`, `一百二十`, `三点五` */
const CHINESE = '[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+[万亿]?)?';
/** `百分之三十` → 30 % */
const PERCENT_PREFIX = '(?<pct>百分之|千分之)?';

/** Digits that continue a number on the left: a match must not start inside a longer number. */
const NOT_AFTER_DIGIT = `(?<![0-9０-９.．])`;

export const toAscii = (s: string): string =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/[．]/g, '.');

const percentOf = (m: RegExpExecArray): '%' | '‰' | null =>
  m.groups?.pct === '百分之' ? '%' : m.groups?.pct === '千分之' ? '‰' : null;

export const NUMBER_RULES: Rule<NumberValue>[] = [
  {
    name: 'arabic digits with optional scale (30, 1.5, 1.2万, １２)',
    pattern: compose('g', PERCENT_PREFIX, NOT_AFTER_DIGIT, `(?<digits>${ARABIC})(?:\\s?(?<scale>${SCALE}))?`),
    produce: (m) => {
      const value = Number(toAscii(m.groups!.digits!).replace(/,/g, ''));
      if (!Number.isFinite(value)) return null;
      return { value, scale: (m.groups!.scale ?? '') as Scale, chinese: false, percentPrefix: percentOf(m) };
    },
  },
  {
    name: 'chinese numerals (两, 十二, 一百二十, 三点五, 三千万)',
    pattern: compose('g', PERCENT_PREFIX, `(?<digits>${CHINESE})`),
    produce: (m) => {
      let digits = m.groups!.digits!;
      // A bare scale word (百, 千所, 万人) is an idiom or a name, not a count.
      if (/^[百千万亿]/.test(digits)) return null;
      let scale: Scale = '';
      const tail = /(千万|百万|万亿|[万亿])$/.exec(digits);
      // Split off the scale only when the rest is a plain small number (三亿五千万 stays whole).
      if (tail && tail.index > 0 && !/[万亿]/.test(digits.slice(0, tail.index))) {
        scale = tail[1] as Scale;
        digits = digits.slice(0, tail.index);
      }
      const value = parseChineseNumeral(digits);
      if (value === null) return null;
      return { value, scale, chinese: true, percentPrefix: percentOf(m) };
    },
  },
];

/** The number written at `pos` (`0.65`, `十二`), as a part for composed rules. */
export const numberAt = (text: string, pos: number): Found<NumberValue> | null =>
  matchAt(text, pos, NUMBER_RULES);

/** Every number in the text with its span, in text order (no overlaps). */
export function findNumbers(text: string): Found<NumberValue>[] {
  return matchWithoutOverlaps(text, NUMBER_RULES);
}

/** Range separators between two numbers: `2-3`, `2～3`, `2至3`, `两到三`, `2—3`. */
export const RANGE_SEPARATOR = /^\s*(?:-|－|—{1,2}|–|~|～|〜|至|到)\s*/;

/** The resolved value of the first number (or range) in a text: the dimension's probe. */
export function probeNumber(text: string): { value: number; max: number | null } | null {
  const [first, second] = findNumbers(text);
  if (!first) return null;
  const total = (f: Found<NumberValue>) => f.value.value * SCALE_FACTOR[f.value.scale];
  if (second) {
    const sep = RANGE_SEPARATOR.exec(text.slice(first.end, second.start));
    if (sep && sep[0].length === second.start - first.end) return { value: total(first), max: total(second) };
  }
  return { value: total(first), max: null };
}
