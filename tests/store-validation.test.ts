import { describe, expect, it } from 'vitest';
import { isJurisdictionScope, membersForScope } from '../src/db/members-for-scope';
import type { MeasurementInput, TargetRecord } from '../src/db/store';
import { checkMeasurement, derivedValue } from '../src/db/validate-measurement';
import { JILIN, SIPING } from '../src/demo/jurisdictions';

describe('members a per-member scope ranges over', () => {
  const names = (scope: string, j = JILIN) => membersForScope(scope, j.members).map((m) => m.name);

  it.each([
    // 各县（市）统筹各类中职资源，整合建设成1所…职教中心
    ['各县（市）', SIPING, ['梨树县', '伊通满族自治县', '双辽市']],
    // 每个县（市）区至少建成1所老年大学
    ['每个县（市）区', SIPING, ['铁西区', '铁东区', '梨树县', '伊通满族自治县', '双辽市']],
    ['每个县(市)', JILIN, ['永吉县', '蛟河市', '桦甸市', '舒兰市', '磐石市']],
    ['每个县（市）职教中心', SIPING, ['梨树县', '伊通满族自治县', '双辽市']],
    ['教师', SIPING, []],
    ['优质职业院校', JILIN, []],
  ])('%s → its members', (scope, jurisdiction, expected) => {
    expect(names(scope, jurisdiction)).toEqual(expected);
    expect(isJurisdictionScope(scope)).toBe(expected.length > 0);
  });
});

const target = (fields: Partial<TargetRecord>): TargetRecord => ({
  id: 1,
  taskId: 1,
  planId: 1,
  revision: 1,
  quote: '1所',
  subject: '职教中心',
  value: 1,
  max: null,
  unit: '所',
  op: 'eq',
  deadline: null,
  per: null,
  each: null,
  base: null,
  change: null,
  baseYear: null,
  start: 0,
  end: 2,
  origin: 'extracted',
  confirmed: false,
  confirmedBy: null,
  deleted: false,
  updatedBy: 'test',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...fields,
});

describe('whether a figure can stand against its target', () => {
  const perCounty = target({ each: '各县（市）' });
  const share = target({
    quote: '不低于学校当年支出的 30%',
    unit: '%',
    value: 30,
    op: 'gte',
    base: '学校当年支出',
  });

  it.each<[string, TargetRecord, MeasurementInput, typeof SIPING.members, string[]]>([
    ['a county of the plan', perCounty, { year: 2024, member: '双辽市', value: 1 }, SIPING.members, []],
    [
      'a district for 各县（市）',
      perCounty,
      { year: 2024, member: '铁东区', value: 1 },
      SIPING.members,
      ['member'],
    ],
    [
      'a whole-area figure while members exist',
      perCounty,
      { year: 2024, value: 3 },
      SIPING.members,
      ['member'],
    ],
    ['a whole-area figure with no members set up', perCounty, { year: 2024, value: 3 }, [], []],
    [
      'a member with no members set up',
      perCounty,
      { year: 2024, member: '双辽市', value: 1 },
      [],
      ['member'],
    ],
    [
      'a teacher for 教师, which has no member list',
      target({ each: '教师' }),
      { year: 2024, member: '张老师', value: 1 },
      SIPING.members,
      ['member'],
    ],
    [
      'a whole-area figure for 教师',
      target({ each: '教师' }),
      { year: 2024, value: 1.1 },
      SIPING.members,
      [],
    ],
    [
      'a member name padded with spaces',
      perCounty,
      { year: 2024, member: ' 梨树县 ', value: 1 },
      SIPING.members,
      [],
    ],
    ['a share as numerator and denominator', share, { year: 2024, numerator: 3, denominator: 10 }, [], []],
    ['a denominator alone', share, { year: 2024, denominator: 10 }, [], ['numerator']],
    ['a year as text', share, { year: '2024' as never, value: 31 }, [], ['year']],
    ['an infinite figure', share, { year: 2024, value: Infinity }, [], ['value']],
  ])('%s', (_case, t, input, members, faulty) => {
    const result = checkMeasurement(input, t, members);
    expect(result.ok ? [] : result.issues.map((i) => i.path[0])).toEqual(faulty);
    if (!result.ok)
      for (const issue of result.issues) expect(issue.message).toMatch(/^\w+：.*[\u4e00-\u9fff].* \/ /);
  });

  it('derives and trims the stored figure', () => {
    const result = checkMeasurement(
      { year: 2024, member: ' 梨树县 ', value: 1, note: '  ' },
      perCounty,
      SIPING.members,
    );
    expect(result).toEqual({
      ok: true,
      value: { year: 2024, member: '梨树县', value: 1, numerator: null, denominator: null, note: null },
    });
  });

  it.each([
    ['%', 3240, 10400, 31.153846],
    ['%', 1, 3, 33.333333],
    ['倍', 9240, 4200, 2.2],
  ])('numerator/denominator in %s: %d / %d → %d', (unit, numerator, denominator, value) => {
    expect(derivedValue(unit, numerator, denominator)).toBe(value);
  });
});
