import { WorkbenchError } from '../model/result.js';
import { couponsJob } from './coupons/coupons-job.js';
import { DIAGNOSTIC_JOBS } from './diagnostics.js';
import { demoJob } from './demo-job.js';
import { importJob } from './import-job.js';
import { marketingJob } from './marketing/marketing-job.js';
import { overviewJob } from './overview-job.js';
import { summaryJob } from './summary-job.js';
import { recommendEvalJob } from './recommend/eval-job.js';
import { preferenceJob } from './recommend/preference-job.js';
import { recommendJob } from './recommend/recommend-job.js';
import { scoreModelJob } from './recommend/score-model-job.js';
import { forecastJob } from './forecast/forecast-job.js';
import { rulesJob } from './rules/rules-job.js';
import { kmeansJob } from './segment/kmeans-job.js';
import { kmedoidsJob } from './segment/kmedoids-job.js';
import { kprototypesJob } from './segment/kprototypes-job.js';
import { stratifiedJob } from './segment/stratified-job.js';
import { clvJob } from './value/clv-job.js';
import { spendJob } from './spend/spend-job.js';
import type { JobDefinition } from './types.js';

// Each job has its own params and summary types; the registry only routes by id.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJob = JobDefinition<any, any>;

/** Every job kind the worker can run: imports, the demo, analyses, and the runner's diagnostics. */
const ALL: readonly AnyJob[] = [importJob, demoJob, summaryJob, overviewJob, stratifiedJob, kprototypesJob, kmedoidsJob, kmeansJob, recommendEvalJob, recommendJob, preferenceJob, scoreModelJob, rulesJob, forecastJob, couponsJob, marketingJob, clvJob, spendJob, ...DIAGNOSTIC_JOBS];

/** Job kinds by id; built once so a duplicate id fails at load, not at run time. */
export const JOBS: ReadonlyMap<string, AnyJob> = buildMap(ALL);

function buildMap(jobs: readonly AnyJob[]): Map<string, AnyJob> {
  const map = new Map<string, AnyJob>();
  for (const job of jobs) {
    if (map.has(job.id)) throw new Error(`Duplicate job id ${job.id} in the registry.`);
    map.set(job.id, job);
  }
  return map;
}

/** The job of that kind; an unknown kind is a `not-found` error listing the known ones, so a typo is easy to fix. */
export function getJob(id: string): AnyJob {
  const job = JOBS.get(id);
  if (!job) throw new WorkbenchError('not-found', `Unknown job '${id}'; known: ${[...JOBS.keys()].join(', ')}.`, { id, known: [...JOBS.keys()] });
  return job;
}

/** The jobs the `analyses` command and the UI list (imports and diagnostics are not analyses). */
export function listAnalyses(): AnyJob[] {
  return ALL.filter((job) => job.isAnalysis);
}
