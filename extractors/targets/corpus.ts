import type { Op } from '../types';

/** A target as a plan reader would label it; omitted fields are null. */
export interface ExpectedTarget {
  value: number;
  max?: number;
  unit: string;
  op: Op;
  subject: string;
  deadline?: number;
  per?: 'year';
  each?: string;
  base?: string;
}

/**
 * Whole task sentences from plans of many fields (health, environment, agriculture, industry,
 * transport, finance, education), written in the style of real work plans, with every target
 * they state. None comes from the seed plans.
 */
export const SENTENCES: [string, ExpectedTarget[]][] = [
  // A scope governs the items of its list; a later clause that names its own subject is none of them.
  [
    '每个社区至少配建1个便民服务网点，配备网格员2名，外卡受理商户不少于800户',
    [
      { value: 1, unit: '个', op: 'gte', subject: '便民服务网点', each: '每个社区' },
      { value: 2, unit: '名', op: 'eq', subject: '网格员', each: '每个社区' },
      { value: 800, unit: '户', op: 'gte', subject: '外卡受理商户' },
    ],
  ],
  // A year written with a space before 年 dates the comparison; it is not a yearly rate.
  [
    '单位地区生产总值能耗比 2020 年下降 13.5%',
    [{ value: 13.5, unit: '%', op: 'eq', subject: '单位地区生产总值能耗', base: '2020 年' }],
  ],
  // 百分之 with Chinese numerals is a percentage, not a fraction.
  [
    '到2026年，建成区绿地率不低于百分之三十八',
    [{ value: 38, unit: '%', op: 'gte', subject: '建成区绿地率', deadline: 2026 }],
  ],
  [
    '到2025年，全市森林覆盖率达到45%以上',
    [{ value: 45, unit: '%', op: 'gte', subject: '森林覆盖率', deadline: 2025 }],
  ],
  ['新建5G基站1.2万个', [{ value: 12000, unit: '个', op: 'eq', subject: '5G基站' }]],
  [
    '单位GDP能耗较2020年下降13.5%',
    [{ value: 13.5, unit: '%', op: 'eq', subject: '单位GDP能耗', base: '2020年' }],
  ],
  [
    '城镇新增就业每年不少于3万人',
    [{ value: 30000, unit: '人', op: 'gte', subject: '城镇新增就业', per: 'year' }],
  ],
  [
    'PM2.5平均浓度控制在35微克/立方米以内',
    [{ value: 35, unit: '微克/立方米', op: 'lte', subject: 'PM2.5平均浓度' }],
  ],
  [
    '每千人口拥有执业（助理）医师3.2人',
    [{ value: 3.2, unit: '人', op: 'eq', subject: '每千人口拥有执业（助理）医师' }],
  ],
  ['粮食产量稳定在100亿斤以上', [{ value: 1e10, unit: '斤', op: 'gte', subject: '粮食产量' }]],
  ['改造老旧小区120个', [{ value: 120, unit: '个', op: 'eq', subject: '老旧小区' }]],
  ['力争两到三年内建成区域医疗中心', []],
  ['完成固定资产投资50亿元', [{ value: 50, unit: '亿元', op: 'eq', subject: '固定资产投资' }]],
  [
    '高新技术企业数量是2020年的1.5倍',
    [{ value: 1.5, unit: '倍', op: 'eq', subject: '高新技术企业数量', base: '2020年' }],
  ],
  ['新增城市绿地面积50万平方米', [{ value: 500000, unit: '平方米', op: 'eq', subject: '城市绿地面积' }]],
  [
    '全市空气质量优良天数比率达到85%以上，重污染天数控制在3天以内',
    [
      { value: 85, unit: '%', op: 'gte', subject: '空气质量优良天数比率' },
      { value: 3, unit: '天', op: 'lte', subject: '重污染天数' },
    ],
  ],
  ['县级医院达到二级甲等以上水平', []],
  [
    '新增就业岗位不少于5000个、培训农民工3000人次',
    [
      { value: 5000, unit: '个', op: 'gte', subject: '就业岗位' },
      { value: 3000, unit: '人次', op: 'eq', subject: '农民工' },
    ],
  ],
  ['审批时限压缩至5个工作日以内', [{ value: 5, unit: '个工作日', op: 'lte', subject: '审批时限' }]],
  [
    '研发经费投入占地区生产总值的比重达到2.5%',
    [{ value: 2.5, unit: '%', op: 'eq', subject: '研发经费投入', base: '地区生产总值' }],
  ],
  ['新能源汽车保有量突破5万辆', [{ value: 50000, unit: '辆', op: 'gt', subject: '新能源汽车保有量' }]],
  ['婴儿死亡率低于5‰', [{ value: 5, unit: '‰', op: 'lt', subject: '婴儿死亡率' }]],
  ['每年至少开展1次应急演练', [{ value: 1, unit: '次', op: 'gte', subject: '应急演练', per: 'year' }]],
  ['建设3-5个现代农业产业园', [{ value: 3, max: 5, unit: '个', op: 'range', subject: '现代农业产业园' }]],
  ['贯彻落实《国务院关于印发“十四五”节能减排综合工作方案的通知》（国发〔2021〕33号）精神', []],
  ['截至2022年底，全市已建成5G基站8000个', []],
  [
    '到2025年，累计建成充电桩5000个',
    [{ value: 5000, unit: '个', op: 'eq', subject: '充电桩', deadline: 2025 }],
  ],
  ['新增光伏装机容量50万千瓦', [{ value: 50, unit: '万千瓦', op: 'eq', subject: '光伏装机容量' }]],
  ['年处理生活垃圾30万吨', [{ value: 300000, unit: '吨', op: 'eq', subject: '生活垃圾', per: 'year' }]],
  [
    '每个村（社区）至少配备1名网格员',
    [{ value: 1, unit: '名', op: 'gte', subject: '网格员', each: '每个村（社区）' }],
  ],
  [
    '到2027年，全市规上工业企业数量达到600家以上，其中高新技术企业不少于150家',
    [
      { value: 600, unit: '家', op: 'gte', subject: '规上工业企业数量', deadline: 2027 },
      { value: 150, unit: '家', op: 'gte', subject: '高新技术企业', deadline: 2027 },
    ],
  ],
  [
    '力争到2024年底，全市新能源汽车充电桩达到3000个，公共充电站不少于100座。',
    [
      { value: 3000, unit: '个', op: 'eq', subject: '新能源汽车充电桩', deadline: 2024 },
      { value: 100, unit: '座', op: 'gte', subject: '公共充电站', deadline: 2024 },
    ],
  ],
  [
    '每个行政村至少建设1个村级综合服务站，每个乡镇卫生院至少配备2名全科医生。',
    [
      { value: 1, unit: '个', op: 'gte', subject: '村级综合服务站', each: '每个行政村' },
      { value: 2, unit: '名', op: 'gte', subject: '全科医生', each: '每个乡镇卫生院' },
    ],
  ],
  [
    '“十四五”期间，全市累计新增城镇就业15万人以上，城镇调查失业率控制在5.5%以内。',
    [
      { value: 150000, unit: '人', op: 'gte', subject: '城镇就业', deadline: 2025 },
      { value: 5.5, unit: '%', op: 'lte', subject: '城镇调查失业率', deadline: 2025 },
    ],
  ],
  [
    '年均新增造林绿化面积3万亩以上。',
    [{ value: 30000, unit: '亩', op: 'gte', subject: '造林绿化面积', per: 'year' }],
  ],
  [
    '每年组织开展不少于2次综合应急演练。',
    [{ value: 2, unit: '次', op: 'gte', subject: '综合应急演练', per: 'year' }],
  ],
  [
    '全市中小学校心理健康教师配备率达到100%，每校至少配备1名专职心理健康教师。',
    [
      { value: 100, unit: '%', op: 'eq', subject: '中小学校心理健康教师配备率' },
      { value: 1, unit: '名', op: 'gte', subject: '专职心理健康教师', each: '每校' },
    ],
  ],
  [
    '到2026年，全市普惠性幼儿园覆盖率达到92%，公办园在园幼儿占比达到60%以上。',
    [
      { value: 92, unit: '%', op: 'eq', subject: '普惠性幼儿园覆盖率', deadline: 2026 },
      { value: 60, unit: '%', op: 'gte', subject: '公办园在园幼儿占比', deadline: 2026 },
    ],
  ],
  [
    '农村居民人均可支配收入年均增长8%左右。',
    [{ value: 8, unit: '%', op: 'approx', subject: '农村居民人均可支配收入', per: 'year' }],
  ],
  ['快递业务量达到1.5亿件。', [{ value: 150000000, unit: '件', op: 'eq', subject: '快递业务量' }]],
  [
    '培训各类技能人才1.5万人次，其中新增高技能人才3000人。',
    [
      { value: 15000, unit: '人次', op: 'eq', subject: '技能人才' },
      { value: 3000, unit: '人', op: 'eq', subject: '高技能人才' },
    ],
  ],
  [
    '到2025年底，全市数字经济核心产业增加值占GDP比重达到10%。',
    [{ value: 10, unit: '%', op: 'eq', subject: '数字经济核心产业增加值', deadline: 2025, base: 'GDP' }],
  ],
  [
    '建设智慧社区示范点10个，每个示范点补助资金不超过50万元。',
    [
      { value: 10, unit: '个', op: 'eq', subject: '智慧社区示范点' },
      { value: 50, unit: '万元', op: 'lte', subject: '补助资金', each: '每个示范点' },
    ],
  ],
  [
    '力争3-5年时间，打造2-3个百亿级产业集群。',
    [{ value: 2, max: 3, unit: '个', op: 'range', subject: '百亿级产业集群' }],
  ],
  [
    '办理时限由20个工作日压缩至10个工作日。',
    [{ value: 10, unit: '个工作日', op: 'lte', subject: '办理时限' }],
  ],
  [
    '发放稳岗返还资金1200万元，惠及企业800余家。',
    [
      { value: 1200, unit: '万元', op: 'eq', subject: '稳岗返还资金' },
      { value: 800, unit: '家', op: 'gt', subject: '企业' },
    ],
  ],
  [
    '全市医疗机构床位数达到每千人口7.5张。',
    [{ value: 7.5, unit: '张', op: 'eq', subject: '医疗机构床位数' }],
  ],
  ['2023年底前完成全部整改任务。', []],
  [
    '每年为乡镇卫生院招聘医学本科毕业生不少于20名。',
    [{ value: 20, unit: '名', op: 'gte', subject: '医学本科毕业生', per: 'year' }],
  ],
  [
    '新建改建农村公路300公里，实施危桥改造15座，新增通客车行政村10个。',
    [
      { value: 300, unit: '公里', op: 'eq', subject: '农村公路' },
      { value: 15, unit: '座', op: 'eq', subject: '危桥改造' },
      { value: 10, unit: '个', op: 'eq', subject: '通客车行政村' },
    ],
  ],
  [
    '推动规上工业企业数字化转型，到2024年底，规上工业企业数字化改造覆盖率达到50%，培育智能工厂5个、数字化车间20个。',
    [
      { value: 50, unit: '%', op: 'eq', subject: '规上工业企业数字化改造覆盖率', deadline: 2024 },
      { value: 5, unit: '个', op: 'eq', subject: '智能工厂', deadline: 2024 },
      { value: 20, unit: '个', op: 'eq', subject: '数字化车间', deadline: 2024 },
    ],
  ],
  [
    '每个县（市、区）至少建成1个区域性养老服务中心，乡镇（街道）养老服务中心覆盖率达到60%。',
    [
      { value: 1, unit: '个', op: 'gte', subject: '区域性养老服务中心', each: '每个县（市、区）' },
      { value: 60, unit: '%', op: 'eq', subject: '乡镇（街道）养老服务中心覆盖率' },
    ],
  ],
  ['建设保障性租赁住房3000套（间）。', [{ value: 3000, unit: '套', op: 'eq', subject: '保障性租赁住房' }]],
  [
    '建成区路网密度达到8公里/平方公里。',
    [{ value: 8, unit: '公里/平方公里', op: 'eq', subject: '建成区路网密度' }],
  ],
  ['确保粮食总产稳定在500万吨左右。', [{ value: 5000000, unit: '吨', op: 'approx', subject: '粮食总产' }]],
  [
    '确保规模以上工业增加值增长8%，力争达到10%。',
    [
      { value: 8, unit: '%', op: 'eq', subject: '规模以上工业增加值' },
      { value: 10, unit: '%', op: 'eq', subject: '规模以上工业增加值' },
    ],
  ],
  [
    '每年开展安全生产执法检查不少于12次，每季度至少开展1次专项督查。',
    [
      { value: 12, unit: '次', op: 'gte', subject: '安全生产执法检查', per: 'year' },
      { value: 1, unit: '次', op: 'gte', subject: '专项督查' },
    ],
  ],
  [
    '全市金融机构人民币贷款余额同比增长10%以上。',
    [{ value: 10, unit: '%', op: 'gte', subject: '金融机构人民币贷款余额' }],
  ],
  ['2022年全市地区生产总值同比增长5.2%', []],
  ['实施三年行动计划，推进五年一贯制，深入学习党的二十大精神', []],
  [
    '对新引进的博士给予每人10万元补贴',
    [{ value: 10, unit: '万元', op: 'eq', subject: '补贴', each: '每人' }],
  ],
  ['12345热线办结率达到95%以上', [{ value: 95, unit: '%', op: 'gte', subject: '12345热线办结率' }]],
  [
    '推行“7×24小时”不打烊政务服务，建设24小时自助服务区20个。',
    [{ value: 20, unit: '个', op: 'eq', subject: '24小时自助服务区' }],
  ],
  [
    '每个乡镇建设一所公办中心幼儿园。',
    [{ value: 1, unit: '所', op: 'eq', subject: '公办中心幼儿园', each: '每个乡镇' }],
  ],
  ['创建两所省级示范性高中。', [{ value: 2, unit: '所', op: 'eq', subject: '省级示范性高中' }]],
  ['实施“百日攻坚”行动，完成十大工程。', []],
  [
    '1. 到2025年，全市三甲医院达到5家。',
    [{ value: 5, unit: '家', op: 'eq', subject: '三甲医院', deadline: 2025 }],
  ],
  [
    '（二）新建城市书房10个，每个面积不少于100平方米。',
    [
      { value: 10, unit: '个', op: 'eq', subject: '城市书房' },
      { value: 100, unit: '平方米', op: 'gte', subject: '面积', each: '每个' },
    ],
  ],
  [
    '新培育国家级专精特新“小巨人”企业3家、省级专精特新中小企业30家以上。',
    [
      { value: 3, unit: '家', op: 'eq', subject: '国家级专精特新“小巨人”企业' },
      { value: 30, unit: '家', op: 'gte', subject: '省级专精特新中小企业' },
    ],
  ],
  [
    '生猪出栏稳定在100万头左右，肉类总产量达到12万吨。',
    [
      { value: 1000000, unit: '头', op: 'approx', subject: '生猪出栏' },
      { value: 120000, unit: '吨', op: 'eq', subject: '肉类总产量' },
    ],
  ],
  ['二级以上公立医院全部设置老年医学科。', []],
  [
    '力争2024年全市实际利用外资1亿美元。',
    [{ value: 1, unit: '亿美元', op: 'eq', subject: '实际利用外资', deadline: 2024 }],
  ],
  [
    '引进培育高层次人才200名，其中博士50名。',
    [
      { value: 200, unit: '名', op: 'eq', subject: '高层次人才' },
      { value: 50, unit: '名', op: 'eq', subject: '博士' },
    ],
  ],
  [
    '全市平均每百户拥有家用汽车达到40辆。',
    [{ value: 40, unit: '辆', op: 'eq', subject: '平均每百户拥有家用汽车' }],
  ],
  [
    '到2025年，全市居民人均预期寿命达到79岁，婴儿死亡率、5岁以下儿童死亡率、孕产妇死亡率分别控制在5‰、7‰和12/10万以下，每千人口执业（助理）医师数达到3.5人，每万人口全科医生数达到4名。',
    [
      { value: 79, unit: '岁', op: 'eq', subject: '居民人均预期寿命', deadline: 2025 },
      { value: 5, unit: '‰', op: 'lte', subject: '婴儿死亡率', deadline: 2025 },
      { value: 7, unit: '‰', op: 'lte', subject: '5岁以下儿童死亡率', deadline: 2025 },
      { value: 12, unit: '/10万', op: 'lte', subject: '孕产妇死亡率', deadline: 2025 },
      { value: 3.5, unit: '人', op: 'eq', subject: '每千人口执业（助理）医师数', deadline: 2025 },
      { value: 4, unit: '名', op: 'eq', subject: '每万人口全科医生数', deadline: 2025 },
    ],
  ],
  ['坚持“一个中心、两个基本点”，落实“两个责任”，做到“一个不落”。', []],
  ['从5个方面提出具体措施。', []],
  [
    '三是强化要素保障，每年安排不少于1000亩新增建设用地指标用于产业项目。',
    [{ value: 1000, unit: '亩', op: 'gte', subject: '新增建设用地指标', per: 'year' }],
  ],
  [
    '各地要确保每个乡镇至少有1所标准化卫生院、每个行政村有1所标准化村卫生室。',
    [
      { value: 1, unit: '所', op: 'gte', subject: '标准化卫生院', each: '每个乡镇' },
      { value: 1, unit: '所', op: 'eq', subject: '标准化村卫生室', each: '每个行政村' },
    ],
  ],
  [
    '力争通过3年努力，实现全市农村生活垃圾收运处置体系行政村覆盖率达到100%。',
    [{ value: 100, unit: '%', op: 'eq', subject: '农村生活垃圾收运处置体系行政村覆盖率' }],
  ],
  [
    '建设10个培训基地和5个服务中心',
    [
      { value: 10, unit: '个', op: 'eq', subject: '培训基地' },
      { value: 5, unit: '个', op: 'eq', subject: '服务中心' },
    ],
  ],
  ['建立健全“1+6+N”政策体系。', []],
  [
    '全年完成交通基础设施投资45亿元，新改建国省干线公路80公里。',
    [
      { value: 45, unit: '亿元', op: 'eq', subject: '交通基础设施投资' },
      { value: 80, unit: '公里', op: 'eq', subject: '国省干线公路' },
    ],
  ],
  ['推进“两新一重”建设，完成投资100亿元。', [{ value: 100, unit: '亿元', op: 'eq', subject: '投资' }]],
  [
    '每年开展“双随机、一公开”抽查不少于2轮。',
    [{ value: 2, unit: '轮', op: 'gte', subject: '“双随机、一公开”抽查', per: 'year' }],
  ],
  [
    '农业保险深度达到1%，密度达到500元/人。',
    [
      { value: 1, unit: '%', op: 'eq', subject: '农业保险深度' },
      { value: 500, unit: '元/人', op: 'eq', subject: '密度' },
    ],
  ],
  ['力争3年内实现县级医院全部达到二级甲等水平。', []],
  [
    '完成营造林10万亩，其中人工造林3万亩、封山育林7万亩。',
    [
      { value: 100000, unit: '亩', op: 'eq', subject: '营造林' },
      { value: 30000, unit: '亩', op: 'eq', subject: '人工造林' },
      { value: 70000, unit: '亩', op: 'eq', subject: '封山育林' },
    ],
  ],
  [
    '每年选派 50 名以上专业课教师到企业实践',
    [{ value: 50, unit: '名', op: 'gte', subject: '专业课教师', per: 'year' }],
  ],
  [
    '中职学校生均公用经费不低于 4000 元',
    [{ value: 4000, unit: '元', op: 'gte', subject: '中职学校生均公用经费' }],
  ],
  [
    '职业院校教师每五年累计不少于 6 个月到企业实践',
    [{ value: 6, unit: '个月', op: 'gte', subject: '企业实践' }],
  ],
  [
    '开展各类职业培训 3 万人次以上，其中农民工培训 1 万人次',
    [
      { value: 30000, unit: '人次', op: 'gte', subject: '职业培训' },
      { value: 10000, unit: '人次', op: 'eq', subject: '农民工培训' },
    ],
  ],
  [
    '全市职业院校在校生规模稳定在 5 万人左右',
    [{ value: 50000, unit: '人', op: 'approx', subject: '职业院校在校生规模' }],
  ],
  ['中职学校招生规模与普通高中大体相当', []],
  [
    '研发投入年均增长10%～15%，安排专项资金100万—200万元。',
    [
      { value: 10, max: 15, unit: '%', op: 'range', subject: '研发投入', per: 'year' },
      { value: 100, max: 200, unit: '万元', op: 'range', subject: '专项资金' },
    ],
  ],
  [
    '建设两至三个区域性物流中心。',
    [{ value: 2, max: 3, unit: '个', op: 'range', subject: '区域性物流中心' }],
  ],
  [
    '2024年6月底前，完成20个老旧小区改造；2024年底前，再完成30个。',
    [
      { value: 20, unit: '个', op: 'eq', subject: '老旧小区改造', deadline: 2024 },
      { value: 30, unit: '个', op: 'eq', subject: '老旧小区改造', deadline: 2024 },
    ],
  ],
  [
    '到2023年底，建成乡镇污水处理设施15座；到2025年底，实现乡镇全覆盖。',
    [{ value: 15, unit: '座', op: 'eq', subject: '乡镇污水处理设施', deadline: 2023 }],
  ],
  ['力争用两年时间，培育10家以上龙头企业。', [{ value: 10, unit: '家', op: 'gte', subject: '龙头企业' }]],
  [
    '规模以上工业企业营业收入是2022年的1.3倍以上。',
    [{ value: 1.3, unit: '倍', op: 'gte', subject: '规模以上工业企业营业收入', base: '2022年' }],
  ],
  [
    '各县（市）区每年新增绿化面积不少于500亩。',
    [{ value: 500, unit: '亩', op: 'gte', subject: '新增绿化面积', per: 'year', each: '各县（市）区' }],
  ],
  [
    '每个县（市、区）每年至少举办2场招聘会。',
    [{ value: 2, unit: '场', op: 'gte', subject: '招聘会', per: 'year', each: '每个县（市、区）' }],
  ],
  [
    '确保每个乡镇（街道）有1名以上专职社工。',
    [{ value: 1, unit: '名', op: 'gte', subject: '专职社工', each: '每个乡镇（街道）' }],
  ],
  ['城市污水处理厂出水水质达到一级A标准。', []],
  [
    '全市建成10个“15分钟健身圈”示范点。',
    [{ value: 10, unit: '个', op: 'eq', subject: '“15分钟健身圈”示范点' }],
  ],
  [
    '打造 2 个国家级、5 个省级职业教育实训基地',
    [
      { value: 2, unit: '个', op: 'eq', subject: '国家级职业教育实训基地' },
      { value: 5, unit: '个', op: 'eq', subject: '省级职业教育实训基地' },
    ],
  ],
  ['服务期限不少于3年。', [{ value: 3, unit: '年', op: 'gte', subject: '服务期限' }]],
  ['在全市108个乡镇推广“四好农村路”经验。', []],
  [
    '市本级财政安排乡村振兴专项资金不少于1亿元，各县（市）区不少于3000万元。',
    [
      { value: 1, unit: '亿元', op: 'gte', subject: '乡村振兴专项资金' },
      { value: 3000, unit: '万元', op: 'gte', subject: '乡村振兴专项资金', each: '各县（市）区' },
    ],
  ],
  [
    '市级财政每年安排不少于500万元专项资金，支持中小企业发展。',
    [{ value: 500, unit: '万元', op: 'gte', subject: '专项资金', per: 'year' }],
  ],
];
