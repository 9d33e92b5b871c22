/** Plan reading: from a document's text or table rows to its tasks. Pure, no I/O. */
export { extractPlan, extractPlanFromRows, extractPlanFromText, type PlanReading } from './extract-plan';
export { TABLE_LAYOUTS, textBlocks } from './text-blocks';
export { tasksFromRows } from './tasks-from-rows';
export { proseTasks } from './prose-tasks';
export { unitsInProse } from './prose-units';
export { findColumns, HEADER_NAMES, type TableColumns } from './find-columns';
export { splitUnits } from './split-units';
export { findTitle } from './find-title';
export type { DocBlock, ExtractTargets, PlanOptions, ProseBlock, TableBlock } from './types';
export { proposePlanMetadata, type MetadataOptions } from './plan-metadata';
