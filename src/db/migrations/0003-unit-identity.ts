/**
 * One row per responsible unit: databases written before names were stored under
 * `unitName` may hold `各县(市)政府` beside `各县（市）政府`, or `市教育局 ` beside `市教育局`.
 * Each group of such rows becomes one: tasks point at the row kept, the others go, and the
 * kept row takes the stored form. A task that named both forms keeps its first mention
 * (leading if either did). Portable SQL only; the grouping is done here, in code, by the same
 * function the store writes with.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { unitName } from '../unit-name';

interface UnitRow {
  id: number;
  name: string;
}

/** Rows that are one unit, keyed by the stored name, in id order. */
function groupsOf(rows: UnitRow[]): Map<string, UnitRow[]> {
  const groups = new Map<string, UnitRow[]>();
  for (const row of rows) {
    const name = unitName(row.name);
    groups.set(name, [...(groups.get(name) ?? []), row]);
  }
  return groups;
}

/** Merges units whose names differ only in bracket width or spacing (both dialects alike). */
export function unitIdentityMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      const rows = (await db.selectFrom('units').select(['id', 'name']).orderBy('id').execute()) as UnitRow[];
      for (const [name, group] of groupsOf(rows)) {
        // Keep the row already written in the stored form, else the oldest.
        const kept = group.find((r) => r.name === name) ?? group[0]!;
        const merged = group.filter((r) => r !== kept).map((r) => r.id);
        if (merged.length > 0) {
          await db
            .updateTable('task_units')
            .set({ unit_id: kept.id })
            .where('unit_id', 'in', merged)
            .execute();
          await db.deleteFrom('units').where('id', 'in', merged).execute();
        }
        // Renamed only once the others are gone, so the unique name never clashes.
        if (kept.name !== name)
          await db.updateTable('units').set({ name }).where('id', '=', kept.id).execute();
      }
      // A task that now names one unit twice: the first mention stays, leading if either led.
      await sql`update task_units set role = 'lead'
        where role <> 'lead' and exists (select 1 from task_units d
          where d.task_id = task_units.task_id and d.unit_id = task_units.unit_id and d.role = 'lead')`.execute(
        db,
      );
      await sql`delete from task_units
        where exists (select 1 from task_units d
          where d.task_id = task_units.task_id and d.unit_id = task_units.unit_id and d.position < task_units.position)`.execute(
        db,
      );
    },
    async down() {
      // Merged names cannot be told apart again; the merged database is valid for 0002 as is.
    },
  };
}
