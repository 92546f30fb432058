import type { Db } from '../open.js';

/**
 * Customer attributes beyond the fixed fields (issue #10 point 3): the extra columns of a
 * customers file (tenure in months, a loyalty tier…), stored by name in `customer_attributes`.
 * A column is numeric when every non-empty value parsed as a number at import, else categorical.
 * Profiles, Compare and k-prototypes read them through these three functions.
 */
export interface AttributeDef { name: string; kind: 'numeric' | 'categorical' }

/** Every imported attribute, sorted by name. */
export function attributeDefs(db: Db): AttributeDef[] {
  return db.prepare('SELECT name, kind FROM attributes ORDER BY name').all() as AttributeDef[];
}

/** A numeric attribute for the given customer ids, in their order; NaN where a customer has none. */
export function numericAttribute(db: Db, ids: Int32Array, name: string): Float64Array {
  const out = new Float64Array(ids.length).fill(Number.NaN);
  const byId = valuesById(db, name, 'num');
  for (let i = 0; i < ids.length; i++) {
    const v = byId.get(ids[i]);
    if (typeof v === 'number') out[i] = v;
  }
  return out;
}

/** A categorical attribute for the given customer ids, in their order; null where a customer has none. */
export function categoricalAttribute(db: Db, ids: Int32Array, name: string): (string | null)[] {
  const byId = valuesById(db, name, 'text');
  const out: (string | null)[] = new Array<string | null>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const v = byId.get(ids[i]);
    out[i] = v === undefined || v === null ? null : String(v);
  }
  return out;
}

/** One read of the attribute (customers ≤ a few hundred thousand): a map is cheaper than per-id lookups. */
function valuesById(db: Db, name: string, column: 'num' | 'text'): Map<number, number | string | null> {
  const rows = db.prepare(`SELECT customer_id AS id, ${column} AS v FROM customer_attributes WHERE name = ?`).raw().all(name) as [number, number | string | null][];
  return new Map(rows);
}
