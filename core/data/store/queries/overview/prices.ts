import { LineFlag } from '../../../../model/flags.js';
import type { Db } from '../../open.js';
import { dayCondition } from './calendar.js';
import { blobLookup, lookupSql } from './lookup.js';
import { lineScope, type PanelScope } from './scope.js';
import { all, one, withTempTable } from './temp.js';

/**
 * A priced line: quantity > 0, amount > 0 and none of RETURN, CANCELLATION, ZERO_PRICE,
 * NEGATIVE_PRICE, NON_PRODUCT. Its unit price is amount / quantity.
 */
const PRICED = `quantity > 0 AND amount > 0 AND flags & ${LineFlag.RETURN | LineFlag.CANCELLATION | LineFlag.ZERO_PRICE | LineFlag.NEGATIVE_PRICE | LineFlag.NON_PRODUCT} = 0`;

/** Lines per chunk of the power-sum pass: small enough for SQLite to sort a chunk in memory. */
const CHUNK = 100_000;

export interface PriceSumsRow {
  productId: number;
  n: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
}

/**
 * Per product: the count and power sums Σp, Σp², Σp³, Σp⁴ of the unit prices p of its priced lines
 * in the period (moments and shape follow in core/analysis/eda). Sums use total(), SQLite's
 * compensated (Kahan–Babuška–Neumaier) summation.
 *
 * The pass walks line-id ranges of CHUNK lines and groups each range by product; the partial sums
 * are added up at the end. A single GROUP BY would sort all 4.3M lines (2.6 s on the full demo);
 * sorting 100k at a time stays in memory (1.5 s), and `onChunk` lets the job report progress and
 * honour cancel between chunks. The nested LIMIT -1 subqueries keep SQLite from flattening them,
 * so p and p² are computed once per line instead of once per use (−15 %).
 */
export function priceSums(db: Db, range: PanelScope, onChunk?: (done: number, total: number) => void): PriceSumsRow[] {
  const ids = one<{ lo: number | null; hi: number | null }>(db, 'SELECT min(id) AS lo, max(id) AS hi FROM lines');
  if (ids.lo === null || ids.hi === null) return [];
  const lo = ids.lo, hi = ids.hi;
  const days = dayCondition(range, 'day');
  const f = lineScope(range, null, true);
  return withTempTable(db, 'overview_price_part', '(pid INTEGER NOT NULL, n INTEGER NOT NULL, s1 REAL, s2 REAL, s3 REAL, s4 REAL)', () => {
    const chunk = db.prepare(`INSERT INTO overview_price_part (pid, n, s1, s2, s3, s4)
      SELECT pid, count(*), total(p), total(p2), total(p2 * p), total(p2 * p2)
      FROM (SELECT pid, p, p * p AS p2 FROM (SELECT product_id AS pid, amount / quantity AS p FROM lines
        WHERE id BETWEEN ? AND ? AND ${PRICED}${days.sql}${f.sql} LIMIT -1) LIMIT -1)
      GROUP BY pid`);
    const chunks = Math.ceil((hi - lo + 1) / CHUNK);
    for (let i = 0; i < chunks; i++) {
      const a = lo + i * CHUNK;
      chunk.run(a, Math.min(hi, a + CHUNK - 1), ...days.params, ...f.params);
      onChunk?.(i + 1, chunks);
    }
    return all<PriceSumsRow>(db, `SELECT pid AS productId, sum(n) AS n, total(s1) AS s1, total(s2) AS s2, total(s3) AS s3, total(s4) AS s4
      FROM overview_price_part GROUP BY pid ORDER BY pid`);
  });
}

/**
 * The distinct unit prices (ascending) and their line counts of a few products, for exact
 * percentiles. Prices are rounded to 6 decimals so that float noise of amount / quantity
 * (20.28 / 12 = 1.6900000000000002) does not split one price in two. One scan of the lines; only
 * the chosen products' priced lines reach the UPSERT (20 flagged products of the full demo: ~0.3 s).
 */
export function priceDistributions(db: Db, range: PanelScope, productIds: readonly number[]): Map<number, { prices: number[]; counts: number[] }> {
  const out = new Map<number, { prices: number[]; counts: number[] }>();
  if (productIds.length === 0) return out;
  const days = dayCondition(range, 'day');
  const f = lineScope(range, null, true);
  const picked = blobLookup(new Map(productIds.map((id) => [id, 1])));
  return withTempTable(db, 'overview_price_dist', '(pid INTEGER NOT NULL, price REAL NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (pid, price)) WITHOUT ROWID', () => {
    db.prepare(`INSERT INTO overview_price_dist (pid, price, n)
      SELECT product_id, round(amount / quantity, 6), 1 FROM lines
      WHERE ${lookupSql('product_id', picked)} = 1 AND ${PRICED}${days.sql}${f.sql}
      ON CONFLICT (pid, price) DO UPDATE SET n = n + 1`).run(picked.blob, ...days.params, ...f.params);
    for (const r of all<{ pid: number; price: number; n: number }>(db, 'SELECT pid, price, n FROM overview_price_dist ORDER BY pid, price')) {
      const d = out.get(r.pid) ?? { prices: [], counts: [] };
      d.prices.push(r.price);
      d.counts.push(r.n);
      out.set(r.pid, d);
    }
    return out;
  });
}

/** Code, name and first-level category of products, by id. */
export function productMeta(db: Db, productIds: readonly number[]): Map<number, { code: string; name: string | null; category: string | null }> {
  const wanted = new Set(productIds);
  const out = new Map<number, { code: string; name: string | null; category: string | null }>();
  for (const p of all<{ id: number; code: string; name: string | null; category: string | null }>(db, 'SELECT id, code, name, category FROM products')) {
    if (wanted.has(p.id)) out.set(p.id, { code: p.code, name: p.name, category: p.category });
  }
  return out;
}
