import { REASONS, say } from './reasons.js';
import { checkQuery, checkTraining, historyItems, TopK, trainingItems, type CustomerItems } from './ranking.js';
import type { Recommender, TrainingData } from './types.js';

export interface ClusterKnnOptions {
  /** Cluster of each customer index (−1: none — noise, outlier or not segmented: no list). */
  cluster: Int32Array;
  /** Row-major customer × d feature vectors the clustering saw (rows of unclustered customers unused). */
  vectors: Float64Array;
  d: number;
  /** Similar customers per customer (seed 000: 3). */
  neighbours?: number;
  /** A cluster's name for reasons. */
  clusterName?: (cluster: number) => string;
}

/**
 * cluster-knn, the recommender of seed 000 (SPEC §3.2 step 6): for each customer, the `neighbours`
 * (3) most similar customers of the same cluster by cosine similarity of their feature vectors
 * (ties: the lower customer index); count, per product, how many of them bought it in the training
 * data (ties: more receipts among them, then code); drop the customer's own products; the top k.
 * Fewer than k when the neighbours bought fewer new products, none for an unclustered customer.
 * Cost: Σ over clusters of size²/2 × d for the neighbours, once in `fit`.
 */
export function clusterKnn(options: ClusterKnnOptions): Recommender & { neighboursOf(customer: number): Int32Array } {
  const m = options.neighbours ?? 3;
  const { cluster, vectors, d } = options;
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`neighbours must be a positive integer, got ${m}`);
  let state: { ci: CustomerItems; rank: Int32Array; near: Int32Array; P: number } | null = null;
  const notFitted = (): never => {
    throw new Error('cluster-knn: call fit() first');
  };
  const neighboursOf = (u: number): Int32Array => {
    if (!state) return notFitted();
    if (!(u >= 0 && u < cluster.length)) return new Int32Array(0);
    return state.near.subarray(u * m, u * m + m).filter((v) => v >= 0);
  };
  // recommend, score and reason of one customer share one tally (a campaign asks all three in turn).
  let last: { customer: number; who: Map<number, number>; receipts: Map<number, number> } | null = null;
  const tally = (u: number) => {
    if (last?.customer === u) return last;
    const s = state!;
    const own = new Set(historyItems(s.ci, u));
    const who = new Map<number, number>(), receipts = new Map<number, number>();
    for (const v of neighboursOf(u)) {
      for (let q = s.ci.start[v]; q < s.ci.start[v + 1]; q++) {
        const p = s.ci.items[q];
        if (own.has(p)) continue;
        who.set(p, (who.get(p) ?? 0) + 1);
        receipts.set(p, (receipts.get(p) ?? 0) + s.ci.counts[q]);
      }
    }
    last = { customer: u, who, receipts };
    return last;
  };
  return {
    name: 'cluster-knn',
    neighboursOf,
    fit(train: TrainingData) {
      const P = checkTraining(train);
      if (cluster.length !== train.customerCount) throw new RangeError(`cluster must have one entry per customer (${train.customerCount}), got ${cluster.length}`);
      if (vectors.length !== cluster.length * d) throw new RangeError(`vectors must be customers × d = ${cluster.length * d} values, got ${vectors.length}`);
      const { ci, rank } = trainingItems(train);
      const U = cluster.length;
      const norm = new Float64Array(U);
      for (let u = 0; u < U; u++) {
        let s = 0;
        for (let q = 0; q < d; q++) s += vectors[u * d + q] ** 2;
        norm[u] = Math.sqrt(s);
      }
      const members = new Map<number, number[]>();
      for (let u = 0; u < U; u++) if (cluster[u] >= 0) (members.get(cluster[u]) ?? members.set(cluster[u], []).get(cluster[u])!).push(u);
      const near = nearestInClusters(members.values(), vectors, d, norm, m, U);
      state = { ci, rank, near, P };
      last = null;
    },
    recommend(customer, k, exclude) {
      checkQuery(customer, k);
      if (!state) return notFitted();
      const { who, receipts } = tally(customer);
      const top = new TopK(Math.min(k, who.size), state.rank);
      // score: neighbours who bought it, then their receipts with it (a fraction below 1 never changes the first order)
      for (const [p, n] of who) if (!exclude?.has(p)) top.offer(p, n + (receipts.get(p)! / (receipts.get(p)! + 1)));
      return top.result();
    },
    score(customer, product) {
      if (!state) return notFitted();
      return tally(customer).who.get(product) ?? 0;
    },
    reason(customer, product, lang) {
      if (!state) return notFitted();
      const n = tally(customer).who.get(product) ?? 0;
      const c = customer < cluster.length ? cluster[customer] : -1;
      const where = c >= 0 ? (options.clusterName?.(c) ?? `segment ${c}`) : null;
      return say(REASONS.neighbours(n, neighboursOf(customer).length, where), lang);
    },
  };
}

/**
 * The m most similar customers of each clustered customer within its cluster (cosine; ties: the
 * lower index), as rows of `near` (−1: fewer than m others). Each pair's similarity is computed once
 * and offered to both customers (issue #16: half the dot products); a customer still sees its
 * candidates in ascending index order — the lower ones while their rows are walked, then its own
 * row — and the products and sums are the same in either direction, so the lists equal those of
 * comparing every customer with every other.
 */
export function nearestInClusters(clusters: Iterable<number[]>, vectors: Float64Array, d: number, norm: Float64Array, m: number, U: number): Int32Array {
  const near = new Int32Array(U * m).fill(-1);
  const sims = new Float64Array(U * m);
  const size = new Int32Array(U);
  /** Inserts v with similarity sim into u's sorted top m (sim descending; an equal sim keeps the earlier). */
  const offer = (u: number, v: number, sim: number): void => {
    const base = u * m;
    let n = size[u];
    if (n === m && sim <= sims[base + m - 1]) return;
    let i = n < m ? (size[u] = ++n) - 1 : m - 1;
    while (i > 0 && sims[base + i - 1] < sim) {
      sims[base + i] = sims[base + i - 1];
      near[base + i] = near[base + i - 1];
      i--;
    }
    sims[base + i] = sim;
    near[base + i] = v;
  };
  for (const list of clusters) {
    // The cluster's vectors side by side (one cache-friendly block), in list order.
    const S = list.length;
    const x = new Float64Array(S * d);
    for (let a = 0; a < S; a++) x.set(vectors.subarray(list[a] * d, list[a] * d + d), a * d);
    for (let a = 0; a < S; a++) {
      const u = list[a], xa = a * d, nu = norm[u];
      for (let b = a + 1; b < S; b++) {
        const v = list[b], xb = b * d;
        let dot = 0;
        for (let q = 0; q < d; q++) dot += x[xa + q] * x[xb + q];
        const nv = norm[v];
        const sim = nu > 0 && nv > 0 ? dot / (nu * nv) : 0;
        offer(u, v, sim);
        offer(v, u, sim);
      }
    }
  }
  return near;
}
