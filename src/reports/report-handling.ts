/**
 * Who entered and who verified each target's latest figure (填报人 / 核实人, with their
 * times) — the report's own section and the progress workbook's columns read the same cells,
 * so the person who entered a figure is never shown as the one who verified it.
 */
import type { PlanProgressView, TargetProgressRow } from '../progress/types';
import { drawTable } from './pdf-table';
import { targetText } from './progress-rows';
import { paragraph, sectionHeading, type Doc } from './report-document';

/** `2025-01-15 10:00` in Beijing time (the users' clock), `—` for none. */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** 填报人, 填报时间, 核实人, 核实时间 of a target's latest counted figure (`—` where none). */
export function handlingCells(t: TargetProgressRow): [string, string, string, string] {
  const h = t.handling;
  return [
    h?.enteredBy ?? '—',
    beijingTime(h?.enteredAt),
    h?.verifiedBy ?? '未核实',
    beijingTime(h?.verifiedAt),
  ];
}

export const HANDLING_COLUMNS = ['填报人', '填报时间', '核实人', '核实时间'] as const;

export function drawHandling(doc: Doc, view: PlanProgressView): void {
  sectionHeading(doc, '七、数据填报与核实');
  const rows = view.targets.filter((t) => t.handling !== null);
  if (rows.length === 0) {
    paragraph(doc, `截至 ${view.asOfYear} 年底，尚无已填报的数据。`);
    return;
  }
  paragraph(doc, '各量化目标最近一次计入的数据由谁填报、由谁核实：');
  doc.moveDown(0.3);
  drawTable(
    doc,
    [
      { header: '序号', width: 30, align: 'center' },
      { header: '量化目标', width: 135 },
      { header: '年度', width: 35, align: 'center' },
      { header: '填报人', width: 55 },
      { header: '填报时间', width: 86.64 },
      { header: '核实人', width: 55 },
      { header: '核实时间', width: 86.64 },
    ],
    rows.map((t) => ({
      cells: [
        String(t.seq ?? '—'),
        targetText(t),
        `${t.handling!.year}${t.handling!.member ? ` ${t.handling!.member}` : ''}`,
        ...handlingCells(t),
      ],
    })),
  );
}
