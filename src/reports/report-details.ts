/**
 * 一、需要关注 (page 2: the lagging and missed targets with their lead unit, latest figure,
 * target and gap, and a chart each) and the annex: every task with its targets, a chart per
 * quantified target and the figures not yet reported.
 */
import { statusDistributionChart } from '../charts/status-distribution-chart';
import { targetTrendChart } from '../charts/target-trend-chart';
import { type PlanProgressView, type TargetProgressRow } from '../progress/types';
import type { ReportBlock } from './report-blocks';
import { PROGRESS_COLUMNS, progressTableRows, rowCells, targetText } from './progress-rows';
import { STATUS_TINTS } from './status-tints';
import { STATUS_LABELS, describeLatest, formatAmount, formatNumber, formatPercent } from '../shared/index.js';

/** The sentence page 2 says when nothing needs a leader's attention. */
export const NOTHING_NEEDS_ATTENTION = '还没有进度滞后或未达标的目标。';

/** Targets that need a leader's attention: 未达标 first, then 进度滞后, each in plan order. */
export function laggingTargets(view: PlanProgressView): TargetProgressRow[] {
  const rank = { missed: 0, behind: 1 } as Record<string, number>;
  return view.targets
    .filter((t) => t.progress.status === 'missed' || t.progress.status === 'behind')
    .sort((a, b) => rank[a.progress.status]! - rank[b.progress.status]! || (a.seq ?? 0) - (b.seq ?? 0));
}

/**
 * How far a target is from being met, in its own unit where the figure allows
 * (`还差 3 门`, `超出 1.5%`, `4 个县（市）未达标`), with the completion against 序时进度 for a
 * target still running; the reason in words otherwise.
 */
export function attentionGap(t: TargetProgressRow): string {
  const p = t.progress;
  const pace = p.status === 'behind' ? `完成 ${formatPercent(p.completion)}，序时进度 ${formatPercent(p.expected)}` : '';
  let amount = '';
  if (p.members) amount = `${p.members.length - (p.membersMet ?? 0)} 个未达标`;
  else if (p.latest && !t.change && !t.per) {
    const lowerIsBetter = t.op === 'lte' || t.op === 'lt';
    const gap = lowerIsBetter ? p.latest.value - (t.max ?? t.value) : t.value - p.latest.value;
    // A share falls short by percentage points, not by a percent of itself.
    const words = t.unit === '%' ? `${formatNumber(gap)} 个百分点` : formatAmount(gap, t.unit);
    if (gap > 0) amount = `${lowerIsBetter ? '超出' : '还差'} ${words}`;
  }
  const parts = [amount, pace].filter(Boolean);
  if (parts.length === 0) return p.note || `完成 ${formatPercent(p.completion)}`;
  return parts.join('；');
}

export function attentionBlocks(view: PlanProgressView): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', text: '一、需要关注', level: 1 }];
  const rows = laggingTargets(view);
  if (rows.length === 0) {
    blocks.push({ kind: 'paragraph', text: NOTHING_NEEDS_ATTENTION });
    return blocks;
  }
  const counts = (['missed', 'behind'] as const)
    .map((s) => [STATUS_LABELS[s], rows.filter((t) => t.progress.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n} 项`);
  blocks.push(
    {
      kind: 'paragraph',
      text: `截至 ${view.asOfYear} 年底，${counts.join('、')}，请相关责任单位重点推进：`,
    },
    {
      kind: 'table',
      columns: [
        { header: '序号', weight: 30, align: 'center' },
        { header: '量化目标', weight: 150 },
        { header: '状态', weight: 46, align: 'center' },
        { header: '最新数据', weight: 80 },
        { header: '差距', weight: 97.28 },
        { header: '牵头单位', weight: 80 },
      ],
      rows: rows.map((t) => ({
        cells: [
          String(t.seq ?? '—'),
          targetText(t),
          STATUS_LABELS[t.progress.status],
          describeLatest(t),
          attentionGap(t),
          t.leadUnit ?? t.units[0] ?? '—',
        ],
        tints: [null, null, STATUS_TINTS[t.progress.status], null, null, null],
      })),
    },
  );
  for (const t of rows) blocks.push(targetChart(view, t.targetId));
  return blocks;
}

function targetChart(view: PlanProgressView, targetId: number): ReportBlock {
  return { kind: 'chart', config: targetTrendChart(view, targetId), width: 720, height: 330 };
}

export function progressTableBlocks(view: PlanProgressView): ReportBlock[] {
  const weights = [30, 144, 108, 66, 40, 50, 45.28];
  return [
    { kind: 'heading', text: '附件 1 任务进度明细', level: 1 },
    {
      kind: 'table',
      columns: PROGRESS_COLUMNS.map((header, i) => ({
        header,
        weight: weights[i]!,
        align: header === '序号' || header === '完成率' || header === '状态' ? 'center' : 'left',
      })),
      rows: progressTableRows(view).map((row) => ({
        cells: rowCells(row),
        continuation: row.firstOfTask ? undefined : rowCells(row, true).map((c, i) => (i === 1 ? `（续）${c}` : c)),
        tints: PROGRESS_COLUMNS.map((h) => (h === '状态' && row.statusKey ? STATUS_TINTS[row.statusKey] : null)),
      })),
    },
  ];
}

export function targetChartBlocks(view: PlanProgressView, perTarget: boolean): ReportBlock[] {
  if (view.targets.length === 0) return [];
  return [
    { kind: 'heading', text: '附件 2 各量化目标进度图', level: 1 },
    { kind: 'chart', config: statusDistributionChart(view), width: 640, height: 300 },
    ...(perTarget ? view.targets.map((t) => targetChart(view, t.targetId)) : []),
  ];
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

export function missingFigureBlocks(view: PlanProgressView): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', text: '附件 3 尚未填报的数据', level: 1 }];
  const rows = missingFigures(view);
  if (rows.length === 0) {
    blocks.push({ kind: 'paragraph', text: `截至 ${view.asOfYear} 年底，各量化目标的数据均已填报。` });
    return blocks;
  }
  blocks.push(
    { kind: 'paragraph', text: `以下 ${rows.length} 项目标缺少 ${view.asOfYear} 年数据，请责任单位及时填报：` },
    {
      kind: 'table',
      columns: [
        { header: '序号', weight: 30, align: 'center' },
        { header: '量化目标', weight: 170 },
        { header: '缺少的数据', weight: 150 },
        { header: '责任单位', weight: 133.28 },
      ],
      rows: rows.map((r) => ({
        cells: [r.seq, r.target, r.missing, r.units],
        tints: [null, null, STATUS_TINTS.unreported, null],
      })),
    },
  );
  return blocks;
}
