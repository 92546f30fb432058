import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WorkbenchError, type ErrorCode } from '../../model/result.js';
import type { EncodeFileArgs, EncodeResult } from './encode-file.js';
import type { EncodedBatch } from './encoded.js';
import type { EncoderReply, EncoderRequest } from './encoder-worker.js';

/** The bundled encoder thread entry, next to the bundle that runs the import (dist/). */
function encoderEntry(): string | null {
  const file = fileURLToPath(new URL('./import-encoder.mjs', import.meta.url));
  return fs.existsSync(file) ? file : null;
}

/** Whether encoding can run in a thread of its own here (only from the built bundle). */
export function canEncodeInParallel(): boolean {
  return encoderEntry() !== null;
}

/**
 * Encodes a file in a worker thread while `apply` writes each batch in this thread: parsing and
 * SQLite inserts overlap on two cores. Measured on 4.4M L.point lines: see docs/decisions.
 * Cancel terminates the encoder; errors (a rejected row in abort mode) come back as they were.
 */
export function encodeFileInParallel(args: Omit<EncodeFileArgs, 'onBatch'>, apply: (batch: EncodedBatch) => void): Promise<EncodeResult> {
  const entry = encoderEntry();
  if (entry === null) throw new Error('the encoder thread bundle is missing; run `npm run build`');
  const { signal, ...rest } = args;
  // Records are consumed as they are parsed and die young, so a small young generation suffices
  // (measured on the full demo: 16 MB keeps the speed of 192 MB at 100 MB less peak memory).
  const worker = new Worker(entry, { resourceLimits: { maxYoungGenerationSizeMb: 16 } });
  return new Promise<EncodeResult>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = (): void => {
      const err = new Error('Cancelled; nothing was changed.');
      err.name = 'AbortError';
      finish(() => reject(err));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: EncoderReply) => {
      if (settled) return;
      if (m.type === 'batch') {
        try {
          apply(m.batch);
        } catch (err) {
          return finish(() => reject(err));
        }
        if (signal?.aborted) return onAbort();
        worker.postMessage({ type: 'ack' } satisfies EncoderRequest);
      } else if (m.type === 'done') {
        finish(() => resolve(m.result));
      } else {
        const e = m.error;
        const err = e.code ? new WorkbenchError(e.code as ErrorCode, e.message, e.details) : Object.assign(new Error(e.message), { name: e.name });
        finish(() => reject(err));
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the encoder thread stopped unexpectedly (exit code ${code})`))));
    worker.postMessage({ type: 'start', args: rest } satisfies EncoderRequest);
  });
}
