import { parentPort, type MessagePort } from 'node:worker_threads';
import { getJob } from '../jobs/registry.js';
import type { JobContext, JobDefinition } from '../jobs/types.js';
import type { JobProgress } from '../model/jobs.js';
import { WorkbenchError } from '../model/result.js';
import { serializeError, type MainToWorker, type WorkerFinal, type WorkerToMain } from './protocol.js';

/*
 * The job worker (bundled to dist/worker.mjs): `start` runs a registered job with validated params
 * and a JobContext; `cancel` aborts it. Every job ends with exactly one done/failed/cancelled.
 */

/** At most one progress message per job per interval, except the first and last of each phase. */
const PROGRESS_INTERVAL_MS = 100;

type Unsequenced<T> = T extends unknown ? Omit<T, 'seq'> : never;
type StartMessage = Extract<MainToWorker, { type: 'start' }>;

function abortError(): Error {
  const err = new Error('Cancelled; nothing was changed.');
  err.name = 'AbortError';
  return err;
}

/** The job's AbortController, also fed by the shared flag the main thread sets on cancel. */
class Cancellation {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  constructor(private readonly flag: Int32Array | undefined) {}

  cancel(): void {
    if (!this.signal.aborted) this.controller.abort(abortError());
  }

  /** True once cancelled; reads the shared flag so a job that never yields still sees the cancel. */
  poll(): boolean {
    if (!this.signal.aborted && this.flag !== undefined && Atomics.load(this.flag, 0) !== 0) this.cancel();
    return this.signal.aborted;
  }
}

/** Throttles one job's progress and fills rowsPerSecond/etaSeconds from done/total over time. */
class ProgressReporter {
  private phase: string | undefined;
  private phaseStart = 0;
  private phaseStartDone = 0;
  private sentLast = false;
  private lastSent = Number.NEGATIVE_INFINITY;
  private pending: JobProgress | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly jobId: string,
    private readonly send: (progress: JobProgress) => void,
  ) {}

  report(input: Omit<JobProgress, 'jobId'>): void {
    if (this.closed) return;
    const now = performance.now();
    const newPhase = input.phase !== this.phase;
    if (newPhase) {
      this.flush();
      this.phase = input.phase;
      this.phaseStart = now;
      this.phaseStartDone = input.done;
      this.sentLast = false;
    }
    const progress = this.withRates(input, now);
    const last = input.total > 0 && input.done >= input.total && !this.sentLast;
    if (newPhase || last || now - this.lastSent >= PROGRESS_INTERVAL_MS) {
      this.emit(progress, now);
      if (last) this.sentLast = true;
      return;
    }
    this.pending = progress;
    if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), PROGRESS_INTERVAL_MS - (now - this.lastSent));
    }
  }

  /** Sends the progress held back by the throttle, so the last state of a phase is never lost. */
  flush(): void {
    if (this.pending !== undefined) this.emit(this.pending, performance.now());
  }

  close(): void {
    this.flush();
    this.closed = true;
  }

  private emit(progress: JobProgress, now: number): void {
    this.pending = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.lastSent = now;
    this.send(progress);
  }

  private withRates(input: Omit<JobProgress, 'jobId'>, now: number): JobProgress {
    const out: JobProgress = { ...input, jobId: this.jobId };
    const seconds = (now - this.phaseStart) / 1000;
    const measured = seconds > 0 && input.done > this.phaseStartDone ? (input.done - this.phaseStartDone) / seconds : undefined;
    if (out.rowsPerSecond === undefined && measured !== undefined) out.rowsPerSecond = measured >= 100 ? Math.round(measured) : Math.round(measured * 100) / 100;
    const rate = out.rowsPerSecond;
    if (out.etaSeconds === undefined && input.total > 0 && rate !== undefined && rate > 0) {
      out.etaSeconds = Math.round((Math.max(0, input.total - input.done) / rate) * 10) / 10;
    }
    return out;
  }
}

/** Validates params with the job's schema; the error names the first bad parameter and its value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function parseParams(job: JobDefinition<any, any>, raw: unknown): unknown {
  const parsed = job.params.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const first = issues[0];
  const got = first.path === '' ? '' : valueAt(raw, first.path.split('.'));
  const message = first.path === ''
    ? `Invalid parameters for ${job.id}: ${first.message}.`
    : `Invalid parameter '${first.path}' for ${job.id}: ${first.message}${got === undefined ? '' : `, got ${got}`}.`;
  throw new WorkbenchError('invalid-input', message, { job: job.id, issues });
}

function valueAt(raw: unknown, path: string[]): string | undefined {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value === undefined ? undefined : JSON.stringify(value);
}

function isCancel(err: unknown): boolean {
  if (err instanceof WorkbenchError) return err.code === 'cancelled';
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}

function serve(port: MessagePort): void {
  let seq = 0;
  const running = new Map<string, Cancellation>();
  const post = (msg: Unsequenced<WorkerToMain>): void => port.postMessage({ ...msg, seq: ++seq });

  const postFinal = (msg: Unsequenced<WorkerFinal>): void => {
    try {
      post(msg);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const error = new WorkbenchError('internal', `The result of job ${msg.jobId} could not be sent to the main thread: ${reason}`);
      post({ type: 'failed', jobId: msg.jobId, error: serializeError(error) });
    }
  };

  const run = async (msg: StartMessage): Promise<void> => {
    const { jobId } = msg;
    if (running.has(jobId)) return;
    const cancellation = new Cancellation(msg.cancelFlag === undefined ? undefined : new Int32Array(msg.cancelFlag));
    running.set(jobId, cancellation);
    const reporter = new ProgressReporter(jobId, (progress) => post({ type: 'progress', jobId, progress }));
    const ctx: JobContext = {
      jobId,
      project: msg.project,
      signal: cancellation.signal,
      startedAt: new Date(),
      runId: null,
      progress(progress) {
        cancellation.poll();
        reporter.report(progress);
      },
      throwIfCancelled() {
        if (cancellation.poll()) throw abortError();
      },
    };
    let final: Unsequenced<WorkerFinal>;
    try {
      const job = getJob(msg.kind);
      const summary: unknown = await job.run(ctx, parseParams(job, msg.params));
      final = { type: 'done', jobId, runId: ctx.runId, summary };
    } catch (err) {
      final = cancellation.poll() && isCancel(err) ? { type: 'cancelled', jobId } : { type: 'failed', jobId, error: serializeError(err) };
    } finally {
      reporter.close();
      running.delete(jobId);
    }
    postFinal(final);
  };

  port.on('message', (msg: MainToWorker) => {
    switch (msg.type) {
      case 'start':
        void run(msg);
        break;
      case 'cancel':
        running.get(msg.jobId)?.cancel();
        break;
      default: {
        const unknown: never = msg;
        throw new Error(`Unknown message for the job worker: ${JSON.stringify(unknown)}`);
      }
    }
  });
}

if (!parentPort) throw new Error('This is the job worker; it runs in a worker thread started by the JobRunner, not on its own.');
serve(parentPort);
