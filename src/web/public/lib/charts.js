/**
 * Charts drawn in the page with Chart.js from the same configuration functions as the
 * server's PNGs (src/charts, served at /charts/): a tooltip per bar, a PNG download, and a
 * redraw in the phone layout when the card is narrow. Chart.js (/vendor/chart.umd.min.js, a
 * classic script defining `Chart`) is fetched on the first chart only.
 */
import { h, toast } from './dom.js';
import { DABIAO_PLUGINS } from '../../../charts/chart-plugins.js';
import { TEXT_COLOR } from '../../../charts/chart-style.js';

/** @typedef {typeof import('chart.js').Chart} ChartClass */
/** @typedef {{ config: import('chart.js').ChartConfiguration<any>; height: number }} DrawnChart */

/** Below this card width a chart is drawn in its narrow (phone) layout. */
const NARROW_WIDTH = 560;

/** @type {Promise<ChartClass> | null} */
let chartJs = null;

/** Chart.js, loaded once, with dabiao's plugins and the page's font. */
export function loadChartJs() {
  chartJs ??= new Promise((resolve, reject) => {
    const script = h('script', { src: '/vendor/chart.umd.min.js' });
    script.addEventListener('load', () => {
      const Chart = /** @type {ChartClass} */ (/** @type {any} */ (window).Chart);
      Chart.defaults.font.family = getComputedStyle(document.documentElement)
        .getPropertyValue('--font')
        .trim();
      Chart.defaults.font.size = 13;
      Chart.defaults.color = TEXT_COLOR;
      // Drawn at once: bars that grow would show the bar-end labels ahead of their bars.
      Chart.defaults.animation = false;
      Chart.register(...DABIAO_PLUGINS, whiteBackground);
      resolve(Chart);
    });
    script.addEventListener('error', () => {
      chartJs = null;
      reject(new Error('图表组件加载失败 / Chart.js failed to load'));
    });
    document.head.append(script);
  });
  return chartJs;
}

/**
 * A white ground under the chart, so a downloaded PNG reads like the server's (a canvas is
 * transparent), pasted into a document or shown on a dark screen.
 * @type {import('chart.js').Plugin}
 */
const whiteBackground = {
  id: 'dabiaoWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * The tooltip a configuration asks for: the whole subject and its lines where it carries
 * `dabiaoTooltips` (the overview's shortened labels), else Chart.js's own.
 * @param {import('chart.js').ChartConfiguration<any>} config
 */
function withTooltip(config) {
  const tips = config.options?.plugins?.dabiaoTooltips;
  const tooltip = tips
    ? {
        callbacks: {
          title: (/** @type {any[]} */ items) => tips.titles[items[0]?.dataIndex ?? 0] ?? '',
          label: (/** @type {any} */ item) => tips.lines[item.dataIndex] ?? '',
        },
      }
    : {};
  return {
    ...config,
    options: {
      ...config.options,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { ...config.options?.plugins, tooltip },
    },
  };
}

/** Width and pixel ratio of a downloaded chart: the wide layout, sharp enough to paste and print. */
const DOWNLOAD_WIDTH = 960;
const DOWNLOAD_RATIO = 2;

/**
 * Saves the chart as a PNG named after its subject: drawn again off screen in the wide layout
 * at twice the pixels, whatever the window, so a phone's download reads like the laptop's.
 * @param {(narrow: boolean) => DrawnChart} draw @param {string} fileName
 */
async function savePng(draw, fileName) {
  const Chart = await loadChartJs();
  const { config, height } = draw(false);
  const box = h('div', {
    class: 'chart-offscreen',
    'aria-hidden': 'true',
    style: { width: `${DOWNLOAD_WIDTH}px`, height: `${height}px` },
  });
  const canvas = h('canvas', { width: DOWNLOAD_WIDTH, height });
  box.append(canvas);
  document.body.append(box);
  const shown = withTooltip(config);
  const chart = new Chart(canvas, {
    ...shown,
    options: { ...shown.options, responsive: false, devicePixelRatio: DOWNLOAD_RATIO },
  });
  try {
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return toast('图片生成失败', 'error');
    const url = URL.createObjectURL(/** @type {Blob} */ (blob));
    const link = h('a', { href: url, download: `${safeFileName(fileName)}.png` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } finally {
    chart.destroy();
    box.remove();
  }
}

/** A name a file system accepts: no path separators or reserved characters. @param {string} name */
function safeFileName(name) {
  return name.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 80) || '图表';
}

/**
 * A card with a chart drawn in the page and a button that saves it as a PNG.
 * @param {{
 *   heading: string;
 *   label: string;
 *   fileName: string;
 *   draw: (narrow: boolean) => DrawnChart;
 * }} spec `label` is read out for the canvas; `fileName` without `.png` (the target's subject);
 *   `draw` builds the configuration and its height for the phone layout or the wide one.
 */
export function chartCard({ heading, label, fileName, draw }) {
  const canvas = h('canvas', { role: 'img', 'aria-label': label });
  const box = h('div', { class: 'chart-box' }, canvas);
  /** @type {import('chart.js').Chart | null} */
  let chart = null;
  /** @type {boolean | null} */
  let narrow = null;

  const render = async (/** @type {boolean} */ wantNarrow) => {
    narrow = wantNarrow;
    const { config, height } = draw(wantNarrow);
    box.style.height = `${height}px`;
    try {
      const Chart = await loadChartJs();
      if (narrow !== wantNarrow) return; // a later resize asked for the other layout
      chart?.destroy();
      chart = new Chart(canvas, withTooltip(config));
      card.dataset.chart = wantNarrow ? 'narrow' : 'wide';
    } catch {
      box.replaceWith(h('p', { class: 'muted chart-missing' }, '图表暂时无法显示。'));
    }
  };
  // Drawn once the card has a width; redrawn only when it crosses the phone width (Chart.js
  // itself follows other changes of size).
  const observer = new ResizeObserver(([entry]) => {
    if (!canvas.isConnected) {
      observer.disconnect();
      chart?.destroy();
      return;
    }
    const width = entry?.contentRect.width ?? 0;
    if (width === 0) return;
    const wantNarrow = width < NARROW_WIDTH;
    if (wantNarrow !== narrow) void render(wantNarrow);
  });
  observer.observe(box);

  const download = h(
    'button',
    { type: 'button', class: 'btn btn-small chart-download', onclick: () => void savePng(draw, fileName) },
    h('span', { 'aria-hidden': 'true' }, '⤓'),
    ' 下载图片',
  );
  const card = h(
    'section',
    { class: 'card chart-card' },
    h('div', { class: 'chart-head' }, h('h2', null, heading), download),
    box,
  );
  return card;
}
