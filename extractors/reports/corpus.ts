/**
 * Example sentences of completion reports (工作总结, 完成情况报告) for the report reader, by
 * what it must read from them, and subject pairs the matcher must and must not take as one.
 * One table-driven test (tests/report-reader.test.ts) runs them.
 */
import type { SkipReason } from './rules';

export interface AchievedExample {
  sentence: string;
  value: number;
  unit: string;
  wording: string | null;
  member?: string;
  note?: string;
  cumulative?: boolean;
}

/** Sentences whose first figure is achieved: value after the units dimension's scaling. */
export const ACHIEVED_EXAMPLES: AchievedExample[] = [
  { sentence: '全年新增普惠托育机构12家，超额完成年度任务。', value: 12, unit: '家', wording: '新增', note: '超额完成年度任务' },
  { sentence: '建成社区食堂46个，完成率115%。', value: 46, unit: '个', wording: '建成', note: '完成率115%' },
  { sentence: '已完成培训5200人次。', value: 5200, unit: '人次', wording: '已完成' },
  { sentence: '培训托育机构负责人和保育人员0.26万人次。', value: 2600, unit: '人次', wording: '培训' },
  { sentence: '全年完成交通固定资产投资136500万元。', value: 136500, unit: '万元', wording: '完成' },
  { sentence: '全市农村公路优良中等路率达到86.7%。', value: 86.7, unit: '%', wording: '达到' },
  { sentence: '2024年以来累计完成156套，完成率78%。', value: 156, unit: '套', wording: '累计完成', cumulative: true, note: '完成率78%' },
  { sentence: '全年计划新建村卫生室20个，实际建成22个。', value: 22, unit: '个', wording: '实际建成' },
  { sentence: '新开通城乡公交一体化线路17条。', value: 17, unit: '条', wording: '新开通' },
  { sentence: '规范管理率为88.2%。', value: 88.2, unit: '%', wording: '为' },
  { sentence: '全年城镇新增就业1.36万人，完成年度目标的113.3%。', value: 13600, unit: '人', wording: '新增' },
  { sentence: '完成特殊困难老年人家庭适老化改造1380户。', value: 1380, unit: '户', wording: '完成' },
  { sentence: '磐石市建成3个。', value: 3, unit: '个', wording: '建成', member: '磐石市' },
  { sentence: '蛟河市、桦甸市各建成1个。', value: 1, unit: '个', wording: '建成', member: '蛟河市' },
  {
    sentence: '新建高标准农田5.2万亩，完成年度任务的104%。',
    value: 52000,
    unit: '亩',
    wording: '新建',
    note: '完成年度任务的104%',
  },
  { sentence: '全县新建、改扩建公办幼儿园6所。', value: 6, unit: '所', wording: '新建' },
  { sentence: '截至12月底，已建成村级综合服务中心42个。', value: 42, unit: '个', wording: '已建成' },
  { sentence: '全年累计查询26.7万人次。', value: 267000, unit: '人次', wording: '累计', cumulative: true },
];

/** The members the member examples above name. */
export const EXAMPLE_MEMBERS = ['磐石市', '蛟河市', '桦甸市'];

/** Sentences whose every figure is held back, with the reason for the first. */
export const NOT_FIGURE_EXAMPLES: { sentence: string; reason: SkipReason }[] = [
  { sentence: '全年计划新增普惠托育机构10家。', reason: 'restated' },
  { sentence: '全年目标是为8万名老年人免费体检。', reason: 'restated' },
  { sentence: '力争农村公路优良中等路率达到88%以上。', reason: 'restated' },
  { sentence: '全市共有养老机构126家。', reason: 'background' },
  { sentence: '全市在册严重精神障碍患者4218人。', reason: 'background' },
  { sentence: '覆盖人口186.4万人。', reason: 'background' },
  { sentence: '较上年提高0.6个。', reason: 'change' },
  { sentence: '农村快递业务量同比增长23.5%。', reason: 'change' },
  { sentence: '另有1个乡镇正在申报验收。', reason: 'progress' },
  { sentence: '部分县（市）区托育机构收托率不足50%。', reason: 'threshold' },
  { sentence: '连续12年保持在95%以上。', reason: 'threshold' },
  { sentence: '11项重点任务中已完成10项。', reason: 'own-items' },
  { sentence: '部分建于上世纪90年代的桥梁技术状况偏差。', reason: 'date' },
  { sentence: '计划2026年建成社区食堂5个。', reason: 'restated' },
  { sentence: '完成年度任务的104%。', reason: 'rate' },
  { sentence: '家庭农场总数达到1260家。', reason: 'background' },
];

/** Subjects of a plan and of its report that name the same thing, and some that do not. */
export const SUBJECT_PAIRS: { plan: string; report: string; same: boolean }[] = [
  { plan: '普惠性托育服务机构', report: '普惠托育机构', same: true },
  { plan: '社区老年食堂（老年助餐服务点）', report: '社区食堂', same: true },
  { plan: '紧密型县域医共体', report: '紧密型县域医疗卫生共同体', same: true },
  { plan: '农村健身路径', report: '行政村健身路径', same: true },
  { plan: '年流通人次', report: '全年接待读者', same: true },
  { plan: '城市书房', report: '农村健身路径', same: false },
  { plan: '农村公路管理养护人员', report: '城市书房', same: false },
  { plan: '村级寄递物流综合服务站', report: '城乡公交一体化线路', same: false },
];
