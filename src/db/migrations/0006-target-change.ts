/**
 * Targets against a base year (`比2020年下降14%`, `较2020年增长8%`) keep which way they move
 * (`change`: rise / fall) and the base year as a number (`base_year`), on every revision, so
 * the progress rules can measure the change from the base-year level. Revisions written before
 * carry neither and are judged as before, as levels, until an evaluator sets the direction;
 * nothing is guessed from their wording here. Portable column types only.
 */
import type { Kysely, Migration } from 'kysely';

/** `change` and `base_year` on target revisions (both dialects). */
export function targetChangeMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('target_revisions').addColumn('change', 'text').execute();
      await db.schema.alterTable('target_revisions').addColumn('base_year', 'integer').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('target_revisions').dropColumn('base_year').execute();
      await db.schema.alterTable('target_revisions').dropColumn('change').execute();
    },
  };
}
