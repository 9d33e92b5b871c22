/**
 * The cover page: plan title, issuing body, as-of date, data state and, when the report is
 * for one unit, that unit — what an office checks before reading further.
 */
import type { PlanProgressView } from '../progress/types';
import { COLORS, FONT, PAGE, type Doc } from './report-document';

export const DATA_STATE_LABELS = { verified: '仅已核实数据', all: '全部填报数据' } as const;

/** `2026 年 11 月 23 日`. */
export function chineseDate(date: Date): string {
  return `${date.getFullYear()} 年 ${date.getMonth() + 1} 月 ${date.getDate()} 日`;
}

/** The lines of the cover's information block, as label/value pairs. */
export function coverFacts(view: PlanProgressView, generatedAt: Date): [string, string][] {
  return [
    ['印发单位', view.plan.issuer ?? '—'],
    ['方案文件', view.plan.sourceName],
    ['规划期', `${view.plan.startYear}—${view.plan.horizonYear} 年`],
    ['统计截至', `${view.asOfYear} 年 12 月 31 日`],
    ['数据口径', DATA_STATE_LABELS[view.dataState]],
    ['责任单位', view.unit ?? '全部责任单位'],
    ['生成日期', chineseDate(generatedAt)],
  ];
}

export function drawCover(doc: Doc, view: PlanProgressView, generatedAt: Date): void {
  const width = PAGE.contentWidth - 40;
  const left = PAGE.left + 20;
  doc.rect(PAGE.left, 150, PAGE.contentWidth, 3).fill('#b22222');
  doc
    .font(FONT.bold)
    .fontSize(24)
    .fillColor(COLORS.text)
    .text(view.plan.title, left, 190, { width, align: 'center', lineGap: 8 });
  doc.moveDown(0.8);
  doc
    .font(FONT.regular)
    .fontSize(18)
    .text(view.unit ? `目标任务进度报告（${view.unit}）` : '目标任务进度报告', left, doc.y, { width, align: 'center' });
  doc.rect(PAGE.left, doc.y + 24, PAGE.contentWidth, 1).fill('#b22222');

  let y = 470;
  const labelX = PAGE.left + 110;
  for (const [label, value] of coverFacts(view, generatedAt)) {
    doc.font(FONT.bold).fontSize(12).fillColor(COLORS.muted).text(`${label}：`, labelX, y, { width: 80 });
    doc.font(FONT.regular).fontSize(12).fillColor(COLORS.text).text(value, labelX + 80, y, { width: 230 });
    y = Math.max(doc.y, y + 18) + 8;
  }
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor(COLORS.muted)
    .text('本报告由“达标”目标指标跟踪系统根据填报数据自动生成', PAGE.left, PAGE.contentBottom - 40, {
      width: PAGE.contentWidth,
      align: 'center',
    });
  doc.fillColor(COLORS.text);
}
