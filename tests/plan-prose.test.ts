import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { unitsInProse } from '../extractors/plan';
import { readPlan } from '../src/documents';

const here = path.dirname(fileURLToPath(import.meta.url));
const healthPlan = readFileSync(path.join(here, 'fixtures/documents/health-plan.txt'));

describe('a prose plan (health, numbered paragraphs, no task table)', () => {
  test('a numbered item is one task with its number as seq and the units its line names; an unnumbered paragraph gives its target-stating sentences', async () => {
    const plan = await readPlan('health-plan.txt', healthPlan);
    expect(plan.tasks.map((t) => [t.seq, t.text, t.units, t.qualitative])).toEqual([
      [
        null,
        '到2025年，全市每千人口执业（助理）医师数达到3.2人以上，每千人口注册护士数达到3.8人以上',
        [],
        false,
      ],
      [1, '提升基层医疗服务能力。', [], true],
      [1, '推进紧密型县域医共体建设，2024年底前建成县域医共体5个。', ['市卫健委', '市医保局'], false],
      [
        2,
        '加强乡镇卫生院标准化建设，每个乡镇卫生院至少配备1名全科医生。',
        ['市卫健委', '市人社局', '市财政局'],
        false,
      ],
      [3, '完善家庭医生签约服务，提高重点人群家庭医生签约服务覆盖率。', ['市卫健委'], true],
      [2, '健全公共卫生服务体系。', [], true],
      [
        1,
        '适龄儿童免疫规划疫苗接种率保持在95%以上，每年开展健康教育活动不少于200次。',
        ['市疾控中心', '各县（市）区政府'],
        false,
      ],
      [2, '到2025年，全市二级以上综合医院设置感染性疾病科的比例达到100%。', [], false],
      [1, '加强组织领导。各县（市）区要成立工作专班，定期研究解决工作中的重大问题。', [], true],
      [
        2,
        '强化经费保障。市财政每年安排专项资金不低于2000万元，用于基层医疗卫生机构能力建设。',
        ['市财政局'],
        false,
      ],
    ]);
  });

  test('targets keep offsets and subjects within their own sentence, and the year that opens a paragraph dates them', async () => {
    const plan = await readPlan('health-plan.txt', healthPlan);
    for (const task of plan.tasks) {
      expect(task.qualitative).toBe(task.targets.length === 0);
      for (const t of task.targets) {
        expect(task.text.slice(t.start, t.end)).toBe(t.quote);
        // Paragraph numbering such as `1.` stays out of subjects.
        expect(task.text).toContain(t.subject);
      }
    }
    const doctors = plan.tasks[0]!.targets.find((t) => t.value === 3.2);
    expect(doctors).toMatchObject({ unit: '人', op: 'gte', deadline: 2025 });
    const lead = plan.tasks[3]!.unitRoles;
    expect(lead.map((u) => u.role)).toEqual(['lead', 'support', 'support']);
  });

  test('a sentence split at ； keeps the year stated before the split', async () => {
    const text = '一、主要目标\n到2027年，全市新建城市绿道120公里；改造提升口袋公园30个。\n';
    const plan = await readPlan('green.md', Buffer.from(text));
    expect(plan.tasks.map((t) => t.text)).toEqual([
      '到2027年，全市新建城市绿道120公里',
      '改造提升口袋公园30个。',
    ]);
    for (const task of plan.tasks) expect(task.targets.map((t) => t.deadline)).toEqual([2027]);
  });
});

describe('units named in prose', () => {
  test.each([
    [
      '（责任单位：市卫健委、各县（市）区政府）',
      [
        ['市卫健委', 'lead'],
        ['各县（市）区政府', 'support'],
      ],
    ],
    [
      '（牵头单位：市生态环境局；配合单位：市住建局、市水利局）',
      [
        ['市生态环境局', 'lead'],
        ['市住建局', 'support'],
        ['市水利局', 'support'],
      ],
    ],
    [
      '（市农业农村局牵头，市财政局、各县（市）区政府配合）',
      [
        ['市农业农村局', 'lead'],
        ['市财政局', 'support'],
        ['各县（市）区政府', 'support'],
      ],
    ],
    ['（市交通运输局牵头）', [['市交通运输局', 'lead']]],
    ['责任部门：市市场监管局', [['市市场监管局', 'lead']]],
    ['到2025年，全市森林覆盖率达到45%。', []],
  ])('%s', (text, units) => {
    expect(unitsInProse(text).map((u) => [u.name, u.role])).toEqual(units);
  });
});
