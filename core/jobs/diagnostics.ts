import { z } from 'zod';
import { WorkbenchError } from '../model/result.js';
import type { JobDefinition } from './types.js';

/*
 * Hidden jobs (isAnalysis false) that exercise the job runner itself: progress, cooperative
 * cancel, a job that ignores cancel (terminate-and-recover), and a failure with code and details.
 */

const countParams = z.object({
  n: z.number().int().min(0).default(1000),
  chunk: z.number().int().min(1).default(100),
  /** Never yield to the event loop, so only the shared cancel flag can stop the count. */
  sync: z.boolean().default(false),
});

const count: JobDefinition<z.output<typeof countParams>, { counted: number }> = {
  id: 'diagnostics.count',
  title: 'Count (diagnostic)',
  description: 'Counts to n in chunks, reporting progress and honouring cancel between chunks.',
  isAnalysis: false,
  params: countParams,
  paramInfo: [
    { name: 'n', type: 'integer', default: 1000, help: 'How far to count.' },
    { name: 'chunk', type: 'integer', default: 100, help: 'Numbers counted between progress reports.' },
    { name: 'sync', type: 'boolean', default: false, help: 'Never yield to the event loop.' },
  ],
  async run(ctx, { n, chunk, sync }) {
    let counted = 0;
    ctx.progress({ phase: 'count', done: 0, total: n, unit: 'rows' });
    while (counted < n) {
      ctx.throwIfCancelled();
      const end = Math.min(n, counted + chunk);
      while (counted < end) counted++;
      ctx.progress({ phase: 'count', done: counted, total: n, unit: 'rows' });
      if (!sync) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return { counted };
  },
};

const ignoreCancelParams = z.object({ ms: z.number().int().min(0).default(60_000) });

const ignoreCancel: JobDefinition<z.output<typeof ignoreCancelParams>, { spunMs: number; spins: number }> = {
  id: 'diagnostics.ignore-cancel',
  title: 'Ignore cancel (diagnostic)',
  description: 'Busy-loops for ms without ever checking cancel, so only terminating the worker stops it.',
  isAnalysis: false,
  params: ignoreCancelParams,
  paramInfo: [{ name: 'ms', type: 'integer', default: 60_000, help: 'How long to spin, in milliseconds.' }],
  async run(ctx, { ms }) {
    ctx.progress({ phase: 'spin', done: 0, total: ms, unit: 'ms' });
    const start = Date.now();
    let spins = 0;
    while (Date.now() - start < ms) spins++;
    return { spunMs: Date.now() - start, spins };
  },
};

const failParams = z.object({ reason: z.string().default('requested') });

const fail: JobDefinition<z.output<typeof failParams>, never> = {
  id: 'diagnostics.fail',
  title: 'Fail (diagnostic)',
  description: 'Throws a WorkbenchError with code invalid-input and details.',
  isAnalysis: false,
  params: failParams,
  paramInfo: [{ name: 'reason', type: 'string', default: 'requested', help: 'Put into the error details.' }],
  async run(_ctx, { reason }) {
    throw new WorkbenchError('invalid-input', `Diagnostic failure: ${reason}.`, { reason, parameter: 'reason', values: [1, 2, 3] });
  },
};

/** The runner's own test jobs, registered first in the job registry. */
export const DIAGNOSTIC_JOBS = [count, ignoreCancel, fail] as const;
