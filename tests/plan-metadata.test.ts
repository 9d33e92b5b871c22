/**
 * What a plan document proposes about itself, from the heads and signatures of real notices
 * and plans (municipal and county plans of several provinces): the plan's own name out of
 * its 印发 notice, the issuer from the notice or the 落款, the 文号, the period in its three
 * ways of writing, and the place, with the members the built-in division list gives it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposePlanMetadata } from '../extractors/plan/plan-metadata';
import { findDivision, isDivision } from '../src/app/china-divisions';
import { planProposal } from '../src/app/import-plan-file';
import { readPlan } from '../src/documents/read-plan';
import { extractTargets } from '../extractors/targets/extract-targets';
import { PROJECT_ROOT } from '../src/config';
import { JILIN, SIPING } from '../src/demo/jurisdictions';

const value = <T>(p: { value: T } | null) => (p === null ? null : p.value);

describe('plan metadata proposed from the document', () => {
  const cases: {
    name: string;
    lines: string[];
    expected: Record<string, unknown>;
  }[] = [
    {
      name: 'a notice with 《》, a 文号 and a period in the title',
      lines: [
        '吉林市人民政府办公室关于印发《吉林市推动现代职业教育高质量发展建设技能社会实施方案（2023—2025年）》的通知',
        '吉市政办发〔2023〕12号',
        '各县（市）区人民政府，市政府各委办局：',
      ],
      expected: {
        title: '吉林市推动现代职业教育高质量发展建设技能社会实施方案（2023—2025年）',
        issuer: '吉林市人民政府办公室',
        documentNumber: '吉市政办发〔2023〕12号',
        startYear: 2023,
        horizonYear: 2025,
        jurisdiction: '吉林市',
      },
    },
    {
      name: 'a notice broken over two lines, without 《》, signed at the end',
      lines: [
        '关于印发株洲市“十四五”教育事业',
        '发展规划的通知',
        '株政办发〔2021〕26号',
        '一、总体要求',
        '到2025年，全市学前教育毛入园率达到92%以上。',
        '株洲市人民政府办公室',
        '2021年12月30日',
      ],
      expected: {
        title: '株洲市“十四五”教育事业发展规划',
        issuer: '株洲市人民政府办公室',
        documentNumber: '株政办发〔2021〕26号',
        startYear: 2021,
        horizonYear: 2025,
        jurisdiction: '株洲市',
      },
    },
    {
      name: 'a bare plan with an end year in its body and a 印发单位 field',
      lines: [
        '梨树县乡村振兴重点工作任务分工方案',
        '印发单位：梨树县人民政府办公室',
        '到2027年，全县农村自来水普及率达到98%。',
      ],
      expected: {
        title: '梨树县乡村振兴重点工作任务分工方案',
        issuer: '梨树县人民政府办公室',
        documentNumber: null,
        startYear: null,
        horizonYear: 2027,
        jurisdiction: '梨树县',
      },
    },
    {
      name: 'a task table with nothing about itself: every field asks',
      lines: ['附件', '重点工作任务分工', '序号', '工作任务', '责任单位'],
      expected: {
        title: '重点工作任务分工',
        issuer: null,
        documentNumber: null,
        startYear: null,
        horizonYear: null,
        jurisdiction: null,
      },
    },
    {
      name: 'a place-like word that is no division is not taken for the jurisdiction',
      lines: ['职业教育园区建设实施方案（2024-2026年）'],
      expected: {
        title: '职业教育园区建设实施方案（2024-2026年）',
        startYear: 2024,
        horizonYear: 2026,
        jurisdiction: null,
      },
    },
  ];

  it.each(cases)('$name', ({ lines, expected }) => {
    const metadata = proposePlanMetadata(lines, { isPlace: isDivision });
    const values = Object.fromEntries(
      Object.keys(expected).map((k) => [k, value<unknown>(metadata[k as keyof typeof metadata])]),
    );
    expect(values).toEqual(expected);
    // Each proposal names a line of the document (a two-line title: both lines joined).
    const text = lines.join('');
    for (const field of Object.values(metadata)) if (field) expect(text).toContain(field.source);
  });

  it('gives the seed jurisdictions exactly the members the demo lists', () => {
    for (const j of [JILIN, SIPING]) expect(findDivision(j.name)?.members).toEqual(j.members);
    // Development zones (吉林高新技术产业开发区) are no division; county-level cities (双辽市) are.
    expect(findDivision('吉林市')!.members.map((m) => m.name)).not.toContain('吉林高新技术产业开发区');
    expect(findDivision('梨树县')).toMatchObject({ province: '吉林省', members: [] });
  });

  it('reads the prose fixture: notice, 文号, period, place with its members, lead and support units', async () => {
    const file = path.join(PROJECT_ROOT, 'tests/fixtures/documents/huangshi-digital-plan.txt');
    const plan = await readPlan('huangshi-digital-plan.txt', readFileSync(file), {
      extractTargets,
      isPlace: isDivision,
    });
    const proposal = planProposal(plan)!;
    expect(value(proposal.title)).toBe('黄石市数字经济发展三年行动计划（2024—2026年）');
    expect(value(proposal.documentNumber)).toBe('黄石政办发〔2024〕8号');
    expect(value(proposal.members)?.map((m) => m.name)).toEqual([
      '黄石港区',
      '西塞山区',
      '下陆区',
      '铁山区',
      '阳新县',
      '大冶市',
    ]);
    const first = plan.tasks[0]!;
    expect(first.seq).toBe(1);
    expect(first.unitRoles).toEqual([
      { name: '市经信局', role: 'lead' },
      { name: '市住建局', role: 'support' },
      { name: '各县（市）区人民政府', role: 'support' },
    ]);
  });
});
