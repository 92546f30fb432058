import { kmeans } from '../../analysis/segment/kmeans/index.js';
import { prepareStrata } from '../../analysis/segment/stratified.js';
import { sha256Text } from '../../data/hash.js';
import type { Db } from '../../data/store/open.js';
import type { Baskets } from '../../data/store/queries/baskets.js';
import { categoryPivot, customerBase } from '../../data/store/queries/customer-base.js';
import { dataFingerprint } from '../../data/store/runs.js';
import { KMEANS_FEATURE_SETS } from '../../model/segment.js';
import type { JobContext } from '../types.js';
import { featureMatrix, fitOrSweep, type KMeansParams } from '../segment/kmeans-job.js';
import { clusterStrata } from '../segment/stratum-pool.js';
import { clvFeatures } from '../value/clv-features.js';

/** The methods the harness can refit on its training period. */
type Method = 'kmeans' | 'stratified-kmeans';

/** A segmentation fitted on the training period only, per dense customer index of the baskets. */
export interface TrainingSegmentation {
  method: Method;
  /** The parameters it was fitted with (those of `fromRun`, or the defaults). */
  params: Record<string, unknown>;
  /** The run whose method and parameters were reused; null: the defaults (no suitable run). */
  fromRun: number | null;
  /** Segment per dense customer index (−1: not segmented — no training purchase, noise or outlier). */
  segments: Int32Array;
  /** stratified-kmeans: the per-stratum min–max scaled pivot rows the K-means saw (cluster-knn's vectors). */
  vectors?: Float64Array;
  d: number;
  names: Map<number, string>;
  /** Customers segmented and segments found. */
  customers: number;
  k: number;
}

const STRATIFIED_DEFAULTS = { level: 1, minSamples: 30, noiseShare: 0.05, smallCluster: 3, threads: 2, kMin: 2, kMax: 20, nInit: 10, seed: 0, silhouetteSample: 5000 };
const KMEANS_DEFAULTS = { features: 'rfm', k: 'auto', scale: 'auto', log: 'auto', shares: false, kMin: 2, kMax: 20, nInit: 10, seed: 0, silhouetteSample: 5000 };

/**
 * Which segmentation the harness refits (issue #10 §5, no leakage): the given run, or the newest
 * finished run on this data, of a method it can refit (`kmeans`, `stratified-kmeans`; only
 * `stratified-kmeans` when `only` says so, for cluster-knn). Without one: stratified-kmeans with its
 * defaults when products have categories, else kmeans on RFM with its defaults. A string says why
 * nothing can be fitted (a given run of another method).
 */
export function chooseSegmentation(db: Db, runId: number | undefined, only?: 'stratified-kmeans'): { method: Method; params: Record<string, unknown>; fromRun: number | null } | string {
  const methods: Method[] = only ? [only] : ['kmeans', 'stratified-kmeans'];
  const marks = methods.map(() => '?').join(', ');
  if (runId !== undefined) {
    const row = db.prepare("SELECT id, analysis, params FROM runs WHERE status = 'done' AND id = ?").get(runId) as { id: number; analysis: string; params: string } | undefined;
    if (!row || !(methods as string[]).includes(row.analysis)) return `run ${runId} is not a finished ${methods.join(' or ')} run (the harness refits that method on the training period)`;
    return { method: row.analysis as Method, params: JSON.parse(row.params) as Record<string, unknown>, fromRun: row.id };
  }
  const fp = dataFingerprint(db, sha256Text);
  const row = db.prepare(`SELECT id, analysis, params FROM runs WHERE status = 'done' AND data_fingerprint = ? AND analysis IN (${marks}) ORDER BY id DESC LIMIT 1`).get(fp, ...methods) as { id: number; analysis: string; params: string } | undefined;
  if (row) return { method: row.analysis as Method, params: JSON.parse(row.params) as Record<string, unknown>, fromRun: row.id };
  const categories = db.prepare("SELECT 1 FROM products WHERE category IS NOT NULL AND category <> '' LIMIT 1").get() !== undefined;
  if (only || categories) return { method: 'stratified-kmeans', params: { ...STRATIFIED_DEFAULTS }, fromRun: null };
  return { method: 'kmeans', params: { ...KMEANS_DEFAULTS }, fromRun: null };
}

/**
 * Fits `method` with `params` on the customers' purchases BEFORE `cutoff` only (customerBase and categoryPivot with `before`),
 * with the segmentation's own pure functions (core/analysis/segment, and the kmeans job's feature
 * matrix and k sweep), so no holdout line shapes the segments the recommenders use. Nothing is
 * stored: the segmentation belongs to this evaluation. A string says why it cannot be fitted.
 */
export async function fitTrainingSegmentation(db: Db, ctx: JobContext, b: Baskets, cutoff: number, choice: { method: Method; params: Record<string, unknown>; fromRun: number | null }): Promise<TrainingSegmentation | string> {
  const p = { ...(choice.method === 'kmeans' ? KMEANS_DEFAULTS : STRATIFIED_DEFAULTS), ...choice.params } as Record<string, unknown>;
  ctx.progress({ phase: 'segment', done: 0, total: 1, message: `${choice.method} on the training period` });
  db.exec('BEGIN');
  let base, pivot;
  try {
    base = customerBase(db, cutoff);
    const level = choice.method === 'stratified-kmeans' ? (Number(p.level) === 2 ? 2 : 1) : p.features === 'category' ? 1 : p.features === 'category2' ? 2 : undefined;
    pivot = level === undefined ? undefined : categoryPivot(db, base.ids, level, cutoff);
  } finally {
    db.exec('COMMIT');
  }
  const n = base.ids.length;
  if (n < 3) return `only ${n} customers bought before the cutoff: too few to segment`;
  if (pivot && pivot.categories.length === 0) return `${choice.method} needs product categories; this data has none`;
  const index = new Map<number, number>();
  b.customerIds.forEach((id, u) => index.set(id, u));
  const U = b.customerIds.length;
  const segments = new Int32Array(U).fill(-1);
  const names = new Map<number, string>();
  if (choice.method === 'kmeans') {
    if (!(KMEANS_FEATURE_SETS as readonly unknown[]).includes(p.features)) return `kmeans features ${String(p.features)} unknown`;
    const q = p as unknown as KMeansParams;
    const m = featureMatrix(q.features, base, pivot, q, q.features === 'clv' ? clvFeatures(db, base.ids, cutoff) : undefined);
    const d = m.columns.length;
    const r = fitOrSweep(ctx, m.data, n, d, q, (k) => {
      const fit = kmeans(m.data, n, d, { k, nInit: q.nInit, seed: q.seed });
      return { labels: fit.labels, cost: fit.inertia };
    });
    base.ids.forEach((id, i) => {
      const u = index.get(id);
      if (u !== undefined) segments[u] = r.labels[i];
    });
    for (const s of new Set(r.labels)) names.set(s, `segment ${s + 1}`);
    return { method: 'kmeans', params: p, fromRun: choice.fromRun, segments, d, names, customers: n, k: r.choice.k };
  }
  const pv = pivot!;
  const d = pv.categories.length;
  const online = Uint8Array.from(base.online, (v) => (v > 0 ? 1 : 0));
  const num = (x: unknown) => Number(x);
  // The stratified job's steps: DBSCAN noise and strata (prepareStrata), then K-means per stratum on its thread pool.
  const o = { minSamples: Math.min(num(p.minSamples), n), noiseShare: num(p.noiseShare), smallCluster: num(p.smallCluster), kMin: num(p.kMin), kMax: num(p.kMax), nInit: num(p.nInit), seed: num(p.seed), silhouetteSample: num(p.silhouetteSample) };
  ctx.progress({ phase: 'segment', done: 0, total: 1, message: 'stratified-kmeans on the training period: DBSCAN eps search' });
  const prepared = prepareStrata(pv.data, n, d, base.amount, online, o);
  ctx.throwIfCancelled();
  let fits = 0;
  const clusterings = await clusterStrata(prepared.strata, d, o, num(p.threads) || 1, {
    signal: ctx.signal,
    onK: (stratum, k) => {
      ctx.throwIfCancelled();
      ctx.progress({ phase: 'segment', done: ++fits, total: (o.kMax - o.kMin + 1) * prepared.strata.length, unit: 'fits', message: `stratified-kmeans on the training period: stratum ${stratum + 1}/8, k = ${k}` });
    },
  });
  const r = { strata: prepared.strata.map((s, i) => ({ ...s, ...clusterings[i] })) };
  // Segment ids as the stratified job numbers them: stratum by stratum, clusters in label order.
  const vectors = new Float64Array(U * d);
  let next = 0, k = 0;
  for (const s of r.strata) {
    const label = `${s.channel === 'offline' ? 'offline-only' : 'online'} · spend Q${s.grade}`;
    const idOf = new Map<number, number>();
    k += Math.max(0, s.k);
    s.rows.forEach((row, j) => {
      const l = s.labels[j];
      let id = l < 0 ? -1 : idOf.get(l);
      if (id === undefined) {
        idOf.set(l, (id = next++));
        names.set(id, `${label} · ${idOf.size}`);
      }
      const u = index.get(base.ids[row]);
      if (u === undefined) return;
      vectors.set(s.scaled.subarray(j * d, j * d + d), u * d);
      segments[u] = id;
    });
  }
  return { method: 'stratified-kmeans', params: p, fromRun: choice.fromRun, segments, vectors, d, names, customers: n, k };
}

/** The notes sentence of a training-period segmentation. */
export function describeSegmentation(s: TrainingSegmentation, cutoff: string): string {
  const from = s.fromRun === null ? `${s.method} with its defaults (no ${s.method === 'kmeans' ? 'kmeans or stratified-kmeans' : s.method} run on this data)` : `${s.method} with the parameters of run ${s.fromRun}`;
  return `segments refitted on the training period only (purchases before ${cutoff}; never the holdout): ${from}, ${s.customers.toLocaleString('en')} customers, k = ${s.k}`;
}
