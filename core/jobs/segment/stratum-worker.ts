import { parentPort } from 'node:worker_threads';
import { clusterStratum, type StratumClustering, type StratumOptions } from '../../analysis/segment/stratified.js';

/*
 * Entry of a stratum thread (bundled to dist/stratum-worker.mjs): clusters the strata of a
 * stratified-kmeans run it is sent, one at a time, reporting each k; see stratum-pool.ts.
 */

export type StratumRequest = { id: number; scaled: Float64Array; m: number; d: number; options: StratumOptions };
export type StratumReply =
  | { type: 'k'; id: number; k: number; index: number; total: number }
  | { type: 'done'; id: number; result: StratumClustering }
  | { type: 'error'; id: number; message: string };

const port = parentPort;
if (port) {
  port.on('message', (m: StratumRequest) => {
    try {
      const result = clusterStratum(m.scaled, m.m, m.d, m.options, (k, index, total) => port.postMessage({ type: 'k', id: m.id, k, index, total } satisfies StratumReply));
      port.postMessage({ type: 'done', id: m.id, result } satisfies StratumReply, [result.labels.buffer as ArrayBuffer]);
    } catch (err) {
      port.postMessage({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) } satisfies StratumReply);
    }
  });
}
