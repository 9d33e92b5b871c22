/**
 * A small plan whose figures a test sets, so that the report has targets in every state a
 * leader must see: as of 2025, in a plan running 2023–2027, one target missed at its 2025
 * deadline, one lagging behind 序时进度, one met, one on track and one not reported.
 */
import type { ImportPlanInput, PlanRecord, Store } from '../../src/db/store';
import type { ExtractedTask, TargetFields } from '../../extractors/types';

export const LEADER_PLAN = {
  title: '示范市职业技能提升三年行动方案',
  issuer: '示范市人民政府办公室',
  documentNumber: '示政办发〔2023〕7号',
  asOfYear: 2025,
} as const;

interface Spec {
  text: string;
  unit: string;
  target: Omit<TargetFields, 'max' | 'per' | 'each' | 'base'>;
  /** The 2025 figure the test records; null for none. */
  figure: number | null;
}

/** Subjects by the state their figures put them in. */
export const LEADER_TARGETS = {
  missed: '职业技能培训',
  behind: '高水平实训基地',
  met: '示范职业学校',
  onTrack: '校企合作企业',
  unreported: '精品在线课程',
} as const;

const SPECS: Spec[] = [
  {
    text: '开展职业技能培训5000人次，2025年底前完成。',
    unit: '市人社局',
    target: {
      quote: '5000人次',
      subject: LEADER_TARGETS.missed,
      value: 5000,
      unit: '人次',
      op: 'gte',
      deadline: 2025,
    },
    figure: 3000,
  },
  {
    text: '建成高水平实训基地10个。',
    unit: '市教育局',
    target: {
      quote: '10个',
      subject: LEADER_TARGETS.behind,
      value: 10,
      unit: '个',
      op: 'gte',
      deadline: 2027,
    },
    figure: 2,
  },
  {
    text: '认定示范职业学校4所，2025年底前完成。',
    unit: '市教育局',
    target: { quote: '4所', subject: LEADER_TARGETS.met, value: 4, unit: '所', op: 'gte', deadline: 2025 },
    figure: 4,
  },
  {
    text: '新增校企合作企业20家。',
    unit: '市工信局',
    target: {
      quote: '20家',
      subject: LEADER_TARGETS.onTrack,
      value: 20,
      unit: '家',
      op: 'gte',
      deadline: 2027,
    },
    figure: 14,
  },
  {
    text: '开发精品在线课程30门。',
    unit: '市教育局',
    target: {
      quote: '30门',
      subject: LEADER_TARGETS.unreported,
      value: 30,
      unit: '门',
      op: 'gte',
      deadline: 2027,
    },
    figure: null,
  },
];

function task(spec: Spec, seq: number): ExtractedTask {
  const start = spec.text.indexOf(spec.target.quote);
  return {
    seq,
    text: spec.text,
    units: [spec.unit, '市财政局'],
    unitRoles: [
      { name: spec.unit, role: 'lead' },
      { name: '市财政局', role: 'support' },
    ],
    timeLimit: null,
    qualitative: false,
    targets: [
      {
        ...spec.target,
        max: null,
        per: null,
        each: null,
        base: null,
        start,
        end: start + spec.target.quote.length,
      },
    ],
  };
}

/** Imports the plan (published, 2023–2027) into `store` and records its 2025 figures. */
export async function importLeaderPlan(store: Store): Promise<PlanRecord> {
  const input: ImportPlanInput = {
    extracted: { plan: 'a1b2c3d4e5f60718.txt', title: null, tasks: SPECS.map((s, i) => task(s, i + 1)) },
    title: LEADER_PLAN.title,
    issuer: LEADER_PLAN.issuer,
    documentNumber: LEADER_PLAN.documentNumber,
    year: 2023,
    startYear: 2023,
    horizonYear: 2027,
    sourceName: 'a1b2c3d4e5f60718.txt',
    sourceHash: 'leader-plan-a1b2c3d4e5f60718',
    state: 'published',
  };
  const { plan } = await store.importPlan(input, 'statistician');
  const targets = await store.listTargets(plan.id);
  for (const spec of SPECS) {
    if (spec.figure === null) continue;
    const target = targets.find((t) => t.subject === spec.target.subject)!;
    await store.recordMeasurement(target.id, { year: 2025, value: spec.figure }, '统计员李');
  }
  return plan;
}
