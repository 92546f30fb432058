import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { clusterStratum, type StratumClustering, type StratumInput, type StratumOptions } from '../../analysis/segment/stratified.js';
import type { StratumReply, StratumRequest } from './stratum-worker.js';

/** The bundled stratum thread entry, next to the bundle that runs the job (dist/); null when running from source. */
function workerEntry(): string | null {
  const file = fileURLToPath(new URL('./stratum-worker.mjs', import.meta.url));
  return fs.existsSync(file) ? file : null;
}

export interface PoolHooks {
  /** After each k of any stratum (may throw to cancel). */
  onK(stratum: number, k: number): void;
  signal?: AbortSignal;
}

/**
 * Step 5 of stratified-kmeans for every stratum, spread over `threads` threads (the strata are
 * independent; each is deterministic, so the result does not depend on the thread count). The
 * largest strata go first so the threads finish together. With one thread, or when the thread
 * bundle is missing (tests running the TypeScript sources), everything runs in this thread.
 * Measured on the full demo: docs/decisions/0007.
 */
export async function clusterStrata(strata: readonly StratumInput[], d: number, options: StratumOptions, threads: number, hooks: PoolHooks): Promise<StratumClustering[]> {
  const entry = workerEntry();
  const count = Math.min(threads, strata.length, os.availableParallelism());
  if (entry === null || count <= 1) return strata.map((s) => clusterStratum(s.scaled, s.rows.length, d, options, (k) => hooks.onK(s.id, k)));
  const queue = [...strata].sort((a, b) => b.rows.length - a.rows.length || a.id - b.id);
  const results = new Array<StratumClustering>(strata.length);
  const workers = Array.from({ length: count }, () => new Worker(entry));
  try {
    await new Promise<void>((resolve, reject) => {
      let pending = strata.length;
      const fail = (err: unknown) => reject(err instanceof Error ? err : new Error(String(err)));
      const onAbort = () => fail(Object.assign(new Error('Cancelled; nothing was changed.'), { name: 'AbortError' }));
      if (hooks.signal?.aborted) return onAbort();
      hooks.signal?.addEventListener('abort', onAbort, { once: true });
      const feed = (w: Worker) => {
        const s = queue.shift();
        if (!s) return;
        // A copy goes to the thread (the job keeps its own for the features export).
        const scaled = Float64Array.from(s.scaled);
        w.postMessage({ id: s.id, scaled, m: s.rows.length, d, options } satisfies StratumRequest, [scaled.buffer]);
      };
      for (const w of workers) {
        w.on('message', (m: StratumReply) => {
          try {
            if (m.type === 'k') hooks.onK(m.id, m.k);
            else if (m.type === 'error') fail(new Error(m.message));
            else {
              results[m.id] = m.result;
              if (--pending === 0) resolve();
              else feed(w);
            }
          } catch (err) {
            fail(err);
          }
        });
        w.on('error', fail);
        w.on('exit', (code) => pending > 0 && fail(new Error(`a stratum thread stopped unexpectedly (exit code ${code})`)));
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
