import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { evaluateEase, type EaseEvalInput, type EaseEvalOutput } from './ease-eval.js';
import type { EaseReply } from './ease-worker.js';

/** The bundled EASE thread entry next to the bundle that runs the job (dist/); null when running from source. */
function workerEntry(): string | null {
  const file = fileURLToPath(new URL('./ease-worker.mjs', import.meta.url));
  return fs.existsSync(file) ? file : null;
}

/** A started EASE evaluation: `result` settles with its output; `stop` ends the thread (cancel). */
export interface EaseRun {
  result: Promise<EaseEvalOutput>;
  stop(): Promise<void>;
}

/**
 * Starts EASE's evaluation (ease-eval.ts) on a thread of its own, so its λ fits and scoring (about
 * half of recommend-eval's default work on the full demo, issue #16) run on the second core while
 * the job evaluates the other models. Deterministic code on a copy of the same baskets, so the
 * result is the one computed in place. Runs in place, before returning, when there is one core
 * or the thread bundle is missing (tests running the TypeScript sources).
 */
export function startEase(input: EaseEvalInput, check: () => void): EaseRun {
  const entry = workerEntry();
  if (entry === null || os.availableParallelism() < 2) {
    try {
      const output = evaluateEase(input, check);
      return { result: Promise.resolve(output), stop: async () => undefined };
    } catch (err) {
      return { result: Promise.reject(err), stop: async () => undefined };
    }
  }
  const worker = new Worker(entry, { workerData: input });
  const result = new Promise<EaseEvalOutput>((resolve, reject) => {
    worker.on('message', (m: EaseReply) => (m.type === 'done' ? resolve(m.output) : reject(new Error(m.message))));
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the EASE thread stopped (exit code ${code})`)));
  });
  result.catch(() => undefined); // awaited by the job; a stop before that is not an unhandled rejection
  return { result, stop: async () => { await worker.terminate(); } };
}
