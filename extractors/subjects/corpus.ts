import type { Corpus } from '../rules/corpus';

/** What the first target of a sentence counts: after the unit, or before the predicate for measures. */
export const subjectsCorpus: Corpus<string> = {
  positive: [
    {
      expected: '市级思政示范课程',
      examples: ['培育 20 门左右市级思政示范课程,遴选一批优质校本课程思政教材'],
    },
    { expected: '森林覆盖率', examples: ['到2025年，全市森林覆盖率达到45%以上', '森林覆盖率稳定在45%'] },
    { expected: '5G基站', examples: ['新建5G基站1.2万个', '建成5G基站8000个以上'] },
    { expected: '单位GDP能耗', examples: ['单位GDP能耗较2020年下降13.5%'] },
    { expected: '城镇新增就业', examples: ['城镇新增就业每年不少于3万人'] },
    { expected: 'PM2.5平均浓度', examples: ['PM2.5平均浓度控制在35微克/立方米以内'] },
    { expected: '每千人口拥有执业（助理）医师', examples: ['每千人口拥有执业（助理）医师3.2人'] },
    { expected: '每千人口执业医师数', examples: ['每千人口执业医师数达到3.2人'] },
    { expected: '医疗机构床位数', examples: ['医疗机构床位数达到每千人口7.5张'] },
    { expected: '粮食产量', examples: ['粮食产量稳定在100亿斤以上'] },
    { expected: '老旧小区', examples: ['改造老旧小区120个'] },
    { expected: '老旧小区改造', examples: ['完成老旧小区改造120个'] },
    { expected: '乡村人才', examples: ['每年培训各类乡村人才超过 2000 人次'] },
    { expected: '培训规模', examples: ['“十四五”末年均培训规模达到 5000 人以上'] },
    { expected: '行业协会', examples: ['2025 年末行业协会挂牌在 3 家以上'] },
    { expected: '教学经费', examples: ['保障教学经费不低于学校当年支出的 30%'] },
    { expected: '学校', examples: ['至少有 4 所学校进入“全国千所中等职业教育优质校”序列'] },
    { expected: '审批时限', examples: ['审批时限压缩至5个工作日以内'] },
    { expected: '研发经费投入', examples: ['研发经费投入占地区生产总值的比重达到2.5%'] },
    { expected: '招聘会', examples: ['每年举办招聘会不少于20场'] },
    { expected: '养老床位', examples: ['新增养老床位500张', '新增500张养老床位'] },
    { expected: '新能源汽车保有量', examples: ['新能源汽车保有量突破5万辆'] },
    { expected: '建成区绿化覆盖率', examples: ['建成区绿化覆盖率不低于40%'] },
    { expected: '专职人员', examples: ['各乡镇（街道）至少配备2名专职人员'] },
    { expected: '高新技术企业', examples: ['到2027年，其中高新技术企业不少于150家'] },
    {
      expected: '省级特色高水平中高职专业（群）',
      examples: ['完成10个省级特色高水平中高职专业（群）建设任务'],
    },
    { expected: '智慧课堂', examples: ['推进建设10个智慧课堂10门在线精品课'] },
    { expected: '植树造林', examples: ['完成植树造林3.5万亩'] },
    { expected: '办理时限', examples: ['办理时限由20个工作日压缩至10个工作日'] },
    { expected: '补助资金', examples: ['每个示范点补助资金不超过50万元'] },
    { expected: '服务期限', examples: ['服务期限不少于3年'] },
    // a verb chain before the noun goes with the verb
    { expected: '乡村医生', examples: ['新聘、续聘乡村医生200名'] },
    { expected: '老旧小区改造项目', examples: ['启动实施老旧小区改造项目30个'] },
    // the figure before the noun: the subject ends where the predicate (or its adverb) starts
    { expected: '农村妇女', examples: ['为3万名农村妇女免费开展两癌筛查'] },
    // a completion verb after the noun is no part of it
    { expected: '断头路', examples: ['推动5条断头路贯通'] },
    { expected: '项目', examples: ['推动50个项目成功入库'] },
    { expected: '城乡收入比', examples: ['城乡收入比缩小到2.3'] },
    { expected: '体育公园', examples: ['新建或改扩建体育公园6个'] },
    { expected: '养老床位', examples: ['下半年，将确保全年新增养老床位500张'] },
    // a chain of adverbs before the verb goes with it
    { expected: '国内外游客', examples: ['2025年，全市将力争接待国内外游客5000万人次以上'] },
    { expected: '电梯', examples: ['同步加装电梯50部', '加装电梯不少于80部'] },
    { expected: '医保基金', examples: ['追回医保基金3000万元'] },
    { expected: '专家', examples: ['年均派出专家不少于200人次'] },
    // a due date without its year, a rate's frequency after the predicate
    { expected: '城市停车泊位', examples: ['年内新增城市停车泊位3000个', '年底前新增城市停车泊位3000个'] },
    { expected: '污水处理能力', examples: ['污水处理能力达到每日20万吨'] },
    { expected: '城市低保标准', examples: ['城市低保标准提高到每人每月860元'] },
    { expected: '农村危房存量', examples: ['农村危房存量年均消减15%'] },
    { expected: '存量违法建设', examples: ['存量违法建设年均消减20%以上'] },
    // a list joiner after the figure opens the next item
    { expected: '充电桩', examples: ['新建充电桩500个以及换电站20座', '新建充电桩500个和换电站20座'] },
    // a size qualifier stays with its noun
    {
      expected: '500平方米以上的综合文化服务中心',
      examples: ['每个县至少建成1个500平方米以上的综合文化服务中心'],
    },
    // after the noun: a verb after a member noun opens the predicate (a project noun keeps its 改造)
    { expected: '老旧小区改造', examples: ['完成20个老旧小区改造'] },
    { expected: '困难残疾人', examples: ['为800名困难残疾人实施家庭无障碍改造'] },
    { expected: '企业', examples: ['推动30家企业开展清洁生产审核'] },
    { expected: '重点企业', examples: ['每月对200家重点企业开展监测调度'] },
    { expected: '“双师型”教师培养培训基地', examples: ['共建 10 个“双师型”教师培养培训基地'] },
    // a verb alone after the op word names no thing (the subject is restated), but an activity counted in times
    { expected: '专职社工', examples: ['新聘专职社工300名，每个社区至少配备2名'] },
    { expected: '巡查', examples: ['每周至少巡查1次'] },
    { expected: '高龄津贴标准', examples: ['高龄津贴标准不低于每人每月200元'] },
    { expected: '中等职业学校', examples: ['建设中等职业学校3所'] },
    { expected: '3公里以上的健身步道', examples: ['每个乡镇至少建成1条3公里以上的健身步道'] },
  ],
  negative: [],
};

/**
 * The corpus of each step of the subject pipeline (SUBJECT_STEPS in targets/subject-reader.ts):
 * the last target of each positive example must get its subject from that step; a negative
 * example's last target gets its subject from another step.
 */
export const SUBJECT_STEP_CORPORA: Record<string, Corpus<string>> = {
  'noun after the figure': {
    positive: [
      { expected: '市级思政示范课程', examples: ['培育 20 门左右市级思政示范课程'] },
      { expected: '农村妇女', examples: ['为3万名农村妇女免费开展两癌筛查'] },
      { expected: '断头路', examples: ['推动5条断头路贯通'] },
      { expected: '重点企业', examples: ['每月对200家重点企业开展监测调度'] },
      { expected: '省级职业教育实训基地', examples: ['建成2个国家级、5个省级职业教育实训基地'] },
    ],
    negative: ['新建5G基站1.2万个', '森林覆盖率稳定在45%'],
  },
  'between the op word and the figure': {
    positive: [
      { expected: '巡河', examples: ['每周至少开展巡河1次'] },
      { expected: '企业或者实训基地实践', examples: ['教师每年至少到企业或者实训基地实践1个月'] },
    ],
    negative: ['每个乡镇至少配备2名专职人员', '城镇新增就业每年不少于3万人'],
  },
  'noun phrase before the predicate': {
    positive: [
      { expected: '森林覆盖率', examples: ['到2025年，全市森林覆盖率达到45%以上'] },
      { expected: '5G基站', examples: ['新建5G基站1.2万个'] },
      { expected: '教学经费', examples: ['保障教学经费不低于学校当年支出的 30%'] },
      { expected: '城市低保标准', examples: ['城市低保标准提高到每人每月860元'] },
    ],
    negative: ['新增500张养老床位', '护理型床位每个乡镇至少20张'],
  },
  'before a per-head scale': {
    positive: [
      { expected: '护理型床位', examples: ['护理型床位每个乡镇至少20张'] },
      { expected: '村医', examples: ['村医每个行政村至少1名'] },
    ],
    negative: ['每个乡镇至少配备2名专职人员', '医疗机构床位数达到每千人口7.5张'],
  },
  'restated from the figure before': {
    positive: [
      { expected: '专职社工', examples: ['新聘专职社工300名，每个社区至少配备2名'] },
      { expected: '高新技术企业', examples: ['培育高新技术企业100家，是2020年的2倍'] },
    ],
    negative: ['新建充电桩500个以及换电站20座'],
  },
};
