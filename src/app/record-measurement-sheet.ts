/**
 * Records a filled-in figure template (.xlsx or .csv): reads the sheet, checks every row
 * against the plan's targets, members and current figures, and writes the rows that change
 * something in one all-or-nothing store call, when the uploader may write every one of them. Problems come back by spreadsheet row.
 */
import type { Actor, Store, UserRecord } from '../db/store';
import { DomainError, isDomainError } from '../errors';
import { checkMeasurementRows, relabelStoreIssues } from './check-measurement-rows';
import { guardFigureRows } from './figure-guard';
import { readMeasurementSheet } from './read-measurement-sheet';

export interface SheetResult {
  recorded: number;
  unchanged: number;
  blank: number;
}

/** Every row right, or nothing written: `validation_failed` names each bad row and column. */
export async function recordMeasurementSheet(
  store: Store,
  planId: number,
  file: { name: string; data: Buffer },
  limits: { maxRows: number },
  actor: Actor,
  /** Who uploads: a statistician only writes rows of its units and members (403 naming each row). */
  user?: UserRecord,
): Promise<SheetResult> {
  const plan = await store.getPlan(planId);
  const sheet = await readMeasurementSheet(file.name, file.data);
  if (sheet.length > limits.maxRows) {
    const message = `rows：数据表有 ${sheet.length} 行，超过上限 ${limits.maxRows} 行，请分批上传 / ${sheet.length} rows, more than the ${limits.maxRows} allowed: upload in parts`;
    throw new DomainError('payload_too_large', message, [{ path: ['rows'], message }]);
  }
  const [targets, members, current] = await Promise.all([
    store.listTargets(plan.id),
    store.listMembers(plan.id),
    store.listMeasurements({ planId: plan.id }),
  ]);
  const checked = checkMeasurementRows(sheet, targets, members, current);
  if (user) {
    const rows = checked.rows.map((r, i) => ({ ...r, line: checked.lines[i]! }));
    await guardFigureRows(store, user, plan.id, targets, rows);
  }
  if (checked.rows.length > 0) {
    try {
      await store.recordMeasurements(checked.rows, actor);
    } catch (err) {
      throw isDomainError(err) ? relabelStoreIssues(err, checked.lines) : err;
    }
  } else if (checked.unchanged === 0) {
    throw new DomainError('unprocessable', '文件中没有填写任何数据 / the file holds no figures', [
      {
        path: ['rows'],
        message: '请在“数值”列（或“分子”“分母”列）填写数据 / fill in 数值 (or 分子 and 分母)',
      },
    ]);
  }
  return { recorded: checked.rows.length, unchanged: checked.unchanged, blank: checked.blank };
}
