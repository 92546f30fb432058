import type { Db } from './open.js';
import { blobToFloat64, blobToInt32, readArtifact, typedToBlob, writeArtifact } from './segments.js';

/**
 * Storage of a `spend-model` run in run_artifacts (no table of its own, as clv): the prediction
 * state (JSON: feature layout, levels, product totals, special products, baseline medians), each
 * learned model's JSON, and the test split's per-line table of the export (customer and product
 * as indices into code lists, day, actual amount, one Float64 column per model).
 */
export interface StoredSpendTest {
  customerCodes: string[];
  customer: Int32Array;
  /** Index into the state's productCodes. */
  product: Int32Array;
  day: Int32Array;
  actual: Float64Array;
  models: { id: string; amount: Float64Array }[];
}

export function writeSpend(db: Db, runId: number, state: unknown, models: { id: string; json: unknown }[], test: StoredSpendTest): void {
  writeArtifact(db, runId, 'spend/state', JSON.stringify(state));
  for (const m of models) if (m.json !== null) writeArtifact(db, runId, `spend/model/${m.id}`, JSON.stringify(m.json));
  writeArtifact(db, runId, 'spend/test/customers', JSON.stringify(test.customerCodes));
  writeArtifact(db, runId, 'spend/test/models', JSON.stringify(test.models.map((m) => m.id)));
  writeArtifact(db, runId, 'spend/test/customer', typedToBlob(test.customer));
  writeArtifact(db, runId, 'spend/test/product', typedToBlob(test.product));
  writeArtifact(db, runId, 'spend/test/day', typedToBlob(test.day));
  writeArtifact(db, runId, 'spend/test/actual', typedToBlob(test.actual));
  for (const m of test.models) writeArtifact(db, runId, `spend/test/pred/${m.id}`, typedToBlob(m.amount));
}

const json = (db: Db, runId: number, name: string): unknown => {
  const b = readArtifact(db, runId, name);
  if (!b) throw new Error(`run ${runId} has no stored ${name}`);
  return JSON.parse(b.toString('utf8'));
};

export function readSpendState(db: Db, runId: number): unknown {
  return json(db, runId, 'spend/state');
}

/** A learned model's stored JSON, or undefined when the run did not fit it. */
export function readSpendModel(db: Db, runId: number, id: string): unknown {
  const b = readArtifact(db, runId, `spend/model/${id}`);
  return b ? JSON.parse(b.toString('utf8')) : undefined;
}

export function readSpendTest(db: Db, runId: number): StoredSpendTest {
  const ids = json(db, runId, 'spend/test/models') as string[];
  const blob = (name: string) => {
    const b = readArtifact(db, runId, name);
    if (!b) throw new Error(`run ${runId} has no stored ${name}`);
    return b;
  };
  return {
    customerCodes: json(db, runId, 'spend/test/customers') as string[],
    customer: blobToInt32(blob('spend/test/customer')), product: blobToInt32(blob('spend/test/product')), day: blobToInt32(blob('spend/test/day')),
    actual: blobToFloat64(blob('spend/test/actual')),
    models: ids.map((id) => ({ id, amount: blobToFloat64(blob(`spend/test/pred/${id}`)) })),
  };
}
