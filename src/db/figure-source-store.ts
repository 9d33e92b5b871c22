/**
 * Figures accepted from a completion report: written through the same all-or-nothing path as
 * a bulk upload (recordMeasurementRows: checks, revisions, 已填报), with each new revision's
 * source inserted in the same transaction, so a figure never stands without its source.
 */
import type { Kysely } from 'kysely';
import { DomainError, type ErrorIssue } from '../errors';
import { recordMeasurementRows } from './record-measurements';
import { checkExists, checkId, isUniqueViolation } from './rows';
import type { Database } from './schema';
import type { FigureSource, Store } from './store';
import { nulIssues } from './validate-plan';

type FigureSourceStore = Pick<Store, 'recordReportFigures' | 'listFigureSources'>;

/** Longest sentence kept: a report sentence, not a page. */
const SENTENCE_LIMIT = 2000;

function sourceIssues(source: FigureSource, i: number): ErrorIssue[] {
  const at = (field: string, message: string) => ({ path: ['rows', i, 'source', field], message });
  const issues: ErrorIssue[] = nulIssues({ ...source }).map((x) => ({
    ...x,
    path: ['rows', i, 'source', ...x.path],
  }));
  if (!/^[0-9a-f]{64}$/.test(source.sha256))
    issues.push(at('sha256', 'sha256：应为 64 位十六进制 / must be 64 hex digits'));
  if (!source.fileName.trim()) issues.push(at('fileName', 'fileName：不能为空 / must not be empty'));
  if (!source.sentence.trim() || source.sentence.length > SENTENCE_LIMIT)
    issues.push(
      at('sentence', `sentence：应为 1–${SENTENCE_LIMIT} 个字符 / must be 1–${SENTENCE_LIMIT} characters`),
    );
  const { figureStart: s, figureEnd: e } = source;
  if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e <= s || e > source.sentence.length)
    issues.push(at('figureStart', 'figureStart/figureEnd：应在句子之内 / must lie inside the sentence'));
  if (!Number.isInteger(source.sentenceStart) || source.sentenceStart < 0)
    issues.push(at('sentenceStart', 'sentenceStart：应为非负整数 / must be a non-negative integer'));
  return issues;
}

export function createFigureSourceStore(db: Kysely<Database>): FigureSourceStore {
  return {
    async recordReportFigures(rows, actor) {
      const issues = rows.flatMap((r, i) => sourceIssues(r.source, i));
      if (issues.length > 0) throw new DomainError('validation_failed', undefined, issues);
      try {
        return await db.transaction().execute(async (trx) => {
          const written = await recordMeasurementRows(trx, rows, actor);
          await trx
            .insertInto('figure_sources')
            .values(
              written.map((m, i) => {
                const s = rows[i]!.source;
                return {
                  measurement_id: m.id,
                  file_name: s.fileName,
                  file_sha256: s.sha256,
                  sentence: s.sentence,
                  sentence_start: s.sentenceStart,
                  figure_start: s.figureStart,
                  figure_end: s.figureEnd,
                };
              }),
            )
            .execute();
          return written;
        });
      } catch (e) {
        // Another writer took the revision between the check and the insert.
        if (isUniqueViolation(e))
          throw new DomainError(
            'stale_revision',
            '数据已被他人同时修改，请刷新后再试 / a figure was changed meanwhile, reload and try again',
            [{ path: ['rows'], message: 'stale_revision' }],
          );
        throw e;
      }
    },

    async listFigureSources(targetId) {
      checkId('目标', targetId);
      await checkExists(db, '目标', targetId);
      const rows = await db
        .selectFrom('figure_sources')
        .innerJoin('measurements', 'measurements.id', 'figure_sources.measurement_id')
        .selectAll('figure_sources')
        .where('measurements.target_id', '=', targetId)
        .orderBy('figure_sources.measurement_id')
        .execute();
      return rows.map((r) => ({
        measurementId: r.measurement_id,
        fileName: r.file_name,
        sha256: r.file_sha256,
        sentence: r.sentence,
        sentenceStart: r.sentence_start,
        figureStart: r.figure_start,
        figureEnd: r.figure_end,
      }));
    },
  };
}
