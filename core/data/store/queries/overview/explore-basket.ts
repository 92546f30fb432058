import type { ExploreBin } from '../../../../model/overview-explore.js';
import type { Db } from '../../open.js';
import { groupSmall } from './explore-time.js';
import type { SliceSource } from './slice.js';

/** Amount bins are ≤ 1 + 3·6 = 19 (see amountEdges), so an amount bin fits in the key's low 6 bits. */
const AMOUNT_BITS = 64;

/**
 * The slice's purchase receipts binned by items and by amount in one UPSERT pass (key = item bin ·
 * 64 + amount bin + 1). Bin i is [edges[i], edges[i+1]), the last one open; a value below edges[0]
 * falls in an open first bin (fractional quantities). `amountEdges` empty: no amount histogram.
 */
export function basketBins(db: Db, src: SliceSource, itemEdges: readonly number[], amountEdges: readonly number[]): { items: ExploreBin[]; amount: ExploreBin[] } {
  if (itemEdges.length === 0) throw new RangeError('itemEdges must hold at least one edge, got none');
  const rows = groupSmall(db, src, `(${binSql('s.items', itemEdges)} + 1) * ${AMOUNT_BITS} + ${amountEdges.length === 0 ? 0 : binSql('s.amount', amountEdges)} + 1`, 's.purchase');
  const items = new Map<number, number>(), amount = new Map<number, number>();
  for (const r of rows) {
    const i = Math.floor(r.k / AMOUNT_BITS) - 1, a = (r.k % AMOUNT_BITS) - 1;
    items.set(i, (items.get(i) ?? 0) + r.receipts);
    amount.set(a, (amount.get(a) ?? 0) + r.receipts);
  }
  return { items: bins(itemEdges, items), amount: amountEdges.length === 0 ? [] : bins(amountEdges, amount) };
}

/** Bin index of `column`: −1 below the first edge (or NULL), i for [edges[i], edges[i+1]). Edges are ours (numbers), never user text. */
function binSql(column: string, edges: readonly number[]): string {
  return `CASE ${edges.map((e, i) => `WHEN ${column} >= ${Number(e)} THEN ${i}`).reverse().join(' ')} ELSE -1 END`;
}

/** The bins with their counts, from the first to the last non-empty one (empty ones between are kept: no holes). */
function bins(edges: readonly number[], counts: Map<number, number>): ExploreBin[] {
  const out: ExploreBin[] = [];
  for (let i = -1; i < edges.length; i++) {
    const from = i < 0 ? null : edges[i];
    const to = i + 1 < edges.length ? edges[i + 1] : null;
    out.push({ key: `${from ?? ''}:${to ?? ''}`, from, to, receipts: counts.get(i) ?? 0 });
  }
  const used = out.map((b) => b.receipts > 0);
  const lo = used.indexOf(true), hi = used.lastIndexOf(true);
  return lo < 0 ? [] : out.slice(lo, hi + 1);
}

/**
 * Amount bin edges on a 1-2-5 ladder (…, 1, 2, 5, 10, 20, …) from 0 to the largest purchase
 * receipt, starting at most five decades below it (≤ 19 bins): a ladder reads like money on any
 * currency's scale and stays readable on a skewed distribution.
 */
export function amountEdges(range: { lo: number; hi: number } | null): number[] {
  if (range === null || !(range.hi > 0)) return [];
  const top = Math.floor(Math.log10(range.hi));
  const start = Math.max(Math.floor(Math.log10(range.lo)), top - 5);
  const edges = [0];
  for (let e = start; e <= top; e++) for (const m of [1, 2, 5]) if (m * 10 ** e <= range.hi) edges.push(+(m * 10 ** e).toPrecision(6));
  return edges;
}
