/**
 * Light tints of the chart status colours, for table cells that must stay readable in print:
 * the same tints in the PDF, the Word report and the xlsx sheet.
 */
import type { QualitativeStatus, Status } from '../shared/index.js';

export const STATUS_TINTS: Readonly<Record<Status | QualitativeStatus, string>> = Object.freeze({
  met: '#d9f0e1',
  on_track: '#dce7fa',
  behind: '#fcecc8',
  missed: '#f8d9d8',
  unreported: '#e9ebed',
  done: '#d9f0e1',
  in_progress: '#dce7fa',
  not_started: '#e9ebed',
});
