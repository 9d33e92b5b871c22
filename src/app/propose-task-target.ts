/**
 * A target proposed from words an evaluator selected in one task's text: the task read from
 * the store, the selection checked against its text, the extractor run on it.
 */
import { proposeTarget, type ProposedTarget } from '../../extractors/targets/propose-target';
import { notFound } from '../db/rows';
import type { Store } from '../db/store';
import { DomainError } from '../errors';

/** What the extractor proposes for [start, end) of the task's text; unprocessable when outside it. */
export async function proposeTaskTarget(
  store: Store,
  taskId: number,
  start: number,
  end: number,
): Promise<ProposedTarget> {
  const owner = await store.planStateOf({ taskId });
  const task = owner ? (await store.listTasks(owner.planId)).find((t) => t.id === taskId) : undefined;
  if (!task) throw notFound('任务', taskId);
  if (end > task.text.length) {
    throw new DomainError('unprocessable', undefined, [
      {
        path: ['end'],
        message: `end：超出任务文字（共 ${task.text.length} 个字符） / beyond the task text (${task.text.length} characters)`,
      },
    ]);
  }
  return proposeTarget(task.text, start, end);
}
