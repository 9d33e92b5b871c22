/**
 * 二、总体情况, one page: the headline 达标率 (met / due), 平均完成率 beside it with its
 * definition, the counts by status and the plan overview chart; then 三、各责任单位完成情况:
 * each unit's counts and 达标率, and the units chart.
 */
import { planOverviewChart, planOverviewHeight } from '../charts/plan-overview-chart';
import { unitStatusChart, unitStatusHeight } from '../charts/unit-status-chart';
import { type PlanProgressView } from '../progress/types';
import type { ReportBlock } from './report-blocks';
import { STATUS_TINTS } from './status-tints';
import { MEASURES, QUALITATIVE_LABELS, QUALITATIVE_UNSET_LABEL, STATUSES, STATUS_LABELS, formatAttainment, formatPercent, type QualitativeStatus } from '../shared/index.js';

/** The overview chart shares the summary page with the text and the counts table. */
const OVERVIEW_MAX_HEIGHT = 360;

/** The summary paragraph: how many tasks and targets, and where they stand. */
export function summaryText(view: PlanProgressView): string {
  const total = STATUSES.reduce((n, s) => n + view.statusCounts[s], 0);
  const withTargets = view.tasks.filter((t) => t.targetIds.length > 0).length;
  const counts = STATUSES.map((s) => `${STATUS_LABELS[s]} ${view.statusCounts[s]} 项`).join('，');
  const scope = view.unit ? `${view.unit}负责的` : '本方案共有';
  return (
    `${scope}工作任务 ${view.tasks.length} 项，其中含量化目标的任务 ${withTargets} 项，量化目标 ${total} 项。` +
    `截至 ${view.asOfYear} 年底，${counts}。`
  );
}

/** `达标率 52.2%（12/23 项）`: the figure a leader reads first. */
export function headlineText(view: PlanProgressView): string {
  return `${MEASURES.attainment.label} ${formatAttainment(view.attainment)}`;
}

/** What the headline counts, and the secondary 平均完成率 with what it averages. */
export function measuresText(view: PlanProgressView): string {
  return (
    `${MEASURES.attainment.label}：${MEASURES.attainment.definition}。` +
    `${MEASURES.completion.label} ${formatPercent(view.overallCompletion)}：${MEASURES.completion.definition}。`
  );
}

export function summaryBlocks(view: PlanProgressView): ReportBlock[] {
  const total = STATUSES.reduce((n, s) => n + view.statusCounts[s], 0);
  const blocks: ReportBlock[] = [
    { kind: 'heading', text: '二、总体情况', level: 1 },
    { kind: 'paragraph', text: headlineText(view), style: 'headline' },
    { kind: 'paragraph', text: measuresText(view), style: 'muted' },
    { kind: 'paragraph', text: summaryText(view) },
    {
      kind: 'table',
      columns: [
        { header: '状态', weight: 120 },
        { header: '目标数（项）', weight: 100, align: 'right' },
        { header: '占比', weight: 100, align: 'right' },
      ],
      rows: STATUSES.map((s) => ({
        cells: [STATUS_LABELS[s], String(view.statusCounts[s]), total ? formatPercent(view.statusCounts[s] / total) : '—'],
        tints: [STATUS_TINTS[s], null, null],
      })),
    },
  ];
  const qualitative = qualitativeCounts(view);
  if (qualitative) blocks.push({ kind: 'paragraph', text: qualitative });
  if (view.targets.length > 0)
    blocks.push({
      kind: 'chart',
      config: planOverviewChart(view),
      width: 800,
      height: planOverviewHeight(view),
      maxHeight: OVERVIEW_MAX_HEIGHT,
    });
  return blocks;
}

/** Units with a target of their own, worst 达标率 first (ties: most targets first). */
function reportedUnits(view: PlanProgressView) {
  return view.units
    .filter((u) => u.total > 0)
    .sort(
      (a, b) =>
        (a.attainment.rate ?? 2) - (b.attainment.rate ?? 2) || b.total - a.total || a.unit.localeCompare(b.unit, 'zh-CN'),
    );
}

export function unitBlocks(view: PlanProgressView): ReportBlock[] {
  const units = reportedUnits(view);
  const blocks: ReportBlock[] = [{ kind: 'heading', text: '三、各责任单位完成情况', level: 1 }];
  if (units.length === 0) {
    blocks.push({ kind: 'paragraph', text: '还没有责任单位承担量化目标。' });
    return blocks;
  }
  blocks.push(
    {
      kind: 'paragraph',
      text: `共 ${units.length} 个责任单位（含牵头和配合），按${MEASURES.attainment.label}由低到高排列：`,
    },
    {
      kind: 'table',
      columns: [
        { header: '责任单位', weight: 112 },
        { header: '目标数', weight: 38, align: 'center' },
        ...STATUSES.map((s) => ({ header: STATUS_LABELS[s], weight: 48, align: 'center' as const })),
        { header: MEASURES.attainment.label, weight: 93.28, align: 'center' },
      ],
      rows: units.map((u) => ({
        cells: [u.unit, String(u.total), ...STATUSES.map((s) => String(u.counts[s])), formatAttainment(u.attainment)],
        tints: [null, null, ...STATUSES.map((s) => (u.counts[s] > 0 ? STATUS_TINTS[s] : null)), null],
      })),
    },
  );
  // A report for one unit would show a single bar: the table says it better.
  if (!view.unit && units.length > 1)
    blocks.push({ kind: 'chart', config: unitStatusChart(view), width: 800, height: unitStatusHeight(view) });
  return blocks;
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
