/**
 * How long the progress view of a plan takes to compute, since the HTTP service computes it
 * on every request. Measured on a plan the size of the seed plans and on one 25 times larger,
 * against JSON-encoding the same view (what the request then does with it) as the reference.
 */
import { computePlanProgress, type PlanProgressInput } from '../src/progress';
import { OPS as ops } from '../src/shared/index.js';

const MEMBERS = ['永吉县', '蛟河市', '桦甸市', '舒兰市', '磐石市', '昌邑区', '龙潭区', '船营区', '丰满区'];

function syntheticPlan(tasks: number): PlanProgressInput {
  const input: PlanProgressInput = {
    plan: {
      id: 1,
      title: '基准方案',
      issuer: null,
      year: 2023,
      sourceName: 'bench',
      startYear: 2023,
      horizonYear: 2025,
    },
    tasks: [],
    targets: [],
    measurements: [],
    members: MEMBERS,
    options: { asOfYear: 2025 },
  };
  for (let i = 1; i <= tasks; i++) {
    const units = [
      { name: '市教育局', role: 'lead' as const },
      { name: `单位${i % 7}`, role: 'support' as const },
    ];
    input.tasks.push({
      id: i,
      seq: i,
      text: `任务 ${i}`,
      units,
      qualitative: false,
      qualitativeStatus: null,
    });
    for (let k = 0; k < 2; k++) {
      const id = i * 10 + k;
      const each = k === 1 && i % 4 === 0 ? '每个县（市）区' : null;
      const op = ops[(i + k) % ops.length]!;
      input.targets.push({
        id,
        taskId: i,
        quote: '',
        subject: '',
        value: 20,
        max: op === 'range' ? 30 : null,
        unit: '个',
        op,
        deadline: null,
        per: i % 5 === 0 ? 'year' : null,
        each,
        base: null,
      });
      for (const year of [2023, 2024, 2025]) {
        for (const member of each ? MEMBERS : [null]) {
          const value = ((id * 7 + year) % 30) + (year - 2023) * 3;
          input.measurements.push({
            targetId: id,
            year,
            member,
            value,
            numerator: null,
            denominator: null,
            state: 'verified',
          });
        }
      }
    }
  }
  return input;
}

function timeMs(repeat: number, work: () => void): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < repeat; i++) work();
  return Number(process.hrtime.bigint() - start) / 1e6 / repeat;
}

export async function run(): Promise<void> {
  for (const tasks of [20, 500]) {
    const input = syntheticPlan(tasks);
    const view = computePlanProgress(input);
    const repeat = tasks > 100 ? 20 : 200;
    timeMs(3, () => computePlanProgress(input)); // warm-up
    const compute = timeMs(repeat, () => computePlanProgress(input));
    const encode = timeMs(repeat, () => JSON.stringify(view));
    console.log(
      `${String(input.targets.length).padStart(5)} targets, ${String(input.measurements.length).padStart(6)} figures: ` +
        `computePlanProgress ${compute.toFixed(2)} ms, JSON.stringify of the view ${encode.toFixed(2)} ms ` +
        `(×${(compute / encode).toFixed(1)})`,
    );
  }
}
