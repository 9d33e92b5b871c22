/**
 * Bulk figure upload: checks every row of a filled-in template (read by measurement-sheet.ts)
 * against the plan and reports every problem at once, by spreadsheet row number (the header is row
 * 1) and Chinese column name — `issues: [{ path: ['rows', 5, '数值'], message }]`. Only a
 * file without any problem is written, by one store call, all-or-nothing.
 */
import type { JurisdictionMember, MeasurementRecord, MeasurementRow, TargetRecord } from '../db/store';
import { DomainError, type ErrorIssue } from '../errors';
import type { SheetRow } from './read-measurement-sheet';
import { measurementKey, reportingMembers, type TemplateColumn } from './measurement-template';
import { YEAR_BOUNDS, isPlanYear } from '../shared/index.js';

const FULL_WIDTH_DIGITS = /[０-９．－，]/g;

/** `1,234`, `１２３４`, `85%` → number; blank → null; anything else → NaN. */
export function readNumber(raw: string | undefined): number | null {
  const s = (raw ?? '')
    .replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,\s]/g, '')
    .replace(/[%％]$/, '');
  if (s === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : NaN;
}

export interface CheckedUpload {
  rows: MeasurementRow[];
  /** Spreadsheet row number of each entry in `rows`, to map store issues back. */
  lines: number[];
  unchanged: number;
  blank: number;
}

type Complain = (column: TemplateColumn, zh: string, en: string) => void;

interface ReadRow {
  id: number;
  year: number;
  member: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
}

/** Reads one row's cells; 'blank' for a row without any figure, null when a cell does not read. */
function readRow(cells: SheetRow['cells'], complain: Complain): ReadRow | 'blank' | null {
  const value = readNumber(cells['数值']);
  const numerator = readNumber(cells['分子']);
  const denominator = readNumber(cells['分母']);
  if (value === null && numerator === null && denominator === null) return 'blank';
  const id = readNumber(cells['目标编号']);
  const year = readNumber(cells['年度']);
  let ok = true;
  const fail: Complain = (...args) => {
    ok = false;
    complain(...args);
  };
  if (id === null || !Number.isInteger(id)) fail('目标编号', '应为整数编号', 'expected an integer id');
  if (year === null || !Number.isInteger(year))
    fail('年度', '应为年份，如 2024', 'expected a year such as 2024');
  if (Number.isNaN(value)) fail('数值', `“${cells['数值']}”不是数字`, `"${cells['数值']}" is not a number`);
  if (Number.isNaN(numerator)) fail('分子', `“${cells['分子']}”不是数字`, 'not a number');
  if (Number.isNaN(denominator)) fail('分母', `“${cells['分母']}”不是数字`, 'not a number');
  if (value === null && (numerator === null || denominator === null)) {
    fail('数值', '请填写数值，或同时填写分子和分母', 'give a value, or both numerator and denominator');
  }
  if (!ok) return null;
  return {
    id: id!,
    year: year!,
    member: cells['成员'] || null,
    value,
    numerator,
    denominator,
    note: cells['备注'] || null,
  };
}

/** Complains about whatever makes a well-read figure impossible for its target. */
function checkAgainstTarget(
  row: ReadRow,
  target: TargetRecord,
  members: JurisdictionMember[],
  complain: Complain,
): void {
  if (!isPlanYear(row.year)) {
    const { min, max } = YEAR_BOUNDS;
    complain('年度', `${row.year} 年不在 ${min}–${max} 之间`, `year outside ${min}..${max}`);
  }
  const allowed = reportingMembers(target, members);
  const { member } = row;
  if (member === null && allowed[0] !== null) {
    complain('成员', `按成员填报的目标须填写成员（${allowed.join('、')}）`, 'member required');
  } else if (member !== null && allowed[0] === null && target.each === null) {
    complain('成员', '该目标不按成员填报，请留空', 'this target takes no member');
  } else if (member !== null && allowed[0] !== null && !allowed.includes(member)) {
    complain('成员', `“${member}”不在本方案的成员中`, `unknown member "${member}"`);
  }
  if ((row.numerator !== null || row.denominator !== null) && !target.base) {
    complain('分子', '该目标没有比例基数，不能填写分子分母', 'target has no base for numerator/denominator');
  }
  if (row.denominator === 0) complain('分母', '分母不能为 0', 'denominator must not be 0');
}

/** True when the row repeats the current figure exactly: uploading it again adds no revision. */
function sameAsCurrent(row: ReadRow, now: MeasurementRecord | undefined): boolean {
  // A returned figure sent again is a new submission, even with the same value.
  return (
    now !== undefined &&
    now.state !== 'returned' &&
    now.value === row.value &&
    now.numerator === row.numerator &&
    now.denominator === row.denominator &&
    now.note === row.note
  );
}

/**
 * Checks rows against the plan's targets and members. Throws 400 when a cell cannot be read
 * (not a number, missing id) and 422 when every cell reads but the figure is impossible
 * (target of another plan, unknown member, year outside the plan, a row given twice).
 */
export function checkMeasurementRows(
  sheet: SheetRow[],
  targets: TargetRecord[],
  members: JurisdictionMember[],
  current: MeasurementRecord[],
): CheckedUpload {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const currentByKey = new Map(current.map((m) => [measurementKey(m.targetId, m.year, m.member), m]));
  const malformed: ErrorIssue[] = [];
  const impossible: ErrorIssue[] = [];
  const seen = new Map<string, number>();
  const out: CheckedUpload = { rows: [], lines: [], unchanged: 0, blank: 0 };

  for (const { line, cells } of sheet) {
    const into =
      (list: ErrorIssue[]): Complain =>
      (column, zh, en) =>
        list.push({
          path: ['rows', line, column],
          message: `第 ${line} 行“${column}”：${zh} / row ${line} ${column}: ${en}`,
        });
    const row = readRow(cells, into(malformed));
    if (row === 'blank') out.blank++;
    if (row === 'blank' || row === null) continue;

    const target = byId.get(row.id);
    const before = impossible.length;
    if (!target)
      into(impossible)('目标编号', `本方案没有编号为 ${row.id} 的目标`, `no target ${row.id} in this plan`);
    else checkAgainstTarget(row, target, members, into(impossible));
    const key = measurementKey(row.id, row.year, row.member);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      into(impossible)(
        '目标编号',
        `与第 ${earlier} 行重复（同一目标、年度、成员）`,
        `duplicates row ${earlier}`,
      );
    }
    seen.set(key, line);
    if (impossible.length > before) continue;

    if (sameAsCurrent(row, currentByKey.get(key))) {
      out.unchanged++;
      continue;
    }
    const { id: targetId, ...figure } = row;
    out.rows.push({ targetId, ...figure });
    out.lines.push(line);
  }
  if (malformed.length > 0)
    throw new DomainError('validation_failed', undefined, [...malformed, ...impossible]);
  if (impossible.length > 0) throw new DomainError('unprocessable', undefined, impossible);
  return out;
}

const COLUMN_OF_FIELD: Record<string, TemplateColumn> = {
  targetId: '目标编号',
  year: '年度',
  member: '成员',
  value: '数值',
  numerator: '分子',
  denominator: '分母',
  note: '备注',
};

/** Re-labels the store's `['rows', index, field]` issues with spreadsheet rows and column names. */
export function relabelStoreIssues(err: DomainError, lines: number[]): DomainError {
  const issues = err.issues.map((issue) => {
    const [head, index, field, ...rest] = issue.path;
    if (head !== 'rows' || typeof index !== 'number') return issue;
    const line = lines[index] ?? index;
    const column = typeof field === 'string' ? (COLUMN_OF_FIELD[field] ?? field) : field;
    const path = column === undefined ? ['rows', line] : ['rows', line, column, ...rest];
    return { path, message: `第 ${line} 行：${issue.message}` };
  });
  return new DomainError(err.code, err.message, issues);
}
