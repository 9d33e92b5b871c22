/**
 * The two seed plans as extracted plans, built from the hand-labelled gold files so the
 * store tests do not depend on the extractor's accuracy. Spans are found in the task text.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractedPlan, Target } from '../../extractors/types';

const GOLD_DIR = fileURLToPath(new URL('../fixtures/gold', import.meta.url));

interface GoldTask {
  seq: number | null;
  text: string;
  units: string[];
  targets: Omit<Target, 'start' | 'end'>[];
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
