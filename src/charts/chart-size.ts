/**
 * The one limit on a chart's size, shared by the renderer and the HTTP query schema so that
 * the schema refuses exactly what the renderer would: a drawing surface of at most
 * 25 megapixels (5000 × 5000), width × height × ratio². More would take gigabytes of memory.
 * A PDF is vector: its pixel ratio does not count.
 */

/** Largest drawing surface in pixels, after the pixel ratio. */
export const MAX_CHART_PIXELS = 25_000_000;

export interface ChartSize {
  /** CSS pixels for PNG, points for PDF. */
  width: number;
  height: number;
  /** PNG pixel ratio; 1 for PDF. */
  ratio: number;
}

/** Pixels the renderer allocates for a chart of this size. */
export function chartPixels({ width, height, ratio }: ChartSize): number {
  return width * ratio * height * ratio;
}

/**
 * Why a chart of this size cannot be drawn, naming the field to lower (the ratio when it
 * enlarges the picture, else the width), or null when it can.
 *
 * @example chartSizeIssue({ width: 4000, height: 4000, ratio: 2 }) // { path: ['ratio'], … }
 */
export function chartSizeIssue(size: ChartSize): { path: string[]; message: string } | null {
  for (const field of ['width', 'height', 'ratio'] as const) {
    if (!(size[field] > 0)) {
      return { path: [field], message: `图表尺寸必须大于 0 / chart ${field} must be greater than 0` };
    }
  }
  const pixels = chartPixels(size);
  if (pixels <= MAX_CHART_PIXELS) return null;
  const mp = (n: number) => `${Math.round(n / 100_000) / 10}`;
  return {
    path: [size.ratio > 1 ? 'ratio' : 'width'],
    message:
      `图表过大：宽 × 高 × 像素比² 为 ${mp(pixels)} 百万像素，不得超过 ${mp(MAX_CHART_PIXELS)} 百万像素` +
      ` / chart too large: width × height × ratio² is ${mp(pixels)} megapixels, at most ${mp(MAX_CHART_PIXELS)}`,
  };
}

/**
 * A chart's own height (tall enough for every bar) within what the size limit leaves at this
 * width and ratio, and at most `cap`: an overview of many targets asked for at a high ratio
 * is drawn shorter rather than refused.
 */
export function fitHeight(wanted: number, width: number, ratio: number, cap = 4000): number {
  return Math.max(1, Math.min(wanted, cap, Math.floor(MAX_CHART_PIXELS / (width * ratio * ratio))));
}
