import type { ProgressSettings } from './types';

/**
 * The two judgement thresholds every caller shares unless a plan overrides them:
 * `approx` (左右/约) targets count as met from 90% of the value, and a target is on track
 * (进度正常) while its completion is at least 90% of the expected progress (序时进度).
 */
export const DEFAULT_PROGRESS_SETTINGS: Readonly<Pick<ProgressSettings, 'approxTolerance' | 'onTrackRatio'>> =
  Object.freeze({ approxTolerance: 0.9, onTrackRatio: 0.9 });
