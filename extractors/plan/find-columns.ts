import { findIndicatorColumns, type IndicatorColumns } from './indicator-columns';
/**
 * Finds the columns of a task table from its header cells. Header names are data: the
 * words Chinese plans use for each column, exact names first, then names that merely
 * contain one of them (`主要任务及措施`), so `工作任务清单` in a merged title row does not
 * pass for a header unless a second column is found beside it.
 */

/** Column indexes of a task table; `task` is always present. */
export interface TableColumns {
  seq: number | null;
  task: number;
  /** 责任单位 or 牵头单位: the first unit listed here is the lead unit. */
  lead: number | null;
  /** 配合单位 / 协办单位: supporting units kept apart from the lead column. */
  support: number | null;
  timeLimit: number | null;
  /** Present for an indicator table (指标 | 2020年 | 2025年 | 属性): `task` is then its indicator column. */
  indicators?: IndicatorColumns;
}

type Role = 'seq' | 'task' | 'lead' | 'support' | 'timeLimit';

/** Header words per column role, in order of preference. */
export const HEADER_NAMES: Record<Role, readonly string[]> = {
  seq: ['序号', '编号', '序'],
  task: [
    '工作任务',
    '重点任务',
    '任务内容',
    '主要任务',
    '具体任务',
    '工作内容',
    '任务',
    '工作措施',
    '主要内容',
  ],
  lead: ['牵头单位', '责任单位', '牵头部门', '责任部门', '主责单位', '责任主体', '牵头责任单位'],
  support: ['配合单位', '协办单位', '配合部门', '协办部门', '参与单位'],
  timeLimit: ['完成时限', '时间节点', '完成时间', '时限要求', '进度安排', '时限'],
};

const ROLES = Object.keys(HEADER_NAMES) as Role[];

/** Header cell as compared: no spaces (`序  号`), no stars or colons. */
function normaliseHeader(cell: string): string {
  return cell.replace(/[\s\u3000*＊:：]/g, '');
}

/** Role of one header cell, or null; `exact` decides whether containment is enough. */
function roleOf(cell: string, exact: boolean): Role | null {
  const name = normaliseHeader(cell);
  if (!name || name.length > 16) return null;
  // The longest word contained decides: `任务完成时限` is a time limit, not a task.
  let best: { role: Role; length: number } | null = null;
  for (const role of ROLES) {
    for (const word of HEADER_NAMES[role]) {
      const hit = exact ? name === word : name.includes(word) && word.length >= 2;
      if (hit && (best === null || word.length > best.length)) best = { role, length: word.length };
    }
  }
  return best?.role ?? null;
}

/** True when a cell is exactly one of the known header words (`牵头单位`). */
export function isHeaderWord(cell: string): boolean {
  return roleOf(cell, true) !== null;
}

/**
 * Reads a header row; null unless it has a task column and at least one other known column.
 * @example findColumns(['序号', '工作任务', '责任单位']) // { seq: 0, task: 1, lead: 2, … }
 */
export function findColumns(header: readonly string[]): TableColumns | null {
  const indicators = findIndicatorColumns(header);
  if (indicators) {
    const seq = header.findIndex((c) => HEADER_NAMES.seq.includes(normaliseHeader(c)));
    return {
      seq: seq >= 0 ? seq : null,
      task: indicators.indicator,
      lead: null,
      support: null,
      timeLimit: null,
      indicators,
    };
  }
  const found: Partial<Record<Role, number>> = {};
  for (const exact of [true, false]) {
    header.forEach((cell, i) => {
      let role = roleOf(cell, exact);
      // Both 牵头单位 and 责任单位: the second unit column lists the supporting units.
      if (role === 'lead' && found.lead !== undefined) role = 'support';
      if (role === null || found[role] !== undefined) return;
      if (Object.values(found).includes(i)) return;
      found[role] = i;
    });
  }
  if (found.task === undefined) return null;
  const taskText = normaliseHeader(header[found.task] ?? '');
  const others = ROLES.filter(
    (r) => r !== 'task' && found[r] !== undefined && normaliseHeader(header[found[r]!] ?? '') !== taskText,
  );
  if (others.length === 0) return null;
  return {
    seq: found.seq ?? null,
    task: found.task,
    lead: found.lead ?? null,
    support: found.support ?? null,
    timeLimit: found.timeLimit ?? null,
  };
}
