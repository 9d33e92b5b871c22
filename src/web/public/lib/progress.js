/**
 * Reads a plan's progress answer, which names each task once and pages its targets, and
 * gives the screens the rows they draw: every target with its task's 序号, text and units
 * joined back from the task list (kept in memory once per task, not sent once per target).
 */
import { getPage, query } from './api.js';

/**
 * The whole progress view of a plan, all pages read; `target` narrows it to one target.
 * @param {number | string} planId
 * @param {Record<string, string | number | undefined>} params `year`, `verified`, `unit`, `target`
 */
export async function loadProgress(planId, params = {}) {
  /** @type {any} */
  let view = null;
  /** @type {any[]} */
  const targets = [];
  let offset = 0;
  for (;;) {
    const page = await getPage(`/api/plans/${planId}/progress${query({ ...params, offset })}`);
    const answer = /** @type {import('./api.js').ProgressAnswer} */ (/** @type {unknown} */ (page.items));
    view ??= answer;
    targets.push(...answer.targets);
    if (page.next === null) break;
    offset = Number(page.next);
  }
  return withTasks({ ...view, targets });
}

/**
 * Each target row with its task's fields, as the progress table, the attention list and the
 * target page read them (`seq`, `taskText`, `leadUnit`, `units`).
 * @param {import('./api.js').ProgressAnswer} view
 */
export function withTasks(view) {
  const tasks = new Map(view.tasks.map((t) => [t.taskId, t]));
  return {
    ...view,
    targets: view.targets.map((t) => {
      const task = tasks.get(t.taskId);
      return {
        ...t,
        seq: task?.seq ?? null,
        taskText: task?.text ?? '',
        leadUnit: task?.leadUnit ?? null,
        units: task?.units ?? [],
      };
    }),
  };
}
