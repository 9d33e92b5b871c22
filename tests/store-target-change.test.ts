/**
 * Targets against a base year in the store, on every dialect: an import keeps the direction
 * and the base year the extractor read, corrections revise them with history, impossible ones
 * are refused naming the field, and the base year's level is entered as that year's figure.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractTargets } from '../extractors/targets/extract-targets';
import type { ExtractedPlan } from '../extractors/types';
import { loadPlanProgress } from '../src/app/load-plan-progress';
import { hashOf } from './support/gold-plans';
import { dialects, useFreshStore } from './support/store-dialects';

const SENTENCES = [
  '到2025年，单位GDP能耗比2020年下降13.5%',
  '到2025年，农村居民人均可支配收入较2020年增长8%以上',
  '规模以上工业增加值较上年增长8%',
  '婴儿死亡率降至5‰以下',
];

const plan: ExtractedPlan = {
  plan: 'change.txt',
  title: '“十四五”节能减排和民生指标',
  tasks: SENTENCES.map((text, i) => ({
    seq: i + 1,
    text,
    units: ['市发展改革委'],
    unitRoles: [{ name: '市发展改革委', role: 'lead' }],
    timeLimit: null,
    targets: extractTargets(text),
    qualitative: false,
  })),
};

describe.each(dialects.map((d) => [d.name, d] as const))(
  'targets against a base year on %s',
  (_name, dialect) => {
    const f = useFreshStore(dialect);
    let planId: number;
    beforeAll(async () => {
      const imported = await f.store.importPlan(
        {
          extracted: plan,
          title: plan.title!,
          year: 2021,
          sourceName: 'change.txt',
          sourceHash: hashOf('change'),
        },
        'importer',
      );
      planId = imported.plan.id;
    });
    const bySubject = async (subject: string) =>
      (await f.store.listTargets(planId)).find((t) => t.subject === subject)!;

    it('keeps the direction and the base year of every target an import reads', async () => {
      const targets = await f.store.listTargets(planId);
      expect(targets.map((t) => [t.subject, t.change, t.baseYear, t.base])).toEqual([
        ['单位GDP能耗', 'fall', 2020, '2020年'],
        ['农村居民人均可支配收入', 'rise', 2020, '2020年'],
        ['规模以上工业增加值', 'rise', null, '上年'],
        ['婴儿死亡率', null, null, null],
      ]);
    });

    it('revises the direction and base year with history, and clears them together', async () => {
      const t = await bySubject('单位GDP能耗');
      const moved = await f.store.updateTarget(t.id, { baseYear: 2019 }, 1, 'evaluator');
      expect(moved).toMatchObject({ revision: 2, change: 'fall', baseYear: 2019, origin: 'edited' });
      const level = await f.store.updateTarget(t.id, { change: null, baseYear: null }, 2, 'evaluator');
      expect(level).toMatchObject({ change: null, baseYear: null });
      const back = await f.store.updateTarget(t.id, { change: 'fall', baseYear: 2020 }, 3, 'evaluator');
      expect(back).toMatchObject({ revision: 4, change: 'fall', baseYear: 2020 });
      expect((await f.store.targetHistory(t.id)).map((h) => [h.revision, h.change, h.baseYear])).toEqual([
        [1, 'fall', 2020],
        [2, 'fall', 2019],
        [3, null, null],
        [4, 'fall', 2020],
      ]);
    });

    it.each([
      [{ change: 'up' as never }, 'change', /变化方向应为 rise（增长）、fall（下降）/],
      [{ change: null, baseYear: 2020 }, 'baseYear', /基期年份只用于比基期增长或下降的目标/],
      [{ baseYear: 1800 }, 'baseYear', /年份应为 1990 至 2100/],
      [{ baseYear: 2025 }, 'baseYear', /基期年份 2025 应早于完成年份 2025/],
    ])('refuses %o naming %s', async (patch, field, message) => {
      const t = await bySubject('农村居民人均可支配收入');
      const before = await f.store.targetHistory(t.id);
      await expect(f.store.updateTarget(t.id, patch, t.revision, 'evaluator')).rejects.toMatchObject({
        code: 'unprocessable',
        issues: [{ path: [field], message: expect.stringMatching(message) }],
      });
      expect(await f.store.targetHistory(t.id)).toHaveLength(before.length);
    });

    it('adds a change target by hand, the base year read from the base when not given', async () => {
      const [task] = await f.store.listTasks(planId);
      const added = await f.store.addTarget(
        task!.id,
        {
          quote: '',
          subject: '单位GDP二氧化碳排放',
          value: 14,
          max: null,
          unit: '%',
          op: 'eq',
          deadline: 2025,
          per: null,
          each: null,
          base: '2020年',
          change: 'fall',
          start: null,
          end: null,
        },
        'evaluator',
      );
      expect(added).toMatchObject({ change: 'fall', baseYear: 2020, origin: 'manual' });
    });

    it('takes the base-year level as that year’s figure and judges the change from it', async () => {
      const t = await bySubject('单位GDP能耗');
      await expect(
        f.store.recordMeasurement(t.id, { year: 2024, numerator: 1, denominator: 2 }, 'statistician'),
      ).rejects.toMatchObject({ code: 'unprocessable', issues: [{ path: ['numerator'] }] });
      const before = await loadPlanProgress(f.store, planId, { asOfYear: 2024 });
      await f.store.recordMeasurement(t.id, { year: 2024, value: 0.44 }, 'statistician');
      const noBase = await loadPlanProgress(f.store, planId, { asOfYear: 2024 });
      const row = (v: typeof before) => v.targets.find((r) => r.targetId === t.id)!;
      expect(row(noBase)).toMatchObject({ change: 'fall', baseYear: 2020 });
      expect(row(noBase).progress).toMatchObject({
        status: 'unreported',
        note: '未填报基期数据（2020 年）；2024 年 0.44',
      });
      await f.store.recordMeasurement(t.id, { year: 2020, value: 0.5 }, 'statistician');
      const judged = row(await loadPlanProgress(f.store, planId, { asOfYear: 2024 })).progress;
      expect(judged.status).toBe('on_track');
      expect(judged.note).toBe('2024 年比2020年下降 12%（目标 13.5%），完成 88.9%，序时进度 80%');
      expect(judged.change).toMatchObject({ baseYear: 2020, baseLevel: 0.5 });
    });
  },
);
