/**
 * 序时进度 as of the end of `asOfYear` for a period running from the start of `startYear` to
 * the end of `deadline`.
 *
 * Figures are reported once per year-end, so the period is counted in year-ends: it holds
 * `deadline − startYear + 1` of them, and by the end of `asOfYear` `asOfYear − startYear + 1`
 * have passed. The last year of the period therefore expects 100%, which is what an evaluator
 * checking a 2025 deadline at the end of 2025 expects; counting months or days would suggest a
 * precision the yearly figures do not have. Clamped to 0..1 (before the start nothing is due,
 * after the deadline everything is).
 *
 * @example expectedProgress(2023, 2025, 2024) // 2/3: 2023 and 2024 of 2023–2025 have passed
 */
export function expectedProgress(startYear: number, deadline: number, asOfYear: number): number {
  const span = deadline - startYear + 1;
  // A deadline earlier than the plan's start (a carried-over target) is due all at once.
  if (span <= 0) return asOfYear >= deadline ? 1 : 0;
  return Math.min(1, Math.max(0, (asOfYear - startYear + 1) / span));
}
