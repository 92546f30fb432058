/**
 * The names of the API's operations, free of zod: the renderer and Electron's sandboxed preload
 * need the names, not the schemas (zod probes `new Function` at load, which a strict CSP reports
 * as a violation). core/model/api.ts keys its schemas by exactly these names.
 */
export const OPERATION_NAMES = [
  'openProject',
  'currentProject',
  'projectInfo',
  'setCurrency',
  'previewImport',
  'startJob',
  'cancelJob',
  'listJobs',
  'listAnalyses',
  'listRuns',
  'getRun',
  'renameRun',
  'annotateRun',
  'deleteRun',
  'importReport',
  'getOverview',
  'getOverviewExplore',
  'getOverviewCustomers',
  'getSegmentation',
  'renameSegment',
  'compareSegments',
  'compareRuns',
  'exportCsv',
  'getCustomer',
  'getRules',
  'getClv',
  'getSpendModel',
  'spendPredictions',
  'getForecast',
  'getHolidays',
  'saveHolidays',
  'refitForecast',
  'renderReport',
  'recentProjects',
  'listFolder',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];
