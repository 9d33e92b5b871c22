/**
 * The detail sections of a plan report: every task with its targets, the lagging and missed
 * targets with their units, a chart per quantified target, and the figures not yet reported.
 */
import { type PlanProgressView, type TargetProgressRow } from '../progress/types';
import { targetTrendChart } from '../charts/target-trend-chart';
import { drawTable, type TableColumn } from './pdf-table';
import { PROGRESS_COLUMNS, progressTableRows, rowCells, targetText } from './progress-rows';
import { reserveChart, type ChartSlot } from './report-charts';
import { COLORS, STATUS_TINTS, paragraph, sectionHeading, type Doc } from './report-document';
import { STATUS_LABELS, formatPercent } from '../shared/index.js';

/** Widths (points) of the progress table's columns; they add up to the A4 content width. */
const PROGRESS_WIDTHS = [30, 144, 108, 66, 40, 50, 45.28];

export function drawProgressTable(doc: Doc, view: PlanProgressView): void {
  sectionHeading(doc, '三、任务进度明细');
  const columns: TableColumn[] = PROGRESS_COLUMNS.map((header, i) => ({
    header,
    width: PROGRESS_WIDTHS[i]!,
    align: header === '序号' || header === '完成率' || header === '状态' ? 'center' : 'left',
  }));
  const rows = progressTableRows(view).map((row) => ({
    cells: rowCells(row),
    continuation: row.firstOfTask ? undefined : rowCells(row, true).map((c, i) => (i === 1 ? `（续）${c}` : c)),
    fills: columns.map((c) => (c.header === '状态' && row.statusKey ? STATUS_TINTS[row.statusKey] : null)),
  }));
  drawTable(doc, columns, rows);
}

/** Targets that need a leader's attention: 进度滞后 and 未达标, worst first. */
export function laggingTargets(view: PlanProgressView): TargetProgressRow[] {
  const rank = { missed: 0, behind: 1 } as Record<string, number>;
  return view.targets
    .filter((t) => t.progress.status === 'missed' || t.progress.status === 'behind')
    .sort((a, b) => rank[a.progress.status]! - rank[b.progress.status]! || (a.seq ?? 0) - (b.seq ?? 0));
}

export function drawLaggingList(doc: Doc, view: PlanProgressView): void {
  sectionHeading(doc, '四、进度滞后和未达标的目标');
  const rows = laggingTargets(view);
  if (rows.length === 0) {
    paragraph(doc, `截至 ${view.asOfYear} 年底，没有进度滞后或未达标的量化目标。`);
    return;
  }
  paragraph(doc, `共 ${rows.length} 项，请相关责任单位重点推进：`);
  doc.moveDown(0.3);
  drawTable(
    doc,
    [
      { header: '序号', width: 30, align: 'center' },
      { header: '量化目标', width: 150 },
      { header: '状态', width: 50, align: 'center' },
      { header: '完成率', width: 40, align: 'center' },
      { header: '情况说明', width: 123 },
      { header: '责任单位', width: 90.28 },
    ],
    rows.map((t) => ({
      cells: [
        String(t.seq ?? '—'),
        targetText(t),
        STATUS_LABELS[t.progress.status],
        formatPercent(t.progress.completion),
        t.progress.note || `序时进度 ${formatPercent(t.progress.expected)}`,
        t.units.join('、'),
      ],
      fills: [null, null, STATUS_TINTS[t.progress.status], null, null, null],
    })),
  );
}

export function drawTargetCharts(doc: Doc, view: PlanProgressView, slots: ChartSlot[]): void {
  if (view.targets.length === 0) return;
  sectionHeading(doc, '五、各量化目标进度图', 250);
  for (const t of view.targets) reserveChart(doc, slots, targetTrendChart(view, t.targetId), 720, 330);
}

/** Figures still missing: targets 未填报 and members of per-member targets that have not reported. */
export function missingFigures(view: PlanProgressView): { seq: string; target: string; missing: string; units: string }[] {
  const out = [];
  for (const t of view.targets) {
    const silentMembers = (t.progress.members ?? []).filter((m) => m.status === 'unreported').map((m) => m.member);
    if (t.progress.status !== 'unreported' && silentMembers.length === 0) continue;
    const missing =
      t.progress.status === 'unreported' && silentMembers.length === 0
        ? t.progress.note || `${view.asOfYear} 年未填报`
        : `${silentMembers.join('、')} 未填报`;
    out.push({ seq: String(t.seq ?? '—'), target: targetText(t), missing, units: t.units.join('、') });
  }
  return out;
}

export function drawMissingFigures(doc: Doc, view: PlanProgressView): void {
  sectionHeading(doc, '六、尚未填报的数据');
  const rows = missingFigures(view);
  if (rows.length === 0) {
    paragraph(doc, `截至 ${view.asOfYear} 年底，各量化目标的数据均已填报。`);
    return;
  }
  paragraph(doc, `以下 ${rows.length} 项目标缺少 ${view.asOfYear} 年数据，请责任单位及时填报：`, { color: COLORS.text });
  doc.moveDown(0.3);
  drawTable(
    doc,
    [
      { header: '序号', width: 30, align: 'center' },
      { header: '量化目标', width: 170 },
      { header: '缺少的数据', width: 150 },
      { header: '责任单位', width: 133.28 },
    ],
    rows.map((r) => ({ cells: [r.seq, r.target, r.missing, r.units], fills: [null, null, STATUS_TINTS.unreported, null] })),
  );
}
