import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { docxBlocks, xlsxTables } from '../src/documents';
import { evalSets, ROOT, type GoldDocument } from './fixtures/eval/eval-sets';

/** The labelled evaluation sets are checked as data: a label that cannot be right fails here. */
const squash = (s: string) =>
  s
    .replace(/[\s"“”‘’'「」『』《》]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

/** The document's lines as text; a Word or Excel table's rows with their cells joined by tabs. */
async function documentLines(file: string): Promise<string[]> {
  const data = readFileSync(path.join(ROOT, file));
  if (file.endsWith('.docx'))
    return (await docxBlocks(file, data)).flatMap((b) =>
      b.kind === 'prose' ? b.lines : b.rows.map((r) => r.join('\t')),
    );
  if (file.endsWith('.xlsx'))
    return (await xlsxTables(file, data)).flatMap((s) => s.rows.map((r) => r.join('\t')));
  return data.toString('utf8').split('\n');
}

const OPS = ['eq', 'gte', 'gt', 'lte', 'lt', 'approx', 'range'];
const sets = evalSets();
const unseen = sets.filter((s) => s.name !== 'seeds');
const documents: [string, GoldDocument][] = sets.flatMap((s) =>
  s.documents.map((d) => [d.file, d] as [string, GoldDocument]),
);

describe('the labelled evaluation sets', () => {
  test('hold at least 16 unseen documents and 200 targets, beside the seeds', () => {
    const docs = unseen.flatMap((s) => s.documents);
    expect(docs.length).toBeGreaterThanOrEqual(16);
    expect(docs.flatMap((d) => d.gold.tasks.flatMap((t) => t.targets ?? [])).length).toBeGreaterThanOrEqual(
      200,
    );
    expect(sets.find((s) => s.name === 'seeds')?.documents).toHaveLength(2);
  });

  test.each(documents)(
    '%s: every task stands in the document, every label is well formed',
    async (file, doc) => {
      const lines = await documentLines(file);
      const seqs = doc.gold.tasks.map((t) => t.seq).filter((s) => s !== null);
      expect(new Set(seqs).size, 'seq numbers are unique in a document').toBe(seqs.length);
      for (const task of doc.gold.tasks) {
        // An indicator may also be named in a paragraph above its table: any line holding it will do.
        const rows = lines.filter((l) => l.includes(task.text));
        expect(rows.length, `task text in the document: ${task.text}`).toBeGreaterThan(0);
        for (const t of task.targets ?? []) {
          const where = `${task.text} → ${t.quote}`;
          expect(squash(task.text), `subject in the task text: ${where}`).toContain(squash(t.subject ?? ''));
          // An indicator row's task text is its indicator cell; its figure stands in another cell of the row.
          expect(
            task.text.includes(t.quote!) || rows.some((row) => row.includes(t.quote!)),
            `quote in the task or its row: ${where}`,
          ).toBe(true);
          expect(Number.isFinite(t.value), where).toBe(true);
          expect(t.max === null || (t.op === 'range' && t.max! > t.value), where).toBe(true);
          expect(OPS, where).toContain(t.op);
          expect([null, 'year'], where).toContain(t.per);
          expect(t.deadline === null || (t.deadline! >= 2020 && t.deadline! <= 2035), where).toBe(true);
          for (const f of ['each', 'base'] as const)
            expect(
              t[f] === null || squash(task.text).includes(squash(t[f]!)),
              `${f} as written: ${where}`,
            ).toBe(true);
        }
      }
    },
  );
});
