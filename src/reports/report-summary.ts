/**
 * 一、总体情况: the counts per status and the overall completion in words and as a small
 * table, then the status distribution, the plan overview and the units chart.
 */
import { planOverviewChart, planOverviewHeight } from '../charts/plan-overview-chart';
import { statusDistributionChart } from '../charts/status-distribution-chart';
import { unitStatusChart, unitStatusHeight } from '../charts/unit-status-chart';
import { type PlanProgressView } from '../progress/types';
import { drawTable } from './pdf-table';
import { reserveChart, type ChartSlot } from './report-charts';
import { PAGE, STATUS_TINTS, paragraph, sectionHeading, type Doc } from './report-document';
import { MEASURES, QUALITATIVE_LABELS, QUALITATIVE_UNSET_LABEL, STATUSES, STATUS_LABELS, formatAttainment, formatPercent, type QualitativeStatus } from '../shared/index.js';

/** The summary paragraph: how many tasks and targets, and where they stand. */
export function summaryText(view: PlanProgressView): string {
  const total = STATUSES.reduce((n, s) => n + view.statusCounts[s], 0);
  const withTargets = view.tasks.filter((t) => t.targetIds.length > 0).length;
  const counts = STATUSES.map((s) => `${STATUS_LABELS[s]} ${view.statusCounts[s]} 项`).join('，');
  const scope = view.unit ? `${view.unit}负责的` : '本方案共有';
  return (
    `${scope}工作任务 ${view.tasks.length} 项，其中含量化目标的任务 ${withTargets} 项，量化目标 ${total} 项。` +
    `截至 ${view.asOfYear} 年底，${counts}。` +
    `${MEASURES.attainment.label} ${formatAttainment(view.attainment)}（${MEASURES.attainment.definition}）；` +
    `${MEASURES.completion.label} ${formatPercent(view.overallCompletion)}（${MEASURES.completion.definition}）。`
  );
}

export function drawSummary(doc: Doc, view: PlanProgressView, slots: ChartSlot[]): void {
  sectionHeading(doc, '一、总体情况');
  paragraph(doc, summaryText(view));
  doc.moveDown(0.6);
  const total = STATUSES.reduce((n, s) => n + view.statusCounts[s], 0);
  drawTable(
    doc,
    [
      { header: '状态', width: 120 },
      { header: '目标数（项）', width: 100, align: 'right' },
      { header: '占比', width: 100, align: 'right' },
    ],
    STATUSES.map((s) => ({
      cells: [STATUS_LABELS[s], String(view.statusCounts[s]), total ? formatPercent(view.statusCounts[s] / total) : '—'],
      fills: [STATUS_TINTS[s], null, null],
    })),
  );
  const qualitative = qualitativeCounts(view);
  if (qualitative) paragraph(doc, qualitative);
  doc.moveDown(0.5);
  reserveChart(doc, slots, statusDistributionChart(view), 640, 300);

  // The overview chart is laid out 800 wide and drawn at the content width.
  const overviewHeight = (planOverviewHeight(view) * PAGE.contentWidth) / 800;
  sectionHeading(doc, '二、量化目标完成情况', Math.min(overviewHeight, 500));
  if (view.targets.length > 0) reserveChart(doc, slots, planOverviewChart(view), 800, planOverviewHeight(view));
  // A report for one unit would show a single bar: the table below says it better.
  if (!view.unit && view.units.filter((u) => u.total > 0).length > 1) {
    reserveChart(doc, slots, unitStatusChart(view), 800, unitStatusHeight(view));
  }
}

function qualitativeCounts(view: PlanProgressView): string | null {
  const tasks = view.tasks.filter((t) => t.targetIds.length === 0);
  if (tasks.length === 0) return null;
  const counts = new Map<QualitativeStatus | null, number>();
  for (const t of tasks) counts.set(t.qualitativeStatus, (counts.get(t.qualitativeStatus) ?? 0) + 1);
  const parts = (['done', 'in_progress', 'not_started'] as QualitativeStatus[]).map(
    (s) => `${QUALITATIVE_LABELS[s]} ${counts.get(s) ?? 0} 项`,
  );
  if (counts.get(null)) parts.push(`${QUALITATIVE_UNSET_LABEL} ${counts.get(null)} 项`);
  return `无量化目标的任务 ${tasks.length} 项：${parts.join('，')}。`;
}
