import type { OperationName } from '../core/model/api.js';

/**
 * The operation names of core/model/api.ts, copied so the sandboxed preload bundle stays tiny and
 * free of zod (OPERATION_NAMES lives beside the schemas). Kept honest twice: the type below fails
 * to compile when an operation is missing here, and a unit test asserts the list equals
 * OPERATION_NAMES, in order.
 */
export const BRIDGE_OPERATIONS = [
  'openProject',
  'currentProject',
  'projectInfo',
  'previewImport',
  'startJob',
  'cancelJob',
  'listJobs',
  'listAnalyses',
  'listRuns',
  'getRun',
  'importReport',
  'getOverview',
] as const satisfies readonly OperationName[];

type Missing = Exclude<OperationName, (typeof BRIDGE_OPERATIONS)[number]>;
/** Compiles only when every operation is listed above. */
const _everyOperationListed: [Missing] extends [never] ? true : Missing = true;
