/**
 * What a plan document says about itself, one line at a time: its document number (文号),
 * its period (规划期), the plan's own name inside a 印发 notice, its issuing body (印发单位 /
 * 落款) and the place it is for. Each probe reads one line and returns null when the line
 * does not say it; `plan/plan-metadata.ts` picks which line to believe.
 */
import { compose, type Rule, matchWithoutOverlaps } from '../rules/rule';

// ---- named parts --------------------------------------------------------------------------

/** Chinese characters, as a class fragment. */
const HAN = '\\u4e00-\\u9fa5';
/** The brackets around a document number's year: `〔2023〕`, `[2023]`, `（2023）`. */
const YEAR_IN_BRACKETS = '[〔［\\[（(]\\s*(?<year>(?:19|20)\\d{2})\\s*[〕］\\]）)]';
/** A document number: issuer's short name, kind (发/函/字…), bracketed year, serial, 号. */
const DOCUMENT_NUMBER = `[${HAN}]{1,12}?(?:发|函|字|办|文|〔)?${YEAR_IN_BRACKETS}\\s*第?\\s*\\d{1,4}\\s*号`;
/** A year range: `2023—2025年`, `2023-2025年`, `2023至2025年`. */
const YEAR_RANGE =
  '(?<from>(?:19|20)\\d{2})\\s*(?:年\\s*)?(?:-|－|—{1,2}|–|~|～|至|到)\\s*(?<to>(?:19|20)\\d{2})\\s*年';
/** An end year alone: `到2025年`, `至2027年底`. */
const END_YEAR = '(?:到|至|截至)\\s*(?<end>(?:19|20)\\d{2})\\s*年';
/** A five-year plan: `“十四五”`, `十五五`. */
const FIVE_YEAR_PLAN = '[“"「]?十(?<ordinal>[一二三四五六七八九])五[”"」]?';
/** The suffixes of a place name, longest first. */
const PLACE_SUFFIX = '(?:自治州|自治县|自治旗|地区|新区|林区|特区|市|县|区|州|盟|旗)';
/** A province before a city (`吉林省`), skipped when reading the place. */
const PROVINCE_PREFIX = `(?:(?:(?![市县区])[${HAN}]){2,7}?(?:省|自治区))?`;
/** What an issuing body's name ends in. */
const ORGAN_SUFFIX =
  '(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|领导小组|工作组|指挥部|局|厅|委|办)';
/** A date line under the issuer: `2023年5月10日`, `二〇二三年五月十日`. */
export const DATE_LINE =
  /^\s*(?:(?:19|20)\d{2}|[二][〇零○][一二三四五六七八九〇零○]{2})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$/;

const ORDINALS = '一二三四五六七八九';

// ---- document number -----------------------------------------------------------------------

export const DOCUMENT_NUMBER_RULES: Rule<string>[] = [
  {
    name: 'document number (吉市政办发〔2023〕12号)',
    needs: '号',
    pattern: compose('gu', DOCUMENT_NUMBER),
    produce: (m) => m[0].replace(/\s+/g, ''),
  },
];

/** @example probeDocumentNumber('吉市政办发〔2023〕12号') // '吉市政办发〔2023〕12号' */
export function probeDocumentNumber(line: string): string | null {
  return matchWithoutOverlaps(line, DOCUMENT_NUMBER_RULES)[0]?.value ?? null;
}

// ---- period --------------------------------------------------------------------------------

/** A plan period: both years, or only the end when the line names only that. */
export interface Period {
  startYear: number | null;
  horizonYear: number;
}

/** The years of the n-th five-year plan (from the 3rd on, five years from 1966). */
export function fiveYearPlan(n: number): Period {
  const startYear = 1966 + 5 * (n - 3);
  return { startYear, horizonYear: startYear + 4 };
}

export const PERIOD_RULES: Rule<Period>[] = [
  {
    name: 'year range (2023—2025年)',
    needs: '年',
    pattern: compose('g', YEAR_RANGE),
    produce: (m) => {
      const from = Number(m.groups!.from);
      const to = Number(m.groups!.to);
      return from <= to && to - from <= 30 ? { startYear: from, horizonYear: to } : null;
    },
  },
  {
    name: 'five-year plan (“十四五”)',
    needs: '十',
    pattern: compose('g', FIVE_YEAR_PLAN),
    produce: (m) => {
      const n = 10 + ORDINALS.indexOf(m.groups!.ordinal!) + 1;
      return fiveYearPlan(n);
    },
  },
  {
    name: 'end year (到2025年)',
    needs: '年',
    pattern: compose('g', END_YEAR),
    produce: (m) => ({ startYear: null, horizonYear: Number(m.groups!.end) }),
  },
];

/** The first period a line states. @example probePeriod('（2023—2025年）') // { startYear: 2023, horizonYear: 2025 } */
export function probePeriod(line: string): Period | null {
  return matchWithoutOverlaps(line, PERIOD_RULES)[0]?.value ?? null;
}

// ---- title ---------------------------------------------------------------------------------

/** `关于印发《X》的通知` / `关于印发X的通知`: the notice around a plan, and the plan's name inside. */
const NOTICE = /关于(?:印发|转发|下发|发布|发送|颁布)\s*[《〈]?(?<name>.+?)[》〉]?\s*的\s*通知\s*$/u;

/**
 * The plan's own name when the line is the 印发 notice around it, else null.
 * @example noticeName('吉林市人民政府办公室关于印发《吉林市推进职业教育发展实施方案》的通知') // '吉林市推进职业教育发展实施方案'
 */
export function noticeName(line: string): string | null {
  const name = NOTICE.exec(line.trim())?.groups?.name?.trim();
  return name ? name.replace(/^[《〈]|[》〉]$/g, '') : null;
}

/** Who issues the notice, named before `关于`: `吉林市人民政府办公室关于印发…` → `吉林市人民政府办公室`. */
const NOTICE_ISSUER = compose('u', `^\\s*(?<organ>[${HAN}（）()]{2,40}?${ORGAN_SUFFIX})\\s*关于`);

// ---- issuer --------------------------------------------------------------------------------

/** `印发单位：X`, `发文单位：X`, `发文机关：X`. */
const ISSUER_FIELD =
  /^\s*(?:印发单位|发文单位|发文机关|制发单位|主办单位)\s*[：:]\s*(?<organ>\S.{0,40}?)\s*$/u;
/** A line that is an organ's name and nothing else (a 落款). */
const ORGAN_LINE = compose('u', `^\\s*(?<organ>[${HAN}（）()]{2,40}${ORGAN_SUFFIX})\\s*$`);

/**
 * The issuing body a line names: a `印发单位：` field, or the organ before `关于印发`.
 * @example probeIssuer('印发单位：四平市人民政府办公室') // '四平市人民政府办公室'
 */
export function probeIssuer(line: string): string | null {
  const field = ISSUER_FIELD.exec(line)?.groups?.organ;
  if (field) return field.trim();
  return NOTICE_ISSUER.exec(line)?.groups?.organ ?? null;
}

/** The organ named alone on a line (a signature, 落款), or null. */
export function organLine(line: string): string | null {
  return ORGAN_LINE.exec(line)?.groups?.organ ?? null;
}

// ---- jurisdiction --------------------------------------------------------------------------

const PLACE = compose('u', `^\\s*${PROVINCE_PREFIX}(?<place>[${HAN}]{2,8}?${PLACE_SUFFIX})`);
/** Words that start a title but are no place (`全市`, `各县`: too short already; these are longer). */
const NOT_PLACES = /^(?:关于|推进|加快|进一步|全面|深入|实施|开展|建设)/;

/**
 * The place a title (or an issuer) begins with, the province skipped; `isPlace`, when given,
 * must know the name (a list of divisions), so `职业教育区` is not taken for one.
 * @example probePlace('吉林省四平市推进现代职业教育高质量发展实施方案') // '四平市'
 */
export function probePlace(line: string, isPlace?: (name: string) => boolean): string | null {
  if (NOT_PLACES.test(line.trim())) return null;
  const m = PLACE.exec(line);
  const place = m?.groups?.place ?? null;
  if (place === null) return null;
  if (isPlace && !isPlace(place)) return null;
  return place;
}
