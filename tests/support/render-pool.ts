import { createRenderPool, type RenderPool } from '../../src/reports/render-pool';

/**
 * Render threads shared by every test server of this test process, one pool per thread count:
 * a thread takes 1.5–3 s of CPU to load Chart.js, canvas, the PDF libraries and the fonts, and
 * some twenty files draw. Idle threads do not hold the process open (piscina unrefs them).
 */
const renderPools = new Map<number, RenderPool>();
export function sharedRenderPool(threads: number): RenderPool {
  let pool = renderPools.get(threads);
  if (!pool) renderPools.set(threads, (pool = createRenderPool({ threads })));
  return pool;
}
