/**
 * Where a figure read from a completion report came from: the report's file name and
 * SHA-256, the sentence and the figure's offsets in the report text, kept beside the
 * measurement revision it was recorded as (one row per revision, written in the same
 * transaction). Portable column types only.
 */
import type { Kysely, Migration } from 'kysely';

export function figureSourcesMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('figure_sources')
        .addColumn('measurement_id', 'integer', (c) =>
          c.primaryKey().references('measurements.id').onDelete('cascade'),
        )
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_sha256', 'text', (c) => c.notNull())
        .addColumn('sentence', 'text', (c) => c.notNull())
        .addColumn('sentence_start', 'integer', (c) => c.notNull())
        .addColumn('figure_start', 'integer', (c) => c.notNull())
        .addColumn('figure_end', 'integer', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('figure_sources').ifExists().execute();
    },
  };
}
