/**
 * The two seed plans as extracted plans, built from the hand-labelled gold files so the
 * store tests do not depend on the extractor's accuracy. Spans are found in the task text.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportPlanInput } from '../../src/db/store';
import { JILIN, SIPING } from '../../src/demo/jurisdictions';
import type { ExtractedPlan, TargetFields } from '../../extractors/types';

const GOLD_DIR = fileURLToPath(new URL('../fixtures/gold', import.meta.url));

interface GoldTask {
  seq: number | null;
  text: string;
  units: string[];
  targets: TargetFields[];
}

export function goldPlan(file: '000_3cb08648fdcd494e' | '002_36169d261e098f31'): ExtractedPlan {
  const gold = JSON.parse(fs.readFileSync(path.join(GOLD_DIR, `${file}.gold.json`), 'utf8')) as {
    plan: string;
    tasks: GoldTask[];
  };
  return {
    plan: gold.plan,
    title: null,
    tasks: gold.tasks.map((t) => ({
      seq: t.seq,
      text: t.text,
      units: t.units,
      unitRoles: t.units.map((name, i) => ({ name, role: i === 0 ? 'lead' : 'support' })),
      timeLimit: null,
      qualitative: t.targets.length === 0,
      targets: t.targets.map((g) => {
        const start = Math.max(0, t.text.indexOf(g.quote));
        return { ...g, start, end: start + g.quote.length };
      }),
    })),
  };
}

export function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const SEED_PLANS = {
  jilin: {
    file: '000_3cb08648fdcd494e',
    title: '吉林市推动现代职业教育高质量发展建设技能社会实施方案',
    issuer: '吉林市人民政府',
    jurisdiction: JILIN,
  },
  siping: {
    file: '002_36169d261e098f31',
    title: '四平市职业教育重点工作任务分工',
    issuer: '四平市人民政府',
    jurisdiction: SIPING,
  },
} as const;

/**
 * A seed plan ready for `store.importPlan`, from its gold file, with its title, issuer, the
 * year 2023 and its real jurisdiction; `sourceHash` tells stores of the same plan apart.
 */
export function seedPlanImport(
  plan: keyof typeof SEED_PLANS,
  sourceHash: string,
  overrides: Partial<ImportPlanInput> = {},
): ImportPlanInput {
  const { file, title, issuer, jurisdiction } = SEED_PLANS[plan];
  return {
    extracted: goldPlan(file),
    title,
    issuer,
    year: 2023,
    sourceName: `${file}.txt`,
    sourceHash,
    jurisdiction,
    // Published, as the plans every role reads: drafts are tested in http-plan-lifecycle.
    state: 'published',
    ...overrides,
  };
}
