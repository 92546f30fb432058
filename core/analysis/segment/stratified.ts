import { quantileSorted } from '../eda/quantiles.js';
import { ks2samp } from '../stats/ks.js';
import { epsForNoiseShare } from './dbscan/index.js';
import { kmeans } from './kmeans/index.js';
import { minMaxScale, takeRows } from './scaling.js';
import { chooseK, sweepK, type SweepPoint } from './sweep.js';

/**
 * The segmentation of seed 000 (SPEC §3.2 steps 1–5), on a customer × category spend pivot:
 * 1. DBSCAN outliers on the raw pivot (won), `minSamples` 30, eps found exactly for the target
 *    noise share (eps-search.ts, which also gives the noise points themselves); noise customers
 *    are set aside.
 * 2. The others split into offline-only (no online purchase) and any-online; a two-sample KS test
 *    of total spend between the two groups (SciPy's ks_2samp).
 * 3. Spend grade by quartiles of total spend within each group (pandas `qcut(q=4)`: numpy linear
 *    quantiles, intervals closed on the right, so grade g holds q_{g−1} < spend ≤ q_g) → 8 strata.
 * 4. Per stratum: min–max scaling of its own pivot, K-means k = kMin…kMax (k ≤ n − 1), k by the
 *    seed's elbow rule (sweep.ts), silhouette/CH/DB per k; clusters of ≤ `smallCluster`
 *    customers become outliers. A stratum too small to sweep (n < kMin + 2) is one cluster, or
 *    outliers when it has ≤ smallCluster customers.
 */
export interface StratifiedOptions {
  minSamples: number;
  noiseShare: number;
  kMin: number;
  kMax: number;
  nInit: number;
  seed: number;
  smallCluster: number;
  silhouetteSample: number;
  onStep?(message: string, done: number, total: number): void;
}

export interface StratumResult {
  id: number;
  channel: 'offline' | 'online';
  grade: 1 | 2 | 3 | 4;
  /** Row indices (into the pivot) of the stratum's customers that were clustered. */
  rows: Int32Array;
  /** The min–max scaled pivot the K-means saw (rows × d). */
  scaled: Float64Array;
  k: number;
  why: string;
  curve: SweepPoint[];
  /** Cluster per row (−1 = small-cluster outlier). */
  labels: Int32Array;
  outliers: number;
  spendFrom: number;
  spendTo: number;
}

export interface StratifiedResult {
  eps: number;
  /** 1 for DBSCAN noise. */
  noise: Uint8Array;
  ks: { statistic: number; pvalue: number } | null;
  groups: { channel: 'offline' | 'online'; customers: number; medianSpend: number }[];
  strata: StratumResult[];
}

/** A stratum ready to cluster: its customers (pivot rows) and their pivot, min–max scaled within it. */
export interface StratumInput {
  id: number;
  channel: 'offline' | 'online';
  grade: 1 | 2 | 3 | 4;
  rows: Int32Array;
  scaled: Float64Array;
  spendFrom: number;
  spendTo: number;
}

export type StratumOptions = Pick<StratifiedOptions, 'kMin' | 'kMax' | 'nInit' | 'seed' | 'smallCluster' | 'silhouetteSample'>;

/** A stratum's clustering: k chosen by the elbow, the sweep, labels (−1 = small-cluster outlier). */
export interface StratumClustering {
  k: number;
  why: string;
  curve: SweepPoint[];
  labels: Int32Array;
  outliers: number;
}

/** Steps 1–4: DBSCAN noise, the channel split with its KS test, spend grades → 8 strata (4 per channel group that has customers), each scaled. */
export function prepareStrata(pivot: Float64Array, n: number, d: number, spend: Float64Array, online: Uint8Array, o: Pick<StratifiedOptions, 'minSamples' | 'noiseShare'>): Omit<StratifiedResult, 'strata'> & { strata: StratumInput[] } {
  const minSamples = Math.min(o.minSamples, n);
  const found = epsForNoiseShare(pivot, n, d, { minSamples, targetNoise: o.noiseShare });
  // The search knows each customer's reach: noise at eps is reach > eps, exactly DBSCAN's noise
  // (dbscan-eps.test.ts checks the two agree), so the clustering pass itself is not needed.
  const noise = found.isNoise;
  const groupRows: Record<'offline' | 'online', number[]> = { offline: [], online: [] };
  for (let i = 0; i < n; i++) if (!noise[i]) groupRows[online[i] ? 'online' : 'offline'].push(i);
  const spendOf = (rows: number[]) => Float64Array.from(rows, (i) => spend[i]);
  const off = spendOf(groupRows.offline), on = spendOf(groupRows.online);
  const ks = off.length > 0 && on.length > 0 ? ks2samp(off, on) : null;
  const groups = (['offline', 'online'] as const).map((channel) => {
    const s = spendOf(groupRows[channel]).sort();
    return { channel, customers: s.length, medianSpend: s.length ? quantileSorted(s, 0.5) : 0 };
  });
  const strata: StratumInput[] = [];
  for (const channel of ['offline', 'online'] as const) {
    const rows = groupRows[channel];
    // A channel group nobody is in (data without online sales, or without a channel at all)
    // makes no strata: 4, not 8 with four empty ones (issue #14).
    if (rows.length === 0) continue;
    const sorted = spendOf(rows).sort();
    const cuts = sorted.length ? [0.25, 0.5, 0.75].map((q) => quantileSorted(sorted, q)) : [];
    const byGrade: number[][] = [[], [], [], []];
    for (const i of rows) {
      const g = spend[i] <= cuts[0] ? 0 : spend[i] <= cuts[1] ? 1 : spend[i] <= cuts[2] ? 2 : 3;
      byGrade[g].push(i);
    }
    for (let g = 0; g < 4; g++) {
      const members = Int32Array.from(byGrade[g]);
      strata.push({
        id: strata.length, channel, grade: (g + 1) as 1 | 2 | 3 | 4, rows: members,
        scaled: minMaxScale(takeRows(pivot, d, members), members.length, d),
        spendFrom: g === 0 ? (sorted[0] ?? 0) : cuts[g - 1],
        spendTo: g === 3 ? (sorted[sorted.length - 1] ?? 0) : cuts[g],
      });
    }
  }
  return { eps: found.eps, noise, ks: ks && { statistic: ks.statistic, pvalue: ks.pvalue }, groups, strata };
}

/** Step 5 for one stratum: K-means k = kMin…kMax (≤ m − 1), the elbow, small clusters → outliers. */
export function clusterStratum(scaled: Float64Array, m: number, d: number, o: StratumOptions, onK?: (k: number, index: number, total: number) => void): StratumClustering {
  const kMax = Math.min(o.kMax, m - 1);
  if (kMax < o.kMin + 1) {
    const few = m <= o.smallCluster;
    return { k: few ? 0 : 1, why: `${m} customers: too few to compare k (one cluster${few ? ', set aside as outliers' : ''})`, curve: [], labels: new Int32Array(m).fill(few ? -1 : 0), outliers: few ? m : 0 };
  }
  const sweep = sweepK(scaled, m, d, {
    kMin: o.kMin, kMax, seed: o.seed, silhouetteSample: o.silhouetteSample, onK,
    fit: (k) => {
      const r = kmeans(scaled, m, d, { k, nInit: o.nInit, seed: o.seed });
      return { labels: r.labels, cost: r.inertia };
    },
  });
  const { k, why } = chooseK(sweep.curve);
  const labels = Int32Array.from(sweep.labels.get(k) as Int32Array);
  const sizes = new Int32Array(k);
  for (const l of labels) sizes[l]++;
  let outliers = 0;
  for (let r = 0; r < m; r++) if (sizes[labels[r]] <= o.smallCluster) { labels[r] = -1; outliers++; }
  return { k, why, curve: sweep.curve, labels, outliers };
}

/** The whole pipeline in this thread (the job spreads step 5 over threads: core/jobs/segment/stratum-pool.ts). */
export function stratifiedKMeans(pivot: Float64Array, n: number, d: number, spend: Float64Array, online: Uint8Array, o: StratifiedOptions): StratifiedResult {
  const step = o.onStep ?? (() => undefined);
  step('eps search (DBSCAN)', 0, 9);
  const prepared = prepareStrata(pivot, n, d, spend, online, o);
  const strata = prepared.strata.map((s) => {
    step(`stratum ${s.id + 1}/8: K-means`, 1 + s.id, 9);
    return { ...s, ...clusterStratum(s.scaled, s.rows.length, d, o) };
  });
  step('done', 9, 9);
  return { ...prepared, strata };
}
