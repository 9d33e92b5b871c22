/**
 * Who entered and who verified each target's latest figure (填报人 / 核实人, with their
 * times on the readers' clock) — the report's annex and the progress workbook's columns read
 * the same cells, so the person who entered a figure is never shown as the one who verified it.
 */
import type { PlanProgressView, TargetProgressRow } from '../progress/types';
import type { ReportBlock } from './report-blocks';
import { tableTime } from './report-dates';
import { targetText } from './progress-rows';

/** 填报人, 填报时间, 核实人, 核实时间 of a target's latest counted figure (`—` where none). */
export function handlingCells(t: TargetProgressRow, timeZone?: string): [string, string, string, string] {
  const h = t.handling;
  return [
    h?.enteredBy ?? '—',
    tableTime(h?.enteredAt, timeZone),
    h?.verifiedBy ?? '未核实',
    tableTime(h?.verifiedAt, timeZone),
  ];
}

export const HANDLING_COLUMNS = ['填报人', '填报时间', '核实人', '核实时间'] as const;

export function handlingBlocks(view: PlanProgressView, timeZone?: string): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', text: '附件 4 数据填报与核实', level: 1 }];
  const rows = view.targets.filter((t) => t.handling !== null);
  if (rows.length === 0) {
    blocks.push({ kind: 'paragraph', text: `截至 ${view.asOfYear} 年底，尚无已填报的数据。` });
    return blocks;
  }
  blocks.push(
    { kind: 'paragraph', text: '各量化目标最近一次计入的数据由谁填报、由谁核实：' },
    {
      kind: 'table',
      columns: [
        { header: '序号', weight: 30, align: 'center' },
        { header: '量化目标', weight: 135 },
        { header: '年度', weight: 35, align: 'center' },
        { header: '填报人', weight: 55 },
        { header: '填报时间', weight: 86.64 },
        { header: '核实人', weight: 55 },
        { header: '核实时间', weight: 86.64 },
      ],
      rows: rows.map((t) => ({
        cells: [
          String(t.seq ?? '—'),
          targetText(t),
          `${t.handling!.year}${t.handling!.member ? ` ${t.handling!.member}` : ''}`,
          ...handlingCells(t, timeZone),
        ],
      })),
    },
  );
  return blocks;
}
