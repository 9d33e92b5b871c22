import type { Corpus } from '../rules/corpus';

/** What the first share or multiple of a sentence is taken of, as written. */
export const basesCorpus: Corpus<string> = {
  positive: [
    {
      expected: '学校当年支出',
      examples: ['保障教学经费⟦不低于学校当年支出的 30%⟧', '实训经费达到学校当年支出的15%'],
    },
    { expected: '在校生规模', examples: ['年培训人次达到在校生规模的 2 倍以上'] },
    {
      expected: '地区生产总值',
      examples: ['研发经费投入占地区生产总值的比重达到2.5%', '数字经济增加值占地区生产总值比重达到10%'],
    },
    {
      expected: '2020年',
      examples: [
        '高新技术企业数量是2020年的1.5倍',
        '单位GDP能耗较2020年下降13.5%',
        '农业总产值比2020年增长不低于10%',
      ],
    },
    { expected: '上年', examples: ['到2025年，规上工业增加值较上年增长8%以上'] },
    { expected: '全省平均水平', examples: ['人均收入为全省平均水平的1.2倍'] },
  ],
  negative: ['全市森林覆盖率达到45%以上', '提高3个百分点', '新建5G基站1.2万个'],
};
