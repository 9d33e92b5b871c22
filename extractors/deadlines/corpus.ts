import type { Corpus } from '../rules/corpus';

/** The deadline of the first target: the year by whose end it is due, stated before or after it. */
export const deadlinesCorpus: Corpus<number> = {
  positive: [
    {
      expected: 2023,
      examples: [
        '2023 年底全市建成示范校3所',
        '2023年底前完成改造老旧小区120个',
        '新建公共充电桩200个，2023年6月底前完成',
      ],
    },
    {
      expected: 2025,
      examples: [
        '2025 年末行业协会挂牌在 3 家以上',
        '到2025年，全市森林覆盖率达到45%以上',
        '“十四五”末年均培训规模达到 5000 人以上',
        '十四五期末，建成乡镇污水处理厂20座',
        '2023-2025年，每年新增就业1万人',
      ],
    },
    {
      expected: 2027,
      examples: ['到2027年，全市5G基站总数达到8000个', '力争到2027年底，培育高新技术企业100家'],
    },
    { expected: 2030, examples: ['“十五五”末，单位GDP能耗下降10%', '到2030年，森林蓄积量达到1200万立方米'] },
  ],
  // A year to compare with, or no year at all, gives no deadline.
  negative: [
    '单位GDP能耗较2020年下降13.5%',
    '高新技术企业数量是2020年的1.5倍',
    '在2020年基础上新增就业2万人',
    '培育 2 所省级典型学校',
    '比2021年增长10%',
  ],
};
