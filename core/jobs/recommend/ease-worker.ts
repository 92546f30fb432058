import { parentPort, workerData } from 'node:worker_threads';
import { evaluateEase, type EaseEvalInput, type EaseEvalOutput } from './ease-eval.js';

/*
 * Entry of recommend-eval's EASE thread (bundled to dist/ease-worker.mjs): evaluates EASE on the
 * baskets it is given and posts the result once; see ease-thread.ts.
 */

export type EaseReply = { type: 'done'; output: EaseEvalOutput } | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  try {
    const output = evaluateEase(workerData as EaseEvalInput);
    port.postMessage({ type: 'done', output } satisfies EaseReply, [output.perCustomer.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies EaseReply);
  }
}
