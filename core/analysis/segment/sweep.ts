import type { ValidityPoint } from '../../model/segment.js';
import { elbowK } from './elbow.js';
import { calinskiHarabasz, daviesBouldin } from './validity/index.js';
import { silhouetteSweep } from './validity/silhouette-sweep.js';

/** Validity of one k, as runs store it. */
export type SweepPoint = ValidityPoint;

export interface SweepOptions {
  kMin: number;
  kMax: number;
  /** Fits one k: labels 0..k−1 and the cost the elbow reads (inertia, total deviation, …). */
  fit(k: number): { labels: Int32Array; cost: number };
  /** Euclidean validity (silhouette, CH, DB) on `data`; off for mixed data (k-prototypes). */
  validity?: boolean;
  /** Silhouette exact up to this many points, on a seeded sample of this size beyond. */
  silhouetteSample?: number;
  seed?: number;
  /** Before each fit (may throw to cancel). */
  onK?(k: number, index: number, total: number): void;
}

export interface SweepResult {
  curve: SweepPoint[];
  labels: Map<number, Int32Array>;
}

/** Fits k = kMin…kMax and scores each k: cost, and (Euclidean) silhouette, Calinski–Harabasz, Davies–Bouldin. */
export function sweepK(data: Float64Array, n: number, d: number, o: SweepOptions): SweepResult {
  const validity = o.validity ?? true;
  const curve: SweepPoint[] = [];
  const labels = new Map<number, Int32Array>();
  const total = o.kMax - o.kMin + 1;
  for (let k = o.kMin; k <= o.kMax; k++) {
    o.onK?.(k, k - o.kMin, total);
    const t0 = performance.now();
    const fit = o.fit(k);
    const seconds = (performance.now() - t0) / 1000;
    labels.set(k, fit.labels);
    const distinct = new Set(fit.labels).size;
    const ok = validity && distinct >= 2 && distinct < n;
    curve.push({
      k, cost: fit.cost, seconds, silhouette: null,
      calinskiHarabasz: ok ? calinskiHarabasz(data, n, d, fit.labels) : null,
      daviesBouldin: ok ? daviesBouldin(data, n, d, fit.labels) : null,
    });
  }
  if (validity) {
    const scored = curve.filter((p) => p.calinskiHarabasz !== null);
    const sil = silhouetteSweep(data, n, d, scored.map((p) => labels.get(p.k) as Int32Array), o.silhouetteSample ?? 5000, o.seed ?? 0);
    scored.forEach((p, i) => (p.silhouette = sil[i]));
  }
  return { curve, labels };
}

/**
 * The k of a sweep by the seed-000 elbow rule (elbow.ts); with fewer than three ks, the k with
 * the best silhouette (else the smallest).
 */
export function chooseK(curve: readonly SweepPoint[]): { k: number; why: string } {
  if (curve.length >= 3) {
    const k = elbowK(curve.map((p) => p.k), curve.map((p) => p.cost));
    return { k, why: `elbow: the decrease of the cost changes most at k = ${k} (largest second difference over k = ${curve[0].k}…${curve[curve.length - 1].k})` };
  }
  const best = [...curve].sort((a, b) => (b.silhouette ?? -Infinity) - (a.silhouette ?? -Infinity) || a.k - b.k)[0];
  return { k: best.k, why: `only ${curve.length} value(s) of k possible: the best silhouette` };
}
