import { describe, expect, it } from 'vitest';
import {
  scoreTargets,
  sameText,
  type ScoredTarget,
  type ScoredTask,
} from '../extractors/scoring/score-targets';
import { sumScores } from '../extractors/scoring/sum-scores';

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

  // Pairing as shared/tools/score-extraction.mjs does it: by id, else seq, else text; then a target
  // left over may match anywhere in the plan when its subject or its quote agrees.
  const two: ScoredTask[] = [
    {
      seq: 1,
      text: '新建社区食堂15个',
      targets: [target({ quote: '15个', subject: '社区食堂', value: 15, unit: '个', op: 'eq' })],
    },
    {
      seq: 2,
      text: '改造老旧小区42个',
      targets: [target({ quote: '42个', subject: '老旧小区', value: 42, unit: '个', op: 'eq' })],
    },
  ];
  const found = (over: Partial<ScoredTarget>) => target({ value: 15, unit: '个', op: 'eq', ...over });
  it.each<[string, ScoredTask[], number]>([
    ['the same seq', [{ seq: 1, targets: [found({ quote: '15个', subject: '社区食堂' })] }], 1],
    ['the same text, no seq', [{ text: '新建社区食堂15个', targets: [found({ subject: '社区食堂' })] }], 1],
    [
      'seq before text: seq 1 with the text of task 2 is task 1',
      [{ seq: 1, text: '改造老旧小区42个', targets: [found({ subject: 'x', quote: 'y' })] }],
      1,
    ],
    [
      'another task, the same subject',
      [{ seq: 2, targets: [found({ subject: '社区食堂', quote: 'y' })] }],
      1,
    ],
    [
      'another task, the same quote',
      [{ seq: 2, targets: [found({ subject: '食堂建设', quote: '15个' })] }],
      1,
    ],
    [
      'an unknown task, the same subject',
      [{ text: '另一句话', targets: [found({ subject: '社区食堂' })] }],
      1,
    ],
    [
      'another task, neither subject nor quote',
      [{ seq: 2, targets: [found({ subject: '老旧小区', quote: '42个' })] }],
      0,
    ],
  ])('a prediction in %s is matched %i time(s)', (_what, predicted, matched) => {
    expect(scoreTargets(two, predicted).matched).toBe(matched);
  });

  it('prefers the prediction of the same task over an equal one elsewhere', () => {
    const s = scoreTargets(two, [
      { seq: 2, targets: [found({ subject: '社区食堂', quote: '15个', deadline: 2025 })] },
      { seq: 1, targets: [found({ subject: '社区食堂', quote: '15个' })] },
    ]);
    expect([s.matched, s.extras.length, s.fields.deadline]).toEqual([1, 1, 1]);
  });

  it('sums plans by counting targets over all of them, as the tool does over several gold files', () => {
    const a = scoreTargets(gold, [{ seq: 3, targets: [target(), target({ value: 9 })] }]);
    const b = scoreTargets(two, [{ seq: 1, targets: [found({ subject: '社区', deadline: 2025 })] }]);
    const s = sumScores([a, b]);
    expect([s.gold, s.predicted, s.matched]).toEqual([3, 3, 2]);
    expect([s.precision, s.recall, s.f1]).toEqual([0.667, 0.667, 0.667]);
    expect([s.fields.subject, s.fields.deadline]).toEqual([0.5, 0.5]);
    expect(s.misses).toHaveLength(1);
  });
});
