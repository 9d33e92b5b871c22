/**
 * The cover: plan title, issuing body, document number, the as-of year, the day the report
 * was made (on the readers' clock: the figures as they stood that day), data state and, for one unit's report, that unit — what an
 * office checks before reading further. Never the source file's name: it is a hash.
 */
import type { PlanProgressView } from '../progress/types';
import { DATA_STATE_LABELS } from '../shared/index.js';
import type { ReportBlock } from './report-blocks';
import { chineseDate } from './report-dates';

/** The data-state words have one home, the vocabulary; the xlsx sheet imports them from here too. */
export { DATA_STATE_LABELS };

/** The lines of the cover's information block, as label/value pairs. */
export function coverFacts(view: PlanProgressView, generatedAt: Date, timeZone?: string): [string, string][] {
  return [
    ['印发单位', view.plan.issuer ?? '—'],
    ['文号', view.plan.documentNumber ?? '—'],
    ['规划期', `${view.plan.startYear}—${view.plan.horizonYear} 年`],
    ['统计截至', `${view.asOfYear} 年 12 月 31 日`],
    ['数据口径', DATA_STATE_LABELS[view.dataState]],
    ['责任单位', view.unit ?? '全部责任单位'],
    ['报告日期', chineseDate(generatedAt, timeZone)],
  ];
}

export function coverBlock(view: PlanProgressView, generatedAt: Date, timeZone?: string): ReportBlock {
  return {
    kind: 'cover',
    title: view.plan.title,
    subtitle: view.unit ? `目标任务进度报告（${view.unit}）` : '目标任务进度报告',
    facts: coverFacts(view, generatedAt, timeZone),
    note: '本报告由“达标”目标指标跟踪系统根据填报数据自动生成',
  };
}
