/**
 * dabiao's own Chart.js plugins. Configurations carry only plain data under
 * `options.plugins.dabiao*` (see `chart-plugin-options.ts`); these draw it. Kept small so no
 * third-party annotation plugin is needed.
 */
import type { Chart, Plugin } from 'chart.js';
import type { BarEndLabels, ReferenceLine } from './chart-plugin-options';
import { FONT_FAMILY, TEXT_COLOR } from './chart-style';

/** Reference lines (the 100% line, a target level) drawn over the bars. */
const referenceLines: Plugin = {
  id: 'dabiaoReferenceLines',
  afterDatasetsDraw(chart: Chart, _args, options: { lines?: ReferenceLine[] }) {
    const { ctx, chartArea: area } = chart;
    for (const line of options.lines ?? []) {
      const scale = chart.scales[line.scale];
      if (!scale) continue;
      const at = scale.getPixelForValue(line.value);
      const vertical = line.scale === 'x';
      if (vertical ? at < area.left || at > area.right : at < area.top || at > area.bottom) continue;
      ctx.save();
      ctx.strokeStyle = line.color;
      ctx.lineWidth = 1.5;
      ctx.setLineDash(line.dash ?? []);
      ctx.beginPath();
      ctx.moveTo(vertical ? at : area.left, vertical ? area.top : at);
      ctx.lineTo(vertical ? at : area.right, vertical ? area.bottom : at);
      ctx.stroke();
      if (line.label) {
        ctx.setLineDash([]);
        ctx.fillStyle = line.color;
        ctx.font = `11px ${FONT_FAMILY}`;
        ctx.textAlign = vertical ? 'center' : 'right';
        ctx.textBaseline = 'bottom';
        ctx.fillText(line.label, vertical ? at : area.right - 2, vertical ? area.top - 1 : at - 2);
      }
      ctx.restore();
    }
  },
};

/** A short text beyond the end of each bar: the completion, or 未填报 where a bar is empty. */
const barLabels: Plugin = {
  id: 'dabiaoBarLabels',
  afterDatasetsDraw(chart: Chart, _args, options: Partial<BarEndLabels>) {
    if (options.datasetIndex === undefined || !options.texts) return;
    const meta = chart.getDatasetMeta(options.datasetIndex);
    const horizontal = chart.options.indexAxis === 'y';
    const valueScale = chart.scales[horizontal ? 'x' : 'y'];
    const zero = valueScale ? valueScale.getPixelForValue(0) : 0;
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = options.color ?? TEXT_COLOR;
    ctx.font = `11px ${FONT_FAMILY}`;
    ctx.textAlign = horizontal ? 'left' : 'center';
    ctx.textBaseline = horizontal ? 'middle' : 'bottom';
    meta.data.forEach((bar, i) => {
      const text = options.texts![i];
      if (!text) return;
      const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
      if (horizontal) ctx.fillText(text, (Number.isFinite(x) ? x : zero) + 4, y);
      else ctx.fillText(text, x, (Number.isFinite(y) ? y : zero) - 3);
    });
    ctx.restore();
  },
};

/** Lines of text in the hole of a doughnut (the total). */
const centerText: Plugin = {
  id: 'dabiaoCenterText',
  afterDraw(chart: Chart, _args, options: { lines?: string[] }) {
    const lines = options.lines ?? [];
    const meta = chart.getDatasetMeta(0);
    const arc = meta.data[0];
    if (!arc || lines.length === 0) return;
    const { x, y } = arc.getProps(['x', 'y'], true) as { x: number; y: number };
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = TEXT_COLOR;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    lines.forEach((line, i) => {
      ctx.font = i === 0 ? `bold 28px ${FONT_FAMILY}` : `13px ${FONT_FAMILY}`;
      ctx.fillText(line, x, y + (i - (lines.length - 1) / 2) * 30);
    });
    ctx.restore();
  },
};

/**
 * For PDF canvases: draw text as font glyphs, not outlines, so the text stays searchable and
 * small. Set before every draw because a resize resets the context.
 */
export const glyphTextPlugin: Plugin = {
  id: 'dabiaoGlyphText',
  beforeDraw(chart: Chart) {
    (chart.ctx as unknown as { textDrawingMode: string }).textDrawingMode = 'glyph';
  },
};

export const DABIAO_PLUGINS: Plugin[] = [referenceLines, barLabels, centerText];
