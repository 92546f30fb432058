import type { Db } from './open.js';
import { blobToFloat64, blobToInt32, readArtifact, typedToBlob, writeArtifact } from './segments.js';

/**
 * Storage of a `clv` run in run_artifacts (no table of its own): the customers' internal ids and
 * one Float64 column per exported field, in the same order (60 bytes a customer); the export
 * and the Value page read them back whole.
 */
export interface StoredClv {
  ids: Int32Array;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  expectedValue: Float64Array;
}

const COLUMNS = ['frequency', 'recency', 'T', 'monetary', 'pAlive', 'expectedPurchases', 'expectedValue'] as const;

export function writeClv(db: Db, runId: number, c: StoredClv): void {
  writeArtifact(db, runId, 'clv/ids', typedToBlob(c.ids));
  for (const k of COLUMNS) writeArtifact(db, runId, `clv/${k}`, typedToBlob(c[k]));
}

export function readClv(db: Db, runId: number): StoredClv {
  const ids = readArtifact(db, runId, 'clv/ids');
  if (!ids) throw new Error(`run ${runId} has no stored CLV table`);
  const out = { ids: blobToInt32(ids) } as StoredClv;
  for (const k of COLUMNS) out[k] = blobToFloat64(readArtifact(db, runId, `clv/${k}`)!);
  return out;
}
