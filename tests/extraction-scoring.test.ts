import { describe, expect, it } from 'vitest';
import { scoreTargets, sameText, type ScoredTarget } from '../extractors/scoring/score-targets';

const target = (over: Partial<ScoredTarget> = {}): ScoredTarget => ({
  quote: '20 门左右',
  subject: '市级思政示范课程',
  value: 20,
  max: null,
  unit: '门',
  op: 'approx',
  deadline: null,
  per: null,
  each: null,
  base: null,
  ...over,
});
const gold = [{ seq: 3, text: '培育 20 门左右市级思政示范课程', targets: [target()] }];

describe('scoring extracted targets by the rules of SCHEMA.md', () => {
  it('scores an exact prediction as perfect', () => {
    const s = scoreTargets(gold, [{ seq: 3, targets: [target()] }]);
    expect([s.precision, s.recall, s.f1, s.fields.subject]).toEqual([1, 1, 1, 1]);
  });

  it.each([
    ['a different value', { value: 21 }],
    ['a different op', { op: 'eq' }],
    ['a different unit', { unit: '个' }],
    ['a range bound', { max: 30 }],
  ])('does not match a prediction with %s', (_what, change) => {
    const s = scoreTargets(gold, [{ seq: 3, targets: [target(change)] }]);
    expect(s.matched).toBe(0);
    expect(s.misses).toHaveLength(1);
    expect(s.extras).toHaveLength(1);
  });

  it('counts an extra prediction against precision only', () => {
    const s = scoreTargets(gold, [{ seq: 3, targets: [target(), target({ value: 5 })] }]);
    expect([s.precision, s.recall]).toEqual([0.5, 1]);
  });

  it('treats 百分点 as 个百分点 and ％ as %', () => {
    const g = [
      {
        seq: 1,
        targets: [
          target({ unit: '个百分点', value: 3, op: 'eq' }),
          target({ unit: '%', value: 5, op: 'eq' }),
        ],
      },
    ];
    const s = scoreTargets(g, [
      {
        seq: 1,
        targets: [target({ unit: '百分点', value: 3, op: 'eq' }), target({ unit: '％', value: 5, op: 'eq' })],
      },
    ]);
    expect(s.matched).toBe(2);
  });

  it('pairs tasks by text when the prediction has no sequence number', () => {
    const s = scoreTargets(gold, [{ text: '培育 20 门左右市级思政示范课程', targets: [target()] }]);
    expect(s.matched).toBe(1);
  });

  it('reports a field that disagrees on a matched target', () => {
    const s = scoreTargets(gold, [{ seq: 3, targets: [target({ deadline: 2025 })] }]);
    expect(s.fields.deadline).toBe(0);
    expect(s.fieldMisses).toEqual([
      { task: 'seq:3', field: 'deadline', gold: null, pred: 2025, quote: '20 门左右' },
    ]);
  });

  it.each([
    ['市级思政示范课程', '市级思政示范课程', true],
    ['“双师型”教师培养培训基地', '双师型教师培养培训基地', true],
    ['企业或者实训基地实践', '到企业或者实训基地实践', true],
    ['学校', '学校进入', false],
    ['森林覆盖率', '全市森林覆盖率', false],
  ])('compares subjects %s and %s as %s (80%% containment)', (a, b, same) => {
    expect(sameText(a, b)).toBe(same);
  });
});
