/**
 * Units by kind, the one list every rule reads: the units dimension, the exclusions that
 * describe a noun (`5000万元以上的项目`), the per-head scales (`每万人口`), the subjects that
 * must not be a bare unit.
 */
import { words } from '../rules/rule';

/** What kind of quantity a unit measures; later dimensions (bases, subjects) ask for it. */
export type UnitKind =
  'count' | 'percent' | 'points' | 'multiple' | 'money' | 'duration' | 'measure' | 'age' | 'ratio';

/** measure words of things counted: `20 门`, `3 家`, `200人次` */
export const COUNT_WORDS = words(
  '个 门 所 家 项 名 位 人 人次 次 门次 户次 家次 场次 批次 班次 架次 车次 处 座 条 台 套 辆 架 艘 列 张 间',
  '栋 幢 层 户 村 场 期 批 届 轮 篇 部 本 册 件 份 株 棵 头 只 羽 口 眼 片 块 支 根 种 类 款 例 床 组 队 对',
  '分 学分 枚 首 集',
  // lamps, video channels, culverts, land parcels, loans, fish fry, classes: `1.5万盏`, `3000路`
  '盏 路 孔 宗 笔 尾 堂 杆',
  // effort measured in people × time: `研发人员60人年`
  '人年 人月 人天',
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

export const UNITS_BY_KIND: Record<UnitKind, readonly string[]> = {
  count: COUNT_WORDS,
  measure: MEASURE_WORDS,
  duration: DURATION_WORDS,
  money: MONEY_WORDS,
  percent: PERCENT_WORDS,
  points: POINT_WORDS,
  multiple: MULTIPLE_WORDS,
  age: AGE_WORDS,
  ratio: [],
};

/** Units that size a project or a site described after them (`5000万元以上的项目`, `100亩以上的基地`). */
export const SIZE_UNITS = [...MONEY_WORDS, ...words('吨 平方米 亩 千瓦 公顷 公里 千米 米 平方公里 立方米')];

/** What a per-head scale counts: `每千人口`, `每万名职工`, `每百户`, `每平方公里`. */
export const PER_HEAD_NOUNS = words('常住人口 人口 人 户 平方公里 元 吨');

/** Scale words written between a number and its unit: `1.2万人`, `5千万元`. */
export const SCALE_WORDS = words('千万 百万 十万 万亿 万 亿 千 百');

/**
 * Figures whose unit is written without a measure word: a ratio to one (`3.1:1` → 3.1, unit
 * empty) and money per head with 元 left out (`1500/人` → 元/人).
 */
export const UNITS_WITHOUT_WORD: { name: string; pattern: RegExp; unit: string; kind: UnitKind }[] = [
  { name: 'ratio to one (3.1:1)', pattern: /\s*[:：]\s*1(?![0-9０-９.．])/y, unit: '', kind: 'ratio' },
  { name: 'money per head without 元 (1500/人)', pattern: /\/人(?![次口])/y, unit: '元/人', kind: 'money' },
  { name: 'money per household without 元 (800/户)', pattern: /\/户/y, unit: '元/户', kind: 'money' },
];
