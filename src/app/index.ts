/**
 * The use cases: the only code that puts documents, extraction, the store and the progress
 * rules together. HTTP routes, the CLI and the demo call these; they call nothing above.
 */
export { importPlanFile, sha256Hex, type PlanFileOptions, type PlanFileResult } from './import-plan-file';
export { loadPlanProgress, loadPlansProgress } from './load-plan-progress';
export { loadUnitsPage } from './load-units-page';
export { recordMeasurementSheet, type SheetResult } from './record-measurement-sheet';
export { templateCsv, templateRows, templateXlsx } from './measurement-template';
export {
  proposeFiguresFromReport,
  acceptReportFigures,
  type ReportProposals,
  type FigureProposal,
  type AcceptedFigure,
} from './figures-from-report';
