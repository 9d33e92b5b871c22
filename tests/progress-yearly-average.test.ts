/**
 * 年均 targets are judged by the average of the years so far, 每年 targets year by year. The
 * words are read from the quote and from the clause of the task text before it, as plans
 * write them; the loader marks the targets of a stored plan accordingly.
 */
import { describe, expect, it } from 'vitest';
import { loadPlanProgress } from '../src/app';
import { isYearlyAverage } from '../src/progress/yearly-average';
import { hashOf, seedPlanImport } from './support/gold-plans';
import { dialects, useFreshStore } from './support/store-dialects';

describe('a yearly-rate target judged by its average', () => {
  it.each([
    // Seed plans (吉林市, 四平市)
    ['“十四五”末年均培训规模达到 5000 人以上', '5000 人以上', true],
    ['鼓励职业院校与乡镇共建乡村人才培养基地，每年培训各类乡村人才超过 2000 人次', '超过 2000 人次', false],
    ['职业学校有序安排教师每年至少到企业或者实训基地实践1个月', '至少到企业或者实训基地实践1个月', false],
    // Other plans and work reports
    ['农村居民人均可支配收入年均增长8%左右', '增长8%左右', true],
    ['年均新增造林绿化面积3万亩以上', '3万亩以上', true],
    ['研发投入年均增长10%～15%', '年均增长10%～15%', true],
    ['五年来，平均每年新增城镇就业1300万人以上', '1300万人以上', true],
    ['粮食产量年平均稳定在1.3万亿斤以上', '1.3万亿斤以上', true],
    ['城镇新增就业每年均保持在1100万人以上', '1100万人以上', false],
    ['每年培训农民工3000人次，年均增长10%', '3000人次', false],
    ['每年培训农民工3000人次，年均增长10%', '增长10%', true],
    ['年均培训3000人次；每年新建实训基地2个', '2个', false],
  ])('%s — %s → %s', (text, quote, expected) => {
    const start = text.lastIndexOf(quote);
    expect(isYearlyAverage({ quote, per: 'year', start }, text)).toBe(expected);
  });

  it('is never an average for a target that is not a yearly rate', () => {
    const text = '到2025年，年均培训规模达到 5000 人以上';
    expect(isYearlyAverage({ quote: '5000 人以上', per: null, start: text.indexOf('5000') }, text)).toBe(
      false,
    );
  });

  it('finds the quote in the text when it has no span (added by hand) or an edit moved it', () => {
    const text = '“十四五”末年均培训规模达到 5000 人以上';
    expect(isYearlyAverage({ quote: '5000 人以上', per: 'year', start: null }, text)).toBe(true);
    expect(isYearlyAverage({ quote: '5000 人以上', per: 'year', start: 3 }, text)).toBe(true);
    expect(isYearlyAverage({ quote: '6000 人以上', per: 'year', start: null }, text)).toBe(false);
  });
});

describe.each(dialects.map((d) => [d.name, d] as const))(
  '年均 targets of a stored plan on %s',
  (_n, dialect) => {
    const f = useFreshStore(dialect);

    it('judges 年均培训规模 5000 人 by the mean of 2023–2024 and 每年培训 2000 人次 by 2024 alone', async () => {
      const { plan } = await f.store.importPlan(
        seedPlanImport('jilin', hashOf('yearly-average'), { sourceName: '000.txt' }),
        'tester',
      );
      const targets = await f.store.listTargets(plan.id);
      const training = targets.find((t) => t.quote === '5000 人以上')!;
      const rural = targets.find((t) => t.quote === '超过 2000 人次')!;
      for (const [target, first, second] of [
        [training, 7000, 2500],
        [rural, 3000, 500],
      ] as const) {
        await f.store.recordMeasurement(target.id, { year: 2023, value: first }, 'stat');
        await f.store.recordMeasurement(target.id, { year: 2024, value: second }, 'stat');
      }

      const view = await loadPlanProgress(f.store, plan, { asOfYear: 2024 });
      const row = (id: number) => view.targets.find((t) => t.targetId === id)!.progress;
      // (7000 + 2500) / 2 = 4750 of 5000: 95%, on track, though 2024 alone fell to half.
      expect(row(training.id)).toMatchObject({ status: 'on_track', latest: { year: 2024, value: 4750 } });
      expect(row(training.id).completion).toBeCloseTo(0.95);
      expect(row(training.id).note).toContain('年均');
      expect(row(rural.id)).toMatchObject({ latest: { year: 2024, value: 500 } });
      expect(row(rural.id).status).not.toBe('on_track');
      expect(row(rural.id).note).not.toContain('年均');
    });
  },
);
