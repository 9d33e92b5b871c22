/**
 * Scores predicted targets against gold with the rules of SCHEMA.md (the same as
 * shared/tools/score-extraction.mjs): a prediction matches a gold target of the same task when
 * value, max, unit and op agree; subject, deadline, per, each and base are then compared.
 */
export interface ScoredTarget {
  quote?: string;
  subject?: string | null;
  value: number;
  max?: number | null;
  unit: string;
  op: string;
  deadline?: number | null;
  per?: string | null;
  each?: string | null;
  base?: string | null;
}
export interface ScoredTask {
  id?: string | number | null;
  seq?: number | null;
  text?: string;
  targets?: ScoredTarget[];
}

export const FIELD_NAMES = ['subject', 'deadline', 'per', 'each', 'base'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export interface Score {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  fields: Record<FieldName, number>;
  misses: { task: string; text: string; gold: ScoredTarget }[];
  extras: { task: string; pred: ScoredTarget }[];
  fieldMisses: { task: string; field: FieldName; gold: unknown; pred: unknown; quote: string | undefined }[];
}

const squash = (s: unknown): string =>
  String(s ?? '')
    .replace(/[\s"“”‘’'「」『』《》]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
const normUnit = (u: string): string => {
  const s = squash(u).replace(/％/g, '%');
  return s === '百分点' ? '个百分点' : s;
};
const isNil = (x: unknown): x is null | undefined => x === null || x === undefined;
const sameNum = (a: unknown, b: unknown): boolean =>
  isNil(a)
    ? isNil(b)
    : !isNil(b) && Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(a)));
const core = (g: ScoredTarget, p: ScoredTarget): boolean =>
  sameNum(g.value, p.value) &&
  sameNum(g.max ?? null, p.max ?? null) &&
  normUnit(g.unit) === normUnit(p.unit) &&
  String(g.op) === String(p.op);

/** Subjects agree when equal, or one contains the other and the shorter has ≥ 80% of the longer's characters. */
export function sameText(a: unknown, b: unknown): boolean {
  const x = squash(a);
  const y = squash(b);
  if (!x && !y) return true;
  if (!x || !y) return false;
  if (x === y) return true;
  const [s, l] = x.length <= y.length ? [x, y] : [y, x];
  return l.includes(s) && s.length >= 0.8 * l.length;
}
const sameOpt = (a: unknown, b: unknown): boolean => (isNil(a) ? isNil(b) : squash(a) === squash(b));

const FIELDS: Record<FieldName, (g: ScoredTarget, p: ScoredTarget) => boolean> = {
  subject: (g, p) => sameText(g.subject, p.subject),
  deadline: (g, p) => sameNum(g.deadline ?? null, p.deadline ?? null),
  per: (g, p) => sameOpt(g.per, p.per),
  each: (g, p) => sameOpt(g.each, p.each),
  base: (g, p) => sameOpt(g.base, p.base),
};

const names = (t: ScoredTask): string[] =>
  [
    !isNil(t.id) ? `id:${t.id}` : null,
    !isNil(t.seq) ? `seq:${t.seq}` : null,
    t.text ? `text:${squash(t.text)}` : null,
  ].filter((n): n is string => n !== null);

type Slot = ScoredTarget & { key: string; text: string; used: boolean };

/**
 * Scores one plan's predicted tasks against its gold tasks.
 * @example scoreTargets(gold.tasks, gold.tasks.map((t) => ({ seq: t.seq, targets: extractTargets(t.text) }))).f1
 */
export function scoreTargets(goldTasks: ScoredTask[], predictedTasks: ScoredTask[]): Score {
  const alias = new Map<string, string>();
  for (const t of goldTasks) for (const n of names(t)) if (!alias.has(n)) alias.set(n, names(t)[0] ?? '');
  const keyOf = (t: ScoredTask) =>
    names(t)
      .map((n) => alias.get(n))
      .find(Boolean) ??
    names(t)[0] ??
    '';
  const slots = (tasks: ScoredTask[]): Slot[] =>
    tasks.flatMap((t) =>
      (t.targets ?? []).map((x) => ({ ...x, key: keyOf(t), text: t.text ?? '', used: false })),
    );
  const G = slots(goldTasks);
  const P = slots(predictedTasks);
  const agreement = (g: Slot, p: Slot) => FIELD_NAMES.reduce((s, f) => s + (FIELDS[f](g, p) ? 1 : 0), 0);

  const pairs: [Slot, Slot][] = [];
  for (const sameTask of [true, false]) {
    for (const g of G) {
      if (g.used) continue;
      let best: Slot | null = null;
      let bestScore = -1;
      for (const p of P) {
        if (p.used || !core(g, p) || (sameTask && p.key !== g.key)) continue;
        if (!sameTask && !(sameText(g.subject, p.subject) || sameText(g.quote, p.quote))) continue;
        const s = agreement(g, p);
        if (s > bestScore) [best, bestScore] = [p, s];
      }
      if (best) {
        g.used = best.used = true;
        pairs.push([g, best]);
      }
    }
  }

  const agree = Object.fromEntries(FIELD_NAMES.map((f) => [f, 0])) as Record<FieldName, number>;
  const fieldMisses: Score['fieldMisses'] = [];
  for (const [g, p] of pairs) {
    for (const f of FIELD_NAMES) {
      if (FIELDS[f](g, p)) agree[f]++;
      else
        fieldMisses.push({ task: g.key, field: f, gold: g[f] ?? null, pred: p[f] ?? null, quote: g.quote });
    }
  }
  const pick = ({ key: _k, text: _t, used: _u, ...target }: Slot): ScoredTarget => target;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const tp = pairs.length;
  const precision = P.length ? tp / P.length : G.length ? 0 : 1;
  const recall = G.length ? tp / G.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    gold: G.length,
    predicted: P.length,
    matched: tp,
    precision: r3(precision),
    recall: r3(recall),
    f1: r3(f1),
    fields: Object.fromEntries(FIELD_NAMES.map((f) => [f, tp ? r3(agree[f] / tp) : 0])) as Record<
      FieldName,
      number
    >,
    misses: G.filter((g) => !g.used).map((g) => ({ task: g.key, text: g.text, gold: pick(g) })),
    extras: P.filter((p) => !p.used).map((p) => ({ task: p.key, pred: pick(p) })),
    fieldMisses,
  };
}
