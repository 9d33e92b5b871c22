/**
 * Options of dabiao's own Chart.js plugins (see `chart-plugins.js`). They are plain data in a
 * chart configuration, so a configuration stays JSON: hashable for the cache and testable.
 */
import type { ChartType } from 'chart.js';

/** A straight reference line across the chart area at a value of one scale. */
export interface ReferenceLine {
  /** Scale id the value belongs to (`x` for horizontal bars, `y` otherwise). */
  scale: 'x' | 'y';
  value: number;
  color: string;
  dash?: number[];
  label?: string;
}

/** Text drawn just beyond the end of each bar of one dataset. */
export interface BarEndLabels {
  datasetIndex: number;
  texts: string[];
  color?: string;
}

/**
 * What a tooltip says for each bar, in data order: the whole subject the axis label shortens,
 * then lines of status and target. Read by the browser's tooltip; the server draws no tooltip.
 */
export interface BarTooltips {
  titles: string[];
  lines: string[][];
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    dabiaoReferenceLines?: { lines: ReferenceLine[] };
    dabiaoBarLabels?: BarEndLabels;
    dabiaoCenterText?: { lines: string[] };
    dabiaoTooltips?: BarTooltips;
  }
}
