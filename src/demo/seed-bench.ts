/**
 * Data at a chosen scale for benchmarks and capacity planning, written through the product's
 * own write path (`importPlanFile`, `recordMeasurements`, `setMeasurementState`), so it is
 * indexed, revisioned and checked like real data. Every plan is a variant of a seed plan: its
 * figures scaled by a factor of its own (so targets differ from plan to plan), with its
 * jurisdiction's members; each target gets ten years of figures (per member where the target
 * says 每个县（市）…) that move towards the target at a plan-specific pace, one figure in ten
 * is corrected (a second revision), and the older years are 已核实 with a few 退回.
 * Deterministic: the same N gives the same data.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { importPlanFile } from '../app/import-plan-file';
import { membersForScope } from '../db/members-for-scope';
import type { MeasurementRecord, MeasurementRow, PlanRecord, Store } from '../db/store';
import { SEED_PLANS } from './seed-demo';

const ACTOR = 'seed-bench';
const YEARS = 10;
/** Per plan: how many series are verified (the older years) and how many of them returned. */
const VERIFIED_PER_PLAN = 20;
const RETURNED_PER_PLAN = 2;

export interface SeedBenchResult {
  plans: number;
  figures: number;
  corrections: number;
  verified: number;
  returned: number;
  /** Time spent in the bulk figure writes alone. */
  bulkMs: number;
  /** How many bulk writes (uploads, each its own transaction) that time covers. */
  uploads: number;
}

/** A small deterministic hash of integers: the same plan and target give the same figures. */
function mix(...n: number[]): number {
  let h = 2166136261;
  for (const x of n) h = Math.imul(h ^ x, 16777619) >>> 0;
  return (h % 10_000) / 10_000;
}

/**
 * A seed plan's text with every target figure scaled by `factor` (years, task numbers and
 * list numbers left alone), so each copy states its own targets.
 * @example varyPlanText('建成 20 个基地，到2025年', 1.5) // '建成 30 个基地，到2025年'
 */
export function varyPlanText(text: string, factor: number): string {
  return text.replace(/(?<![0-9.（(])([1-9][0-9]{0,4})(?=\s*[个门所家人项名万亿%支条本套场次])/g, (n) =>
    String(Math.max(1, Math.round(Number(n) * factor))),
  );
}

/** Ten years of figures for every target (and member) of a plan, moving towards the target. */
async function figuresFor(store: Store, plan: PlanRecord, pace: number): Promise<MeasurementRow[]> {
  const [targets, members] = await Promise.all([store.listTargets(plan.id), store.listMembers(plan.id)]);
  const rows: MeasurementRow[] = [];
  for (const t of targets) {
    const first = t.change && t.baseYear !== null ? Math.min(t.baseYear, plan.startYear) : plan.startYear;
    for (let year = first; year < plan.startYear + YEARS; year++) {
      const step = (year - first + 1) / YEARS;
      const noise = 0.85 + 0.3 * mix(plan.id, t.id, year);
      // A change target is entered as levels from its base level (100); others as shares of the target.
      const value = t.change
        ? 100 * (1 + (t.change === 'rise' ? 1 : -1) * (t.value / 100) * step * pace * noise)
        : t.value * step * pace * noise;
      const rounded = Math.max(0, Math.round(value * 100) / 100);
      const inScope = t.each === null ? [] : membersForScope(t.each, members);
      if (inScope.length > 0)
        for (const m of inScope) rows.push({ targetId: t.id, year, member: m.name, value: rounded });
      else rows.push({ targetId: t.id, year, value: rounded });
    }
  }
  return rows;
}

/** Imports `plans` varied copies of the seed plans with their figures, corrections and states. */
export async function seedBench(
  store: Store,
  plans: number,
  onPlan: (done: number) => void = () => undefined,
): Promise<SeedBenchResult> {
  const result: SeedBenchResult = {
    plans: 0,
    figures: 0,
    corrections: 0,
    verified: 0,
    returned: 0,
    bulkMs: 0,
    uploads: 0,
  };
  const texts = await Promise.all(
    SEED_PLANS.map((s) => readFile(path.join(PROJECT_ROOT, 'data', 'plans', s.file), 'utf8')),
  );
  for (let i = 0; i < plans; i++) {
    const seed = SEED_PLANS[i % SEED_PLANS.length]!;
    const factor = 0.5 + 1.5 * mix(i, 1);
    const text = varyPlanText(texts[i % SEED_PLANS.length]!, factor);
    const { plan } = await importPlanFile(
      store,
      seed.file,
      Buffer.from(`${text}\n\n（规模测试副本 ${i + 1}）\n`),
      {
        title: `${seed.title}（规模测试 ${i + 1}）`,
        issuer: seed.issuer,
        year: seed.year,
        jurisdiction: seed.jurisdiction,
        // Published like the demo's plans: the copies stand for plans every role reads.
        state: 'published',
      },
      ACTOR,
    );
    const figures = await figuresFor(store, plan, 0.6 + 0.8 * mix(i, 2));
    const t0 = performance.now();
    const written = await store.recordMeasurements(figures, ACTOR);
    // One figure in ten corrected: the series' second revision.
    const corrections = figures
      .filter((_, k) => k % 10 === 3)
      .map((r) => ({ ...r, value: Math.round((r.value ?? 0) * 1.05 * 100) / 100 }));
    if (corrections.length > 0) await store.recordMeasurements(corrections, ACTOR);
    result.bulkMs += performance.now() - t0;
    result.uploads += corrections.length > 0 ? 2 : 1;
    result.figures += written.length;
    result.corrections += corrections.length;
    const states = await markStates(store, plan, written);
    result.verified += states.verified;
    result.returned += states.returned;
    result.plans++;
    onPlan(i + 1);
  }
  // A bulk load: the planner must know the tables' new sizes (autovacuum may be off).
  await store.refreshStatistics();
  return result;
}

/** The older years' figures checked: most 已核实, a few 退回 with a reason. */
async function markStates(store: Store, plan: PlanRecord, written: MeasurementRecord[]) {
  const current = new Map(
    (await store.listMeasurements({ planId: plan.id })).map((m) => [
      `${m.targetId}|${m.year}|${m.member}`,
      m,
    ]),
  );
  const older = written.filter((m) => m.year < plan.startYear + YEARS / 2).slice(0, VERIFIED_PER_PLAN);
  let verified = 0;
  let returned = 0;
  for (const [k, m] of older.entries()) {
    const now = current.get(`${m.targetId}|${m.year}|${m.member}`) ?? m;
    const back = k < RETURNED_PER_PLAN;
    await store.setMeasurementState(
      m.targetId,
      m.year,
      m.member,
      back ? 'returned' : 'verified',
      now.revision,
      ACTOR,
      back ? '与统计年鉴不一致，请核对 / disagrees with the statistical yearbook' : null,
    );
    if (back) returned++;
    else verified++;
  }
  return { verified, returned };
}
