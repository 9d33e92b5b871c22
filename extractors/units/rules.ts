import { Lexicon, words } from '../rules/rule';
import { findNumbers, SCALE_FACTOR, type NumberValue } from '../numbers/rules';

/** What kind of quantity a unit measures; later dimensions (bases, subjects) ask for it. */
export type UnitKind = 'count' | 'percent' | 'points' | 'multiple' | 'money' | 'duration' | 'measure' | 'age';

export interface UnitValue {
  /** Normalised unit: ％ → %, 百分点 → 个百分点; as written otherwise. */
  unit: string;
  kind: UnitKind;
  /** `/年` written after the unit (`3000人次/年`): a yearly rate. */
  perYear: boolean;
}

// Lexicons, one per kind. Longer words win (人次 over 人, 个月 over 个).
/** measure words of things counted: `20 门`, `3 家`, `200人次` */
export const COUNT_WORDS = words(
  '个 门 所 家 项 名 位 人 人次 次 门次 户次 家次 场次 批次 班次 架次 车次 处 座 条 台 套 辆 架 艘 列 张 间',
  '栋 幢 层 户 村 场 期 批 届 轮 篇 部 本 册 件 份 株 棵 头 只 羽 口 眼 片 块 支 根 种 类 款 例 床 组 队 对',
  '分 学分 枚 首 集',
);
/** physical measures: `45 亩`, `35微克/立方米`, `1.2万千瓦` */
export const MEASURE_WORDS = words(
  '亩 公顷 平方米 平方公里 平方千米 立方米 公里 千米 米 千克 公斤 克 吨 斤 千瓦 千瓦时 兆瓦 吉瓦 瓦 度 千伏',
  '标准箱 标箱 微克/立方米 毫克/立方米 毫克/升 分贝 ℃ 摄氏度 吨标准煤 升 兆 Mbps Gbps GB TB MW kW km KM',
  // rates per population written as a fraction: 孕产妇死亡率12/10万
  '/10万 /万 /千 /百万',
);
export const DURATION_WORDS = words('个月 天 年 学时 课时 小时 分钟 秒 周 个工作日 工作日 个季度');
export const MONEY_WORDS = words('元 美元');
export const PERCENT_WORDS = words('% ％ ‰');
export const POINT_WORDS = words('个百分点 百分点');
export const MULTIPLE_WORDS = words('倍');
export const AGE_WORDS = words('岁 周岁');

const KIND_OF = new Map<string, UnitKind>(
  (
    [
      ['count', COUNT_WORDS],
      ['measure', MEASURE_WORDS],
      ['duration', DURATION_WORDS],
      ['money', MONEY_WORDS],
      ['percent', PERCENT_WORDS],
      ['points', POINT_WORDS],
      ['multiple', MULTIPLE_WORDS],
      ['age', AGE_WORDS],
    ] as const
  ).flatMap(([kind, list]) => list.map((w) => [w, kind] as const)),
);

const UNIT_WORDS = new Lexicon([...KIND_OF.keys()]);
/** A compound denominator written after the unit: `元/吨`, `吨/日`; `/年` marks a yearly rate. */
const PER_TAIL = /\/(?:年|[\u4e00-\u9fa5]{1,4}|[a-zA-Z³²]{1,4})/y;

/**
 * Reads the unit that starts at `pos` (spaces skipped): the longest unit word there, then a
 * denominator (`元/吨`); `％` is written `%` and `百分点` `个百分点`.
 * @example readUnit('培育 20 门左右', 5) // { unit: '门', kind: 'count', perYear: false, start: 6, end: 7 }
 */
export function readUnit(text: string, pos: number): (UnitValue & { start: number; end: number }) | null {
  let p = pos;
  while (text[p] === ' ' || text[p] === '\u3000') p++;
  const word = UNIT_WORDS.longestAt(text, p);
  if (!word) return null;
  let end = p + word.length;
  let tail = '';
  // `/` after a word that already has one (微克/立方米) is not another denominator.
  if (text[end] === '/' && !word.includes('/')) {
    PER_TAIL.lastIndex = end;
    tail = PER_TAIL.exec(text)?.[0] ?? '';
    end += tail.length;
  }
  const perYear = tail === '/年';
  const unit = word === '％' ? '%' : word === '百分点' ? '个百分点' : word;
  return { unit: perYear || !tail ? unit : unit + tail, kind: KIND_OF.get(word)!, perYear, start: p, end };
}

/** Units whose 万/亿 stays in the unit as a conventional unit of account (万元, 亿元, 万千瓦). */
const SCALED_UNITS: Record<string, Partial<Record<string, { unit: string; factor: number }>>> = {
  元: {
    万: { unit: '万元', factor: 1 },
    亿: { unit: '亿元', factor: 1 },
    千万: { unit: '万元', factor: 1e3 },
    百万: { unit: '万元', factor: 100 },
    十万: { unit: '万元', factor: 10 },
    万亿: { unit: '亿元', factor: 1e4 },
  },
  美元: { 万: { unit: '万美元', factor: 1 }, 亿: { unit: '亿美元', factor: 1 } },
  千瓦: { 万: { unit: '万千瓦', factor: 1 }, 亿: { unit: '亿千瓦', factor: 1 } },
  千瓦时: { 万: { unit: '万千瓦时', factor: 1 }, 亿: { unit: '亿千瓦时', factor: 1 } },
};

/**
 * Resolves a number's scale against its unit: `1.5万人` → 15000 人, `5000万元` → 5000 万元.
 * @example applyScale({ value: 1.2, scale: '万', chinese: false, percentPrefix: null }, '个') // { value: 12000, unit: '个' }
 */
export function applyScale(n: NumberValue, unit: string): { value: number; unit: string } {
  const kept = SCALED_UNITS[unit]?.[n.scale];
  if (kept) return { value: round(n.value * kept.factor), unit: kept.unit };
  return { value: round(n.value * SCALE_FACTOR[n.scale]), unit };
}

/** Removes floating noise (1.2 × 10000 = 11999.999…). */
const round = (x: number): number => Math.round(x * 1e9) / 1e9;

/** The dimension's probe: the first figure with its unit resolved (`1.5万人` → 15000 人). */
export function probeUnit(text: string): { value: number; unit: string } | null {
  const first = findNumbers(text)[0];
  if (!first) return null;
  if (first.value.percentPrefix) return { value: first.value.value, unit: first.value.percentPrefix };
  const unit = readUnit(text, first.end);
  return unit ? applyScale(first.value, unit.unit) : null;
}
