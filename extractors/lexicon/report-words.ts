/**
 * Words by which a clause reports what is, instead of aiming at what shall be, and the words
 * of aim that make it a target again. One list for the exclusions and the plan reader.
 */
import { OP_WORDS, SUFFIX_OP_WORDS } from './comparison-words';

/** Past reports (`已建成`, `截至2022年底`, `超额完成`): they describe, they do not aim. */
export const REPORT_WORDS = [
  ...['已建成', '已完成', '已有', '已达', '已经', '已累计', '已培育', '已创建', '已实现', '已全部', '已出台'],
  ...['已开工', '已投用', '已开通', '已发放', '已惠及', '已招聘', '已培训', '已落实', '已下达', '已建立'],
  ...['截至', '截止目前', '截止到', '目前', '现有', '共有', '超额完成', '完成率', '全面完成', '顺利完成'],
  ...['参加表决', '出席会议', '到会', '票决', '其余', '仅', '未建成', '未完成', '未达到', '尚未', '仍有'],
];

/**
 * A report of change on the same period (`同比增长5.2%`): it aims only when an aim word goes with
 * it. `较上年增长8%` in a plan is a change to reach against a base year (bases), not a report.
 */
export const YEAR_ON_YEAR_WORDS = ['同比', '环比'];

/** Words of aim that turn `累计` or `比上年` into a target again (`力争`, `到2025年`, `以上`). */
export const AIM_WORDS = [
  // to keep a level is an aim (`累计结余可支付月数保持在6—9个月`)
  '保持在',
  '稳定在',
  '维持在',
  '力争',
  '确保',
  '争取',
  '目标',
  '预计',
  '计划',
  '要求',
  '达到',
  ...OP_WORDS,
  ...SUFFIX_OP_WORDS,
];

/** A due date also aims: `到2025年`, `2025年底前`, `“十四五”末`. */
export const AIM_DATES = String.raw`到\s*20|20[0-9]{2}\s*年(?:底|末|前)|十[一二三四五六七八九]五`;

/**
 * Words that count the document's own items (`今年确定12件民生实事`, `其余5项中`, `以下6个方面`):
 * the verbs or determiners before the count, and the items counted after it.
 */
export const OWN_ITEM_LEADS = [
  '今年确定',
  '今年',
  '确定',
  '梳理',
  '其余',
  '其中',
  '以下',
  '上述',
  '下列',
  '共梳理',
  '共确定',
  '包括',
];
export const OWN_ITEM_NOUNS = [
  '民生实事',
  '实事',
  '重点任务',
  '重点工作',
  '任务',
  '方面',
  '举措',
  '措施',
  '中',
];

/** A document reporting what was done (`…重点工作完成情况的报告`, `工作总结`): its body reports. */
export const REPORT_DOCUMENT_WORDS = [
  '完成情况',
  '进展情况',
  '推进情况',
  '落实情况',
  '工作总结',
  '情况报告',
  '情况的报告',
  '年度总结',
];

/** In a report, a paragraph aims again when it looks ahead: `2024年，全市将力争…`, `下半年，将确保…`. */
export const LOOKING_AHEAD_WORDS = ['将', '力争', '确保', '计划', '预计', '争取', '拟', '下一步'];

/**
 * Section headings under which a document states shortcomings (`二、存在的问题`): every figure
 * there describes what is (`仍有3个街道未完成`, `仍不足2名`), never an aim.
 */
export const PROBLEM_SECTION_WORDS = [
  '存在的问题',
  '存在问题',
  '问题和不足',
  '问题与不足',
  '困难和问题',
  '主要问题',
  '不足之处',
  '短板弱项',
];

/** Lead-ins that date a whole sentence as the present state (`目前，…`, `截至6月底，…`). */
export const STATE_LEAD_INS = ['目前', '截至', '截止目前', '截止到', '现有', '当前'];

/**
 * Lead-ins that place a whole sentence in the past (`“十三五”期间，全市完成造林58万亩…`,
 * `2023年以来，…`, `近年来，…`): a plan's background, not its aims. Written as a pattern over the
 * first clause: a past plan period, or any clause ending in 以来.
 */
export const PAST_LEAD_IN = String.raw`[“"]?十[一二三]五[”"]?(?:期间|时期|以来)|近年来|近几年|过去[一二三四五]年|[^，,。；;]{0,12}以来(?=[，,]|$)`;
