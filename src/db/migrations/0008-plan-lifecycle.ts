/**
 * Plans get a life (草稿 → 已发布 → 已撤回) and every field an evaluator may correct after
 * import: the document number (文号), the jurisdiction and its members join the plan's
 * revisions, and the plan row carries its current revision, so an edit made against an
 * older one is refused (409) by one conditional update on either dialect. What the import
 * proposed from the document, with the line each field came from, is kept as JSON text.
 * Plans stored before this migration were visible to everyone: they become 已发布.
 */
import { sql, type Kysely, type Migration } from 'kysely';

/** State, document number, current revision and proposal on plans; the new fields on plan_revisions. */
export function planLifecycleMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      await db.schema
        .alterTable('plans')
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('published'))
        .execute();
      await db.schema.alterTable('plans').addColumn('document_number', 'text').execute();
      await db.schema
        .alterTable('plans')
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.alterTable('plans').addColumn('proposal', 'text').execute();
      await sql`update plans set revision = coalesce((select max(r.revision) from plan_revisions r
        where r.plan_id = plans.id), 1)`.execute(db);
      await db.schema.createIndex('plans_state').on('plans').columns(['state', 'id']).execute();

      await db.schema.alterTable('plan_revisions').addColumn('document_number', 'text').execute();
      await db.schema.alterTable('plan_revisions').addColumn('jurisdiction', 'text').execute();
      await db.schema.alterTable('plan_revisions').addColumn('members', 'text').execute();
      await db.schema
        .alterTable('plan_revisions')
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('published'))
        .execute();
      await sql`update plan_revisions set jurisdiction = (select p.jurisdiction from plans p
        where p.id = plan_revisions.plan_id)`.execute(db);
    },
    async down(db: Kysely<any>) {
      for (const column of ['state', 'members', 'jurisdiction', 'document_number'])
        await db.schema.alterTable('plan_revisions').dropColumn(column).execute();
      await db.schema.dropIndex('plans_state').execute();
      for (const column of ['proposal', 'revision', 'document_number', 'state'])
        await db.schema.alterTable('plans').dropColumn(column).execute();
    },
  };
}
