import type { Corpus } from '../rules/corpus';
import type { Reason } from './rules';

/** Texts whose numbers are no target, grouped by why; the negatives hold real targets. */
export const exclusionsCorpus: Corpus<Reason> = {
  positive: [
    {
      expected: 'name',
      examples: [
        '推动“1+X”证书试点学校建设',
        '实施一村一名大学生村医计划',
        '建设省内乃至东三省产教融合示范区',
        '深入学习贯彻党的二十大精神',
        '建设“一网通办”平台',
        '打造一站式服务中心',
        '支持永吉县实验职业高中二期建设项目',
        '全面加快5G网络建设',
        '创建全国千所中等职业教育优质校',
      ],
    },
    { expected: 'document', examples: ['贯彻落实国发〔2019〕4号文件', '按照吉政办发〔2021〕12号要求'] },
    { expected: 'ordinal', examples: ['第一，加快推进产业升级', '（三）加强组织领导', '一是完善制度'] },
    { expected: 'date', examples: ['2023 年底全市中职学校办学条件基本达标', '于3月15日前报送材料'] },
    {
      expected: 'period',
      examples: [
        '实施三年行动计划',
        '支持优质中职学校开展五年一贯制人才培养试点',
        '力争两到三年内建成区域医疗中心',
        '十四五时期，推进高质量发展',
        '近三年来成效明显',
      ],
    },
    {
      expected: 'attribute',
      examples: [
        '全市12个县（市、区）全部完成农村改厕任务',
        '65岁以上老年人健康管理服务全面开展',
        '对投资5000万元以上的项目给予支持',
        '今年确定12件民生实事',
        '其余5项中进展顺利',
        '从以下6个方面推进',
      ],
    },
    {
      expected: 'past',
      examples: [
        '截至2022年底，全市已建成5G基站8000个',
        '2022年全市地区生产总值同比增长5.2%',
        '累计建成充电桩2000个',
        '全省16个地市已全部出台方案',
        '158名代表参加表决',
        '已建成46个，超额完成',
      ],
    },
    {
      expected: 'vague',
      examples: [
        '三分之一的村开展试点',
        '培育一批优质校本课程思政教材',
        '允许将一定比例的培训收入用于补充经费',
        '形成一系列典型经验',
      ],
    },
  ],
  negative: [
    '培育 2 所省级“三全育人”典型学校',
    '到2025年，累计建成充电桩5000个',
    '建设5个工匠（院士、劳模）工作室',
    '每个县（市）办好 1 所职教中心',
    '全市金融机构贷款余额同比增长10%以上',
  ],
};
