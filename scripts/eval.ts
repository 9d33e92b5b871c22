/**
 * `npm run eval [-- --details] [-- --json] [SET…]`: extraction quality on the labelled sets
 * (tests/fixtures/eval/*, and the seeds), each document read as `dabiao extract --json` reads
 * it and scored by SCHEMA.md's rules. Prints one row per set: documents, gold, predicted,
 * matched, precision, recall, F1 and the agreement of subject, deadline, per, each and base.
 * `--details` adds every missed, spurious and disagreeing target; `--json` prints JSON.
 * Lives in scripts/, not bench/: bench/ measures speed against a reference, this measures
 * quality against gold, and neither should slow the other down.
 */
import { FIELD_NAMES, type Score } from '../extractors/scoring/score-targets';
import { sumScores } from '../extractors/scoring/sum-scores';
import { displayWidth } from '../src/cli/display-width';
import { evalSets, evaluateSet, type SetResult } from '../tests/fixtures/eval/eval-sets';
import { printReportPairs } from './eval-report-pairs';

const args = process.argv.slice(2);
const details = args.includes('--details');
const asJson = args.includes('--json');
const only = args.filter((a) => !a.startsWith('--'));

const sets = evalSets().filter((s) => only.length === 0 || only.includes(s.name));
if (sets.length === 0) {
  console.error(`没有这样的评测集 / no such evaluation set: ${only.join(', ')}`);
  process.exit(2);
}
const results: SetResult[] = [];
for (const set of sets) results.push(await evaluateSet(set));

const summary = (s: Score) => ({
  gold: s.gold,
  predicted: s.predicted,
  matched: s.matched,
  precision: s.precision,
  recall: s.recall,
  f1: s.f1,
  fields: s.fields,
});

if (asJson) {
  const out = results.map((r) => ({
    set: r.name,
    documents: r.documents.length,
    ...summary(r.score),
    errors: r.documents.filter((d) => d.error).map((d) => ({ file: d.file, error: d.error })),
    ...(details
      ? {
          perDocument: r.documents.map((d) => ({ file: d.file, ...summary(d.score) })),
          misses: r.documents.flatMap((d) => d.score.misses.map((m) => ({ file: d.file, ...m }))),
          extras: r.documents.flatMap((d) => d.score.extras.map((m) => ({ file: d.file, ...m }))),
          fieldMisses: r.documents.flatMap((d) => d.score.fieldMisses.map((m) => ({ file: d.file, ...m }))),
        }
      : {}),
  }));
  console.log(JSON.stringify(out, null, 2));
} else {
  if (details) for (const r of results) printDetails(r);
  const header = ['set', 'docs', 'gold', 'pred', 'matched', 'P', 'R', 'F1', ...FIELD_NAMES];
  const row = (name: string, docs: number, s: Score) => [
    name,
    String(docs),
    String(s.gold),
    String(s.predicted),
    String(s.matched),
    ...[s.precision, s.recall, s.f1, ...FIELD_NAMES.map((f) => s.fields[f])].map((x) => x.toFixed(3)),
  ];
  const rows = results.map((r) => row(r.name, r.documents.length, r.score));
  const unseen = results.filter((r) => r.name !== 'seeds');
  if (unseen.length > 1)
    rows.push(
      row(
        'all unseen',
        unseen.reduce((n, r) => n + r.documents.length, 0),
        sumScores(unseen.map((r) => r.score)),
      ),
    );
  printTable([header, ...rows]);
  for (const r of results) for (const d of r.documents) if (d.error) console.log(`! ${d.file}: ${d.error}`);
  if (only.length === 0) await printReportPairs(details, printTable);
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]!))));
  for (const r of rows)
    console.log(
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    );
}

function printDetails(r: SetResult): void {
  console.log(`== ${r.name} ==`);
  for (const d of r.documents) {
    const s = d.score;
    console.log(
      `-- ${d.file}: F1 ${s.f1.toFixed(3)} (gold ${s.gold}, predicted ${s.predicted}, matched ${s.matched})`,
    );
    if (d.error) console.log(`ERROR    ${d.error}`);
    for (const m of s.misses)
      console.log(`MISSED   ${m.task}  ${JSON.stringify(m.gold)}\n         in: ${m.text}`);
    for (const e of s.extras) console.log(`SPURIOUS ${e.task}  ${JSON.stringify(e.pred)}`);
    for (const m of s.fieldMisses)
      console.log(
        `FIELD    ${m.task}  ${m.field}: gold ${JSON.stringify(m.gold)} pred ${JSON.stringify(m.pred)}  (${m.quote})`,
      );
  }
  console.log('');
}
