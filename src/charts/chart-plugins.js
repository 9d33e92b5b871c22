// @ts-check
/**
 * dabiao's own Chart.js plugins. Configurations carry only plain data under
 * `options.plugins.dabiao*` (see `chart-plugin-options.d.ts`); these draw it. Kept small so no
 * third-party annotation plugin is needed. They write in Chart.js's default font family, which
 * the server sets to the bundled font and the browser to the page's.
 */
import { TEXT_COLOR } from './chart-style.js';

/** @typedef {import('chart.js').Chart} Chart */
/** @typedef {import('chart.js').Plugin} Plugin */
/** @typedef {import('./chart-plugin-options').ReferenceLine} ReferenceLine */
/** @typedef {import('./chart-plugin-options').BarEndLabels} BarEndLabels */

/** A canvas font string in the chart's default family. @param {Chart} chart @param {string} sizeAndWeight */
function font(chart, sizeAndWeight) {
  return `${sizeAndWeight} ${chart.options.font?.family ?? 'sans-serif'}`;
}

/**
 * Reference lines (the 100% line, a target level) drawn over the bars.
 * @type {Plugin}
 */
const referenceLines = {
  id: 'dabiaoReferenceLines',
  afterDatasetsDraw(chart, _args, /** @type {{ lines?: ReferenceLine[] }} */ options) {
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
        ctx.font = font(chart, '11px');
        ctx.textAlign = vertical ? 'center' : 'right';
        ctx.textBaseline = 'bottom';
        ctx.fillText(line.label, vertical ? at : area.right - 2, vertical ? area.top - 1 : at - 2);
      }
      ctx.restore();
    }
  },
};

/**
 * A short text beyond the end of each bar: the completion, or 未填报 where a bar is empty.
 * @type {Plugin}
 */
const barLabels = {
  id: 'dabiaoBarLabels',
  afterDatasetsDraw(chart, _args, /** @type {Partial<BarEndLabels>} */ options) {
    const texts = options.texts;
    if (options.datasetIndex === undefined || !texts) return;
    const meta = chart.getDatasetMeta(options.datasetIndex);
    const horizontal = chart.options.indexAxis === 'y';
    const valueScale = chart.scales[horizontal ? 'x' : 'y'];
    const zero = valueScale ? valueScale.getPixelForValue(0) : 0;
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = options.color ?? TEXT_COLOR;
    ctx.font = font(chart, '11px');
    ctx.textAlign = horizontal ? 'left' : 'center';
    ctx.textBaseline = horizontal ? 'middle' : 'bottom';
    meta.data.forEach((bar, i) => {
      const text = texts[i];
      if (!text) return;
      const { x, y } = /** @type {{ x: number; y: number }} */ (bar.getProps(['x', 'y'], true));
      if (horizontal) ctx.fillText(text, (Number.isFinite(x) ? x : zero) + 4, y);
      else ctx.fillText(text, x, (Number.isFinite(y) ? y : zero) - 3);
    });
    ctx.restore();
  },
};

/**
 * Lines of text in the hole of a doughnut (the total).
 * @type {Plugin}
 */
const centerText = {
  id: 'dabiaoCenterText',
  afterDraw(chart, _args, /** @type {{ lines?: string[] }} */ options) {
    const lines = options.lines ?? [];
    const meta = chart.getDatasetMeta(0);
    const arc = meta.data[0];
    if (!arc || lines.length === 0) return;
    const { x, y } = /** @type {{ x: number; y: number }} */ (arc.getProps(['x', 'y'], true));
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = TEXT_COLOR;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    lines.forEach((line, i) => {
      ctx.font = font(chart, i === 0 ? 'bold 28px' : '13px');
      ctx.fillText(line, x, y + (i - (lines.length - 1) / 2) * 30);
    });
    ctx.restore();
  },
};

/**
 * For PDF canvases: draw text as font glyphs, not outlines, so the text stays searchable and
 * small. Set before every draw because a resize resets the context.
 * @type {Plugin}
 */
export const glyphTextPlugin = {
  id: 'dabiaoGlyphText',
  beforeDraw(chart) {
    /** @type {{ textDrawingMode: string }} */ (/** @type {unknown} */ (chart.ctx)).textDrawingMode = 'glyph';
  },
};

/** @type {Plugin[]} */
export const DABIAO_PLUGINS = [referenceLines, barLabels, centerText];
