/**
 * Real lines from plan documents and their notices (titles, 文号, 落款 and period lines of
 * municipal and county plans from several provinces), grouped by what each must yield.
 */
import type { Corpus } from '../rules/corpus';
import type { Period } from './rules';

export const documentNumberCorpus: Corpus<string> = {
  positive: [
    {
      expected: '吉市政办发〔2023〕12号',
      examples: ['吉市政办发〔2023〕12号', '  吉市政办发〔2023〕12号  '],
    },
    { expected: '四政办发[2022]5号', examples: ['四政办发[2022]5号'] },
    { expected: '苏政办发〔2021〕107号', examples: ['苏政办发〔2021〕107号'] },
    { expected: '湘教发〔2023〕3号', examples: ['湘教发〔2023〕3号'] },
    { expected: '黔府办函〔2024〕18号', examples: ['黔府办函〔2024〕18号'] },
    { expected: '赣市府办字（2023）41号', examples: ['赣市府办字（2023）41号'] },
  ],
  negative: ['到2025年，全市建成示范校3所', '（2023—2025年）', '第3号任务', '吉林市人民政府办公室'],
};

export const periodCorpus: Corpus<Period> = {
  positive: [
    {
      expected: { startYear: 2023, horizonYear: 2025 },
      examples: [
        '吉林市推进现代职业教育高质量发展实施方案（2023—2025年）',
        '（2023-2025年）',
        '黄冈市数字经济发展三年行动计划（2023至2025年）',
        '2023年—2025年',
      ],
    },
    {
      expected: { startYear: 2021, horizonYear: 2025 },
      examples: ['株洲市“十四五”教育事业发展规划', '十四五期间，全市新建学校20所'],
    },
    { expected: { startYear: 2026, horizonYear: 2030 }, examples: ['“十五五”生态环境保护规划'] },
    {
      expected: { startYear: null, horizonYear: 2025 },
      examples: ['到2025年，全市职业院校办学条件全面达标', '至2025年底，建成高水平专业群10个'],
    },
    { expected: { startYear: null, horizonYear: 2027 }, examples: ['力争到2027年，培育专精特新企业100家'] },
  ],
  negative: ['市教育局、市财政局', '较2020年增长10%', '吉市政办发〔2023〕12号'],
};

export const noticeNameCorpus: Corpus<string> = {
  positive: [
    {
      expected: '吉林市推进现代职业教育高质量发展实施方案',
      examples: [
        '吉林市人民政府办公室关于印发《吉林市推进现代职业教育高质量发展实施方案》的通知',
        '关于印发吉林市推进现代职业教育高质量发展实施方案的通知',
      ],
    },
    {
      expected: '黄冈市数字经济发展三年行动计划（2023—2025年）',
      examples: ['黄冈市人民政府关于印发黄冈市数字经济发展三年行动计划（2023—2025年）的通知'],
    },
    {
      expected: '2024年全县重点工作任务分工方案',
      examples: ['中共安吉县委办公室 安吉县人民政府办公室关于转发《2024年全县重点工作任务分工方案》的通知'],
    },
  ],
  negative: [
    '吉林市推进现代职业教育高质量发展实施方案',
    '关于进一步加强职业教育工作的意见',
    '各县（市）人民政府：',
  ],
};

export const issuerCorpus: Corpus<string> = {
  positive: [
    {
      expected: '四平市人民政府办公室',
      examples: [
        '印发单位：四平市人民政府办公室',
        '四平市人民政府办公室关于印发《四平市职业教育实施方案》的通知',
      ],
    },
    { expected: '吉林市教育局', examples: ['发文单位：吉林市教育局'] },
    { expected: '株洲市人民政府', examples: ['株洲市人民政府关于印发株洲市“十四五”教育事业发展规划的通知'] },
  ],
  negative: ['关于印发吉林市推进现代职业教育高质量发展实施方案的通知', '市教育局、市财政局按职责分工负责'],
};

export const placeCorpus: Corpus<string> = {
  positive: [
    {
      expected: '四平市',
      examples: ['四平市推进现代职业教育高质量发展实施方案', '吉林省四平市职业教育发展规划'],
    },
    { expected: '吉林市', examples: ['吉林市推进现代职业教育高质量发展实施方案（2023—2025年）'] },
    { expected: '梨树县', examples: ['梨树县乡村振兴重点工作任务分工方案'] },
    { expected: '延边朝鲜族自治州', examples: ['延边朝鲜族自治州职业教育发展行动计划'] },
    { expected: '铁西区', examples: ['铁西区人民政府办公室'] },
  ],
  negative: ['关于印发实施方案的通知', '推进现代职业教育高质量发展实施方案', '全面推进乡村振兴工作方案'],
};
