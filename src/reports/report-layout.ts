/**
 * What the plan report says and in which order, for leaders: the cover (page 1); 需要关注 on
 * page 2, before anything else; the one-page summary led by 达标率; completion by responsible
 * unit; then the annex — the full task table, the charts per target, the figures not
 * reported and who entered and verified them. Pure: the PDF and the Word renderers draw it.
 */
import type { PlanProgressView } from '../progress/types';
import { DATA_STATE_LABELS, DEFAULT_TIME_ZONE } from '../shared/index.js';
import type { ReportBlock, ReportLayout, ReportLayoutOptions } from './report-blocks';
import { coverBlock } from './report-cover';
import { attentionBlocks, missingFigureBlocks, progressTableBlocks, targetChartBlocks } from './report-details';
import { handlingBlocks } from './report-handling';
import { summaryBlocks, unitBlocks } from './report-summary';

const PAGE_BREAK: ReportBlock = { kind: 'pageBreak' };

/**
 * @example planReportLayout(await loadPlanProgress(store, 1, { asOfYear: 2024 }), { timeZone: 'Asia/Shanghai' })
 */
export function planReportLayout(view: PlanProgressView, options: ReportLayoutOptions = {}): ReportLayout {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const generatedAt = options.generatedAt ?? new Date();
  return {
    meta: {
      title: `${view.plan.title} 目标任务进度报告`,
      author: view.plan.issuer,
      subject: `截至 ${view.asOfYear} 年底 · ${DATA_STATE_LABELS[view.dataState]}${view.unit ? ` · ${view.unit}` : ''}`,
    },
    blocks: [
      coverBlock(view, generatedAt, timeZone),
      PAGE_BREAK,
      ...attentionBlocks(view),
      PAGE_BREAK,
      ...summaryBlocks(view),
      PAGE_BREAK,
      ...unitBlocks(view),
      PAGE_BREAK,
      ...progressTableBlocks(view),
      ...targetChartBlocks(view, options.targetCharts !== false),
      ...missingFigureBlocks(view),
      ...handlingBlocks(view, timeZone),
    ],
  };
}
