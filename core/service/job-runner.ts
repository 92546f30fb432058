import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobEvent } from '../model/jobs.js';
import { JOBS } from '../jobs/registry.js';
import { WorkbenchError } from '../model/result.js';
import { serializeError, type MainToWorker, type WorkerToMain } from '../worker/protocol.js';

/** The event that ends a job; `JobHandle.result` always settles with one, never rejects. */
export type FinalJobEvent = Exclude<JobEvent, { type: 'progress' }>;

/** A job started by the JobRunner, as every shell sees it. */
export interface JobHandle {
  jobId: string;
  kind: string;
  /**
   * Subscribes to progress and the final event; returns the unsubscribe function. Subscribing
   * after the job ended replays the final event, so a late listener never waits forever.
   */
  onEvent(listener: (e: JobEvent) => void): () => void;
  /** Asks the job to stop; if it does not within cancelGraceMs, its worker is terminated. */
  cancel(): void;
  result: Promise<FinalJobEvent>;
}

export interface JobRunnerOptions {
  /** The bundled worker entry; defaults to dist/worker.mjs of the package root. */
  workerPath?: string;
  /** How long a cancelled job may take to stop by itself before its worker is terminated. */
  cancelGraceMs?: number;
}

const PACKAGE_NAME = 'segment-workbench';

/**
 * Runs every long operation (imports, the demo, analyses) in a worker thread of its own, so the
 * calling thread stays responsive and a stuck job never blocks another: a job that ignores cancel
 * is ended by terminating its worker, which is safe because every write is a transaction.
 */
export class JobRunner {
  private readonly jobs = new Map<string, RunningJob>();
  private readonly exits = new Set<Promise<void>>();
  private readonly cancelGraceMs: number;
  private seq = 0;
  private closed = false;

  constructor(private readonly options: JobRunnerOptions = {}) {
    this.cancelGraceMs = options.cancelGraceMs ?? 5000;
  }

  /** Starts a job; never throws: problems (unknown kind, bad params, no worker bundle) arrive as a failed event. */
  start(kind: string, project: string, params: unknown): JobHandle {
    const job = new RunningJob(randomUUID(), kind, this.cancelGraceMs, () => ++this.seq, (ended) => this.jobs.delete(ended.jobId));
    this.jobs.set(job.jobId, job);
    if (this.closed) {
      job.fail(new WorkbenchError('internal', 'The job runner is closed; no new jobs can start.'));
      return job;
    }
    try {
      const exited = job.launch(this.workerPath(), project, params);
      this.exits.add(exited);
      void exited.then(() => this.exits.delete(exited));
    } catch (err) {
      job.fail(err);
    }
    return job;
  }

  /** Jobs that have not ended yet. */
  active(): JobHandle[] {
    return [...this.jobs.values()];
  }

  /** Cancels every running job and waits until each has ended (by itself or terminated). */
  async cancelAll(): Promise<void> {
    const jobs = this.active();
    for (const job of jobs) job.cancel();
    await Promise.all(jobs.map((job) => job.result));
  }

  /** Cancels everything and waits for every worker thread to exit; later starts fail. */
  async close(): Promise<void> {
    this.closed = true;
    await this.cancelAll();
    await Promise.all([...this.exits]);
  }

  private workerPath(): string {
    const file = this.options.workerPath ?? defaultWorkerPath();
    if (!fs.existsSync(file)) throw new WorkbenchError('internal', `The job worker ${file} is missing; run \`npm run build\` first.`);
    return file;
  }
}

/** dist/worker.mjs of the package root, found from this module both in dist/cli.mjs and in the TS sources. */
function defaultWorkerPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) return path.join(dir, 'dist', 'worker.mjs');
      } catch {
        // An unreadable package.json on the way up is not ours; keep looking.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new WorkbenchError('internal', `Cannot find the ${PACKAGE_NAME} package root above ${fileURLToPath(import.meta.url)}; pass workerPath.`);
    dir = parent;
  }
}

class RunningJob implements JobHandle {
  readonly result: Promise<FinalJobEvent>;
  private resolve!: (event: FinalJobEvent) => void;
  private readonly listeners = new Set<(e: JobEvent) => void>();
  private readonly cancelBuffer = new SharedArrayBuffer(4);
  private readonly cancelFlag = new Int32Array(this.cancelBuffer);
  private worker: Worker | undefined;
  private final: FinalJobEvent | undefined;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSeq = 0;

  constructor(
    readonly jobId: string,
    readonly kind: string,
    private readonly cancelGraceMs: number,
    private readonly nextSeq: () => number,
    private readonly onEnd: (job: RunningJob) => void,
  ) {
    this.result = new Promise((resolve) => (this.resolve = resolve));
  }

  /** Spawns the worker and sends `start`; resolves when the worker thread has exited. */
  launch(workerPath: string, project: string, params: unknown): Promise<void> {
    const youngMb = JOBS.get(this.kind)?.youngGenerationMb;
    const worker = new Worker(workerPath, { stdout: true, ...(youngMb ? { resourceLimits: { maxYoungGenerationSizeMb: youngMb } } : {}) });
    this.worker = worker;
    // A job's stray console output must not corrupt a shell's stdout (e.g. `--json`).
    worker.stdout.pipe(process.stderr, { end: false });
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (msg: WorkerToMain) => this.receive(msg));
    worker.on('error', (err) => this.fail(err));
    worker.on('messageerror', (err) => this.fail(err));
    worker.on('exit', (code) => this.fail(new WorkbenchError('internal', `The job worker stopped (exit code ${code}) before job ${this.kind} finished.`)));
    const start: MainToWorker = { type: 'start', seq: this.nextSeq(), jobId: this.jobId, kind: this.kind, project, params, cancelFlag: this.cancelBuffer };
    try {
      worker.postMessage(start);
    } catch (err) {
      this.fail(new WorkbenchError('invalid-input', `The parameters of ${this.kind} cannot be sent to the worker: ${(err as Error).message}`));
    }
    return exited;
  }

  onEvent(listener: (e: JobEvent) => void): () => void {
    this.listeners.add(listener);
    const final = this.final;
    if (final) queueMicrotask(() => this.listeners.has(listener) && call(listener, final));
    return () => this.listeners.delete(listener);
  }

  cancel(): void {
    if (this.final || this.graceTimer !== undefined) return;
    Atomics.store(this.cancelFlag, 0, 1);
    try {
      this.worker?.postMessage({ type: 'cancel', seq: this.nextSeq(), jobId: this.jobId } satisfies MainToWorker);
    } catch {
      // The worker is already gone; its exit event ends the job.
    }
    this.graceTimer = setTimeout(() => this.finish({ type: 'cancelled', jobId: this.jobId, forced: true }), this.cancelGraceMs);
  }

  /** Ends the job as failed with the error as data (no-op once ended). */
  fail(err: unknown): void {
    this.finish({ type: 'failed', jobId: this.jobId, error: serializeError(err) });
  }

  private receive(msg: WorkerToMain): void {
    if (this.final || msg.jobId !== this.jobId || msg.seq <= this.lastSeq) return;
    this.lastSeq = msg.seq;
    switch (msg.type) {
      case 'progress':
        return this.emit({ type: 'progress', progress: msg.progress });
      case 'done':
        return this.finish({ type: 'done', jobId: this.jobId, runId: msg.runId, summary: msg.summary });
      case 'failed':
        return this.finish({ type: 'failed', jobId: this.jobId, error: msg.error });
      case 'cancelled':
        return this.finish({ type: 'cancelled', jobId: this.jobId, forced: false });
      default: {
        const unknown: never = msg;
        this.fail(new WorkbenchError('internal', `Unknown message from the job worker: ${JSON.stringify(unknown)}`));
      }
    }
  }

  private finish(event: FinalJobEvent): void {
    if (this.final) return;
    this.final = event;
    if (this.graceTimer !== undefined) clearTimeout(this.graceTimer);
    void this.worker?.terminate().catch(() => undefined);
    this.onEnd(this);
    this.emit(event);
    this.resolve(event);
  }

  private emit(event: JobEvent): void {
    for (const listener of [...this.listeners]) call(listener, event);
  }
}

/** A throwing listener must not break the job or the other listeners. */
function call(listener: (e: JobEvent) => void, event: JobEvent): void {
  try {
    listener(event);
  } catch (err) {
    process.emitWarning(`A job event listener threw: ${err instanceof Error ? err.message : String(err)}`);
  }
}
