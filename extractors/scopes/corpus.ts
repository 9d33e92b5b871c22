import type { Corpus } from '../rules/corpus';

/** The yearly rate and distributive scope of the first target of a sentence. */
export const scopesCorpus: Corpus<{ per: 'year' | null; each: string | null }> = {
  positive: [
    {
      expected: { per: 'year', each: null },
      examples: [
        '每年培训各类乡村人才超过 2000 人次',
        '年均新增造林绿化面积3万亩以上',
        '城镇新增就业每年不少于3万人',
        '年接待游客1000万人次',
        '培训农村劳动力3000人次/年',
        '农村居民人均可支配收入年均增长8%',
        '人工增雨作业年增水量达到2亿立方米',
      ],
    },
    {
      expected: { per: null, each: '每个县（市）' },
      examples: ['每个县（市）办好 1 所职教中心', '每个县（市）建设1个电商直播基地'],
    },
    {
      expected: { per: null, each: '每个乡镇' },
      examples: ['每个乡镇建设1个综合文化站', '每个乡镇至少配备2名专职人员'],
    },
    {
      expected: { per: null, each: '各县（市）' },
      examples: ['各县（市）统筹各类中职资源，整合建设成1所职教中心', '各县（市）建设3个示范村'],
    },
    { expected: { per: null, each: '每个示范点' }, examples: ['每个示范点补助资金不超过50万元'] },
    {
      expected: { per: null, each: '每个乡镇服务站' },
      examples: ['每个乡镇服务站配备专职工作人员不少于2名'],
    },
    { expected: { per: 'year', each: '教师' }, examples: ['学校安排教师每年至少到企业实践1个月'] },
    {
      expected: { per: 'year', each: '优质职业院校' },
      examples: ['优质职业院校年培训人次达到在校生规模的 2 倍以上'],
    },
    { expected: { per: null, each: '每人' }, examples: ['对新引进的博士给予每人10万元补贴'] },
  ],
  // A total for all, or 各 before several items that are counted together, has no scope.
  // A rate per head (每千人口…) is one indicator: its per-head phrase is no scope (SCHEMA.md).
  negative: [
    '每千人口拥有执业（助理）医师3.2人',
    '床位数达到每千人口7.5张',
    '全年接待游客1000万人次',
    '各涉农学校完成2个示范性职教中心建设任务',
    '全市新增就业3万人',
    '培训各类技能人才1.5万人次',
    '当年支出的30%用于教学',
    // a standard per head and month is a rate (SCHEMA.md), `每人` no set of members
    '城市低保标准提高到每人每月860元',
    '经济困难失能老年人护理补贴标准不低于每人每月300元',
  ],
};
