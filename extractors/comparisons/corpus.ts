import type { Corpus } from '../rules/corpus';
import type { Op } from '../types';

/** The op of the first target of a sentence: every comparison word of SCHEMA.md, before or after. */
export const comparisonsCorpus: Corpus<Op> = {
  positive: [
    {
      expected: 'eq',
      examples: [
        '新建5G基站1.2万个',
        '城市生活垃圾无害化处理率达到100%',
        '完成投资50亿元',
        '建成区域医疗中心3个',
        '居民健康素养水平提高3个百分点',
        '单位GDP能耗较2020年下降13.5%',
      ],
    },
    {
      expected: 'gte',
      examples: [
        '全市森林覆盖率达到45%以上',
        '城镇新增就业每年不少于3万人',
        '耕地保有量不低于450万亩',
        '至少有 4 所学校进入示范校序列',
        '每个村（社区）至少配备1名网格员',
        '粮食产量稳定在100亿斤以上',
        '培育市级龙头企业10家及以上',
        '重点行业挥发性有机物排放总量下降10%以上',
      ],
    },
    {
      expected: 'gt',
      examples: [
        '每年培训各类人才超过 2000 人次',
        '外贸进出口总额突破200亿元',
        '惠及企业800余家',
        '组织200多名专家开展服务',
      ],
    },
    {
      expected: 'lte',
      examples: [
        'PM2.5平均浓度控制在35微克/立方米以内',
        '城镇调查失业率控制在5.5%以内',
        '每个示范点补助资金不超过50万元',
        '审批时限压缩至5个工作日',
        '婴儿死亡率降至5‰以下',
        '重污染天数不高于3天',
      ],
    },
    { expected: 'lt', examples: ['婴儿死亡率低于5‰', '债务率少于100%'] },
    {
      expected: 'approx',
      examples: [
        '培育 20 门左右市级思政示范课程',
        '规模以上工业增加值增长6%左右',
        '新增就业约2万人',
        '辐射带动近3万户农户',
        '粮食产量稳定在30亿斤上下',
      ],
    },
    {
      expected: 'range',
      examples: [
        '建设 2-3 个实训基地',
        '打造2～3个产业集群',
        '建设3至5个现代农业产业园',
        '培育两到三个龙头企业',
        '提高10%-15%',
      ],
    },
  ],
  // Comparison words with no figure after them set no target.
  negative: [
    '不低于全省平均水平',
    '超过预期目标',
    '控制在合理区间',
    '至少开展一批示范活动',
    '高于全国平均水平',
  ],
};
