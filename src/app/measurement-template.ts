/**
 * The figure-entry template of a plan: one row per target (× member for per-member targets)
 * × year from the plan's start to the target's deadline, with the current figures filled in
 * so the same sheet serves to revise. Pure rows here; xlsx and csv writers below.
 */
import ExcelJS from 'exceljs';
import type {
  JurisdictionMember,
  MeasurementRecord,
  PlanRecord,
  TargetRecord,
  TaskRecord,
} from '../db/store';
import { isJurisdictionScope, membersForScope } from '../db/members-for-scope';
import { writeCsv } from '../documents/csv';
import { describeTarget } from '../shared/index.js';

export const TEMPLATE_COLUMNS = [
  '目标编号',
  '序号',
  '任务',
  '指标',
  '单位',
  '成员',
  '年度',
  '数值',
  '分子',
  '分母',
  '备注',
] as const;
export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];
export type TemplateRow = (string | number | null)[];

/** `市级思政示范课程 20 门左右`: the target as a statistician reads it on the sheet. */
function targetCell(
  t: Pick<TargetRecord, 'subject' | 'op' | 'value' | 'max' | 'unit' | 'change' | 'baseYear' | 'base'>,
): string {
  return `${t.subject} ${describeTarget(t)}`;
}

/**
 * The unit column: a change target is entered as the year's level, not as its change (a fall
 * of 14% is entered as 能耗 0.43, 0.5 for the base year); an absolute change keeps its unit.
 */
function unitCell(t: Pick<TargetRecord, 'unit' | 'change'>): string {
  if (!t.change) return t.unit;
  return ['%', '‰', '倍'].includes(t.unit) ? '当年水平值' : `${t.unit}（当年水平值）`;
}

/**
 * Years a target is reported for: the plan's start year to its deadline (or the plan's
 * horizon); a change against a base year before the plan starts adds the base year first,
 * whose level the statistician enters once.
 */
export function reportingYears(
  plan: Pick<PlanRecord, 'startYear' | 'horizonYear'>,
  target: Pick<TargetRecord, 'deadline'> & Partial<Pick<TargetRecord, 'change' | 'baseYear'>>,
): number[] {
  const last = Math.max(target.deadline ?? plan.horizonYear, plan.startYear);
  const years: number[] = [];
  const baseYear = target.change ? target.baseYear : null;
  if (baseYear != null && baseYear < plan.startYear) years.push(baseYear);
  for (let y = plan.startYear; y <= last; y++) years.push(y);
  return years;
}

/** Members a target is reported by: one null for whole-plan and non-jurisdictional scopes. */
export function reportingMembers(
  target: Pick<TargetRecord, 'each'>,
  members: JurisdictionMember[],
): (string | null)[] {
  if (!target.each || !isJurisdictionScope(target.each)) return [null];
  const names = membersForScope(target.each, members).map((m) => m.name);
  return names.length > 0 ? names : [null];
}

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

export function measurementKey(targetId: number, year: number, member: string | null): string {
  return `${targetId}|${year}|${member ?? ''}`;
}

export function templateRows(input: {
  plan: PlanRecord;
  tasks: TaskRecord[];
  targets: TargetRecord[];
  members: JurisdictionMember[];
  current: MeasurementRecord[];
}): TemplateRow[] {
  const tasks = new Map(input.tasks.map((t) => [t.id, t]));
  const current = new Map(input.current.map((m) => [measurementKey(m.targetId, m.year, m.member), m]));
  const rows: TemplateRow[] = [[...TEMPLATE_COLUMNS]];
  for (const target of input.targets) {
    const task = tasks.get(target.taskId);
    for (const member of reportingMembers(target, input.members)) {
      for (const year of reportingYears(input.plan, target)) {
        const m = current.get(measurementKey(target.id, year, member));
        rows.push([
          target.id,
          task?.seq ?? null,
          shorten(task?.text ?? '', 60),
          targetCell(target),
          unitCell(target),
          member,
          year,
          m ? m.value : null,
          m?.numerator ?? null,
          m?.denominator ?? null,
          m?.note ?? null,
        ]);
      }
    }
  }
  return rows;
}

export function templateCsv(rows: TemplateRow[]): Buffer {
  return writeCsv(rows);
}

export async function templateXlsx(rows: TemplateRow[], sheetName = '数据填报'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  const widths = [10, 6, 40, 36, 8, 14, 8, 12, 10, 10, 24];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return Buffer.from(await book.xlsx.writeBuffer());
}
