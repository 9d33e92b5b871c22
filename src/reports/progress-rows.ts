/**
 * The progress table as plain rows — one per quantified target, one per task without a
 * target — shared by the PDF report and the xlsx export so both read the same.
 */
import { type PlanProgressView, type TargetProgressRow } from '../progress/types';
import { QUALITATIVE_LABELS, QUALITATIVE_UNSET_LABEL, STATUS_LABELS, describeLatest, describeTarget, formatPercent, type QualitativeStatus, type Status } from '../shared/index.js';

export interface ProgressTableRow {
  /** The target this row shows; null for a task without a quantified target. */
  targetId: number | null;
  seq: string;
  task: string;
  /** False for the second and later targets of one task (the task cell is left empty). */
  firstOfTask: boolean;
  target: string;
  latest: string;
  completion: string;
  status: string;
  /** Drives the status cell colour; null for a task without a quantified target and no status. */
  statusKey: Status | QualitativeStatus | null;
  leadUnit: string;
  units: string;
  /** Completion as a share (for spreadsheets), null when nothing is reported. */
  completionShare: number | null;
  /** Why the status is what it is (`2024 年未填报`, …). */
  note: string;
}

/** Column headers, in Chinese, in the order of `rowCells`. */
export const PROGRESS_COLUMNS = ['序号', '工作任务', '量化目标', '最新数据', '完成率', '状态', '牵头单位'] as const;

export function progressTableRows(view: PlanProgressView): ProgressTableRow[] {
  const byId = new Map(view.targets.map((t) => [t.targetId, t]));
  const rows: ProgressTableRow[] = [];
  for (const task of view.tasks) {
    const base = {
      seq: task.seq === null ? '—' : String(task.seq),
      task: task.text,
      leadUnit: task.leadUnit ?? '—',
      units: task.units.join('、'),
    };
    const targets = task.targetIds.map((id) => byId.get(id)).filter((t): t is TargetProgressRow => Boolean(t));
    if (targets.length === 0) {
      const q = task.qualitativeStatus;
      rows.push({
        ...base,
        targetId: null,
        firstOfTask: true,
        target: '（无量化目标）',
        completionShare: null,
        note: '',
        latest: '—',
        completion: '—',
        status: q ? QUALITATIVE_LABELS[q] : QUALITATIVE_UNSET_LABEL,
        statusKey: q,
      });
      continue;
    }
    targets.forEach((t, i) => {
      rows.push({
        ...base,
        targetId: t.targetId,
        firstOfTask: i === 0,
        completionShare: t.progress.completion,
        note: t.progress.note,
        target: targetText(t),
        latest: describeLatest(t),
        completion: formatPercent(t.progress.completion),
        status: STATUS_LABELS[t.progress.status],
        statusKey: t.progress.status,
      });
    });
  }
  return rows;
}

/** The cells of a row in `PROGRESS_COLUMNS` order. */
export function rowCells(row: ProgressTableRow, repeatTask = false): string[] {
  const task = row.firstOfTask || repeatTask ? row.task : '';
  return [row.firstOfTask || repeatTask ? row.seq : '', task, row.target, row.latest, row.completion, row.status, row.leadUnit];
}

/**
 * `市级思政示范课程：20 门左右`, with the scope, the deadline and the yearly rate when stated.
 * @example targetText(行业协会 3 家以上, 2025) → '行业协会：3 家以上（2025 年底前）'
 */
export function targetText(t: TargetProgressRow): string {
  const yearly = t.average ? '年均' : t.per === 'year' ? '每年' : null;
  const extras = [t.deadline ? `${t.deadline} 年底前` : null, yearly].filter(Boolean);
  const scope = t.each ? `${t.each}：` : '';
  const quote = t.quote || describeTarget(t);
  return `${scope}${t.subject}：${quote}${extras.length ? `（${extras.join('，')}）` : ''}`;
}
