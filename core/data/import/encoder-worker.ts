import { parentPort } from 'node:worker_threads';
import { WorkbenchError } from '../../model/result.js';
import { encodeFile, type EncodeFileArgs } from './encode-file.js';
import type { EncodedBatch } from './encoded.js';

/*
 * Entry of the encoder thread (bundled to dist/import-encoder.mjs): parses, validates and
 * encodes one file while the import's own thread writes the previous batches to SQLite.
 * At most MAX_IN_FLIGHT batches wait unwritten, so memory stays bounded when writing is slower.
 */

const MAX_IN_FLIGHT = 2;

export type EncoderRequest = { type: 'start'; args: Omit<EncodeFileArgs, 'onBatch' | 'signal'> } | { type: 'ack' };
export type EncoderReply =
  | { type: 'batch'; batch: EncodedBatch }
  | { type: 'done'; result: Awaited<ReturnType<typeof encodeFile>> }
  | { type: 'error'; error: { name: string; message: string; code?: string; details?: unknown } };

const port = parentPort;
if (port) {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const post = (m: EncoderReply, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  port.on('message', (m: EncoderRequest) => {
    if (m.type === 'ack') {
      inFlight--;
      wake?.();
      wake = null;
      return;
    }
    encodeFile({
      ...m.args,
      pack: true,
      onBatch: async (batch) => {
        const buffers = [batch.lines, batch.receipts, batch.partnerUses, batch.payments].flatMap((t) => [t.nums.buffer as ArrayBuffer, t.nulls.buffer as ArrayBuffer]);
        post({ type: 'batch', batch }, buffers);
        if (++inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
      },
    }).then(
      (result) => post({ type: 'done', result }),
      (err: unknown) => {
        const e = err instanceof Error ? err : new Error(String(err));
        post({ type: 'error', error: { name: e.name, message: e.message, code: err instanceof WorkbenchError ? err.code : undefined, details: err instanceof WorkbenchError ? err.details : undefined } });
      },
    );
  });
}
