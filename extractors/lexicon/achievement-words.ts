/**
 * Words of completion reports (完成情况, 工作总结): what marks a figure as achieved, and what
 * marks a figure of a report as something else — a target restated, a stock in the background,
 * a change against last year, work still under way. The report reader builds its rules from
 * these lists; the plan reader's report words (report-words.ts) stay the ones it uses.
 */
import { words } from '../rules/rule';

/** Wording that states a figure as achieved (`已完成培训5200人次`, `建成社区食堂46个`), longest first wins. */
export const ACHIEVEMENT_WORDS = words(
  '已完成 已建成 已实现 已累计 已开通 已培训 已落实 已发放 超额完成 累计完成 累计建成 累计投入 实际建成 实际完成',
  '完成 建成 新增 新建 新开通 新接入 新改建 累计 达到 实现 开展 举办 培训 改造 创建 落实 投入 发放 开通 为',
);

/**
 * A target counts additions when its clause says so (`新增…10家`, `新建…40个`); one that sets a
 * level (`总里程达到1.3万公里`, `家庭农场达到1300家`) may take a stock the report gives as background.
 */
export const ADDITION_WORDS = words(
  '新增 新建 新改建 改扩建 新开通 新接入 建成 建设 培育 创建 开展 举办 培训 完成 实施 改造 发放 安排 投入 招聘 认定',
);
export const LEVEL_TARGET_WORDS = words('达到 保持 稳定在 总里程 总量 总数 保有量 拥有 累计达到');

/** The completion rate, kept as a note beside the figure it qualifies (`建成社区食堂46个，完成率115%`). */
export const COMPLETION_RATE_WORDS = words('完成率 完成进度 任务完成率');

/** What a completion share is of (`完成年度任务的104%`, `占年度计划的92%`): a completion rate too. */
export const COMPLETION_SHARE_OF = words('任务 目标 计划 任务数 目标任务');

/** Completion against the target without a figure of its own: a note too (`超额完成年度任务`). */
export const COMPLETION_NOTE_WORDS = words('超额完成 全面完成 提前完成 圆满完成');

/** A clause restating an aim rather than a result (`全年计划新增10家`, `目标是为8万名…`, `继续实施…`). */
export const RESTATED_AIM_WORDS = words('计划 目标 要求 力争 确保 预计 拟 将 继续 争创 按照');

/** A stock or population in the background, not the year's work (`全市共有养老机构126家`, `在册…4218人`). */
export const BACKGROUND_WORDS = words(
  '共有 现有 总里程 总量 总数 在册 覆盖人口 户籍人口 常住人口 均建有 惠及 占',
);

/** Work still under way: a count of what is not yet done (`另有1个乡镇正在申报验收`). */
export const IN_PROGRESS_WORDS = words('正在 另有 在建 推进中 尚未 未完成 仍有');

/** A change against an earlier period: not the indicator's level (`较上年提高0.6个`, `同比增长23.5%`). */
export const CHANGE_AGAINST = String.raw`(?:较|比|同比|环比|与)\s*(?:上年|去年|上一年|(?:19|20)[0-9]{2}\s*年(?:底|末)?)?(?:相比)?\s*(?:提高|提升|增长|增加|上升|下降|降低|减少|扩大|缩小)`;

/** Section headings of a report by what their paragraphs hold (`一、基本情况`, `四、2026年工作打算`). */
export const REPORT_SECTION_WORDS: Record<'background' | 'problems' | 'ahead', string[]> = {
  background: words('基本情况 基本概况 总体情况 概况'),
  problems: words('存在的问题 存在问题 困难和问题 问题和不足 不足之处 问题与不足'),
  ahead: words('工作打算 工作安排 工作计划 工作思路 下一步 下步 工作重点 努力方向'),
};

/** A running total since a year (`2024年以来累计完成156套`): the period a cumulative figure covers. */
export const RUNNING_TOTAL_WORDS = words('累计 以来 共计 总计');

/**
 * Units of one measure written differently, each as its base unit times a factor (`532.6千米`
 * for a target in 公里; the numbers dimension reads `千米` as 千 + 米).
 */
export const UNIT_EQUIVALENTS: Record<string, { base: string; factor: number }> = {
  公里: { base: '米', factor: 1e3 },
  千米: { base: '米', factor: 1e3 },
  km: { base: '米', factor: 1e3 },
  KM: { base: '米', factor: 1e3 },
  平方公里: { base: '平方米', factor: 1e6 },
  平方千米: { base: '平方米', factor: 1e6 },
  公斤: { base: '克', factor: 1e3 },
  千克: { base: '克', factor: 1e3 },
  '％': { base: '%', factor: 1 },
  百分点: { base: '个百分点', factor: 1 },
};
