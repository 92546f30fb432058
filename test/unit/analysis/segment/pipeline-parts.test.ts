import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../core/analysis/common/random.js';
import { lrfmv, rfm } from '../../../../core/analysis/segment/customer-features.js';
import { kmeans } from '../../../../core/analysis/segment/kmeans/index.js';
import { log1pColumns, minMaxScale, rowShares, standardScale, takeRows } from '../../../../core/analysis/segment/scaling.js';
import { stratifiedKMeans } from '../../../../core/analysis/segment/stratified.js';
import { chooseK, sweepK } from '../../../../core/analysis/segment/sweep.js';
import { silhouette } from '../../../../core/analysis/segment/validity/index.js';
import { silhouetteSweep } from '../../../../core/analysis/segment/validity/silhouette-sweep.js';

function blobs(n: number, d: number, centers: number, seed: number): Float64Array {
  const r = createRandom(seed);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let q = 0; q < d; q++) out[i * d + q] = (i % centers) * 10 + r.next();
  return out;
}

describe('scalings (as scikit-learn MinMaxScaler / StandardScaler)', () => {
  it('min–max maps each column to [0, 1]; a constant column to 0', () => {
    const x = Float64Array.from([1, 5, 3, 5, 5, 5]); // 3 × 2, column 2 constant
    expect(Array.from(minMaxScale(x, 3, 2))).toEqual([0, 0, 0.5, 0, 1, 0]);
  });
  it('standard uses the population SD', () => {
    const x = standardScale(Float64Array.from([1, 2, 3, 4]), 4, 1);
    const sd = Math.sqrt(1.25);
    expect(Array.from(x)).toEqual([-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd]);
  });
  it('row shares, log1p of chosen columns, row selection', () => {
    expect(Array.from(rowShares(Float64Array.from([1, 3, 0, 0]), 2, 2))).toEqual([0.25, 0.75, 0, 0]);
    expect(Array.from(log1pColumns(Float64Array.from([Math.E - 1, 7, -3, 7]), 2, 2, [0]))).toEqual([1, 7, 0, 7]);
    expect(Array.from(takeRows(Float64Array.from([1, 2, 3, 4, 5, 6]), 2, [2, 0]))).toEqual([5, 6, 1, 2]);
  });
});

describe('customer features', () => {
  const facts = {
    amount: Float64Array.from([1000, 50]), quantity: Float64Array.from([12, 1]), receipts: Float64Array.from([4, 1]),
    days: Float64Array.from([3, 1]), first: Float64Array.from([100, 150]), last: Float64Array.from([190, 150]),
  };
  it('LRFMV by the documented definitions (reference day 200)', () => {
    expect(Array.from(lrfmv(facts, 200))).toEqual([90, 10, 4, 1000, 4, 0, 50, 1, 50, 1]);
    expect(Array.from(rfm(facts, 200))).toEqual([10, 4, 1000, 50, 1, 50]);
  });
});

describe('silhouetteSweep equals silhouette for each labeling', () => {
  const n = 300, d = 4;
  const data = blobs(n, d, 3, 7);
  const labelings = [2, 3, 5].map((k) => kmeans(data, n, d, { k, nInit: 2, seed: 1 }).labels);
  it('exact', () => {
    const got = silhouetteSweep(data, n, d, labelings);
    labelings.forEach((l, i) => expect(got[i]).toBeCloseTo(silhouette(data, n, d, l), 12));
  });
  it('on the same seeded sample', () => {
    const got = silhouetteSweep(data, n, d, labelings, 120, 5);
    labelings.forEach((l, i) => expect(got[i]).toBeCloseTo(silhouette(data, n, d, l, { sampleSize: 120, seed: 5 }), 12));
  });
});

describe('sweepK and chooseK', () => {
  it('scores every k and picks the planted 4 clusters by the elbow', () => {
    const n = 400, d = 3;
    const data = blobs(n, d, 4, 3);
    const s = sweepK(data, n, d, { kMin: 2, kMax: 8, fit: (k) => { const r = kmeans(data, n, d, { k, seed: 0 }); return { labels: r.labels, cost: r.inertia }; } });
    expect(s.curve.map((p) => p.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    for (const p of s.curve) {
      expect(p.silhouette).not.toBeNull();
      expect(p.calinskiHarabasz).toBeGreaterThan(0);
      expect(p.daviesBouldin).toBeGreaterThan(0);
    }
    expect(chooseK(s.curve).k).toBe(4);
    const best = s.curve.reduce((a, b) => ((b.silhouette ?? -1) > (a.silhouette ?? -1) ? b : a));
    expect(best.k).toBe(4);
  });
});

describe('stratifiedKMeans', () => {
  // 8 groups × 40 customers of 3-category spend; channel and spend level vary; 6 far-away customers.
  const groups = 8, per = 40, d = 3, far = 6;
  const n = groups * per + far;
  const r = createRandom(11);
  const pivot = new Float64Array(n * d), spend = new Float64Array(n), online = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const g = i < groups * per ? i % groups : -1;
    for (let q = 0; q < d; q++) pivot[i * d + q] = g < 0 ? 1e6 * (1 + r.next()) * (q + 1) : 1000 * (1 + (g % 4)) * (q === g % d ? 3 : 1) + 200 * r.next();
    spend[i] = pivot[i * d] + pivot[i * d + 1] + pivot[i * d + 2];
    online[i] = g >= 4 || (g < 0 && i % 2 === 0) ? 1 : 0;
  }
  const res = stratifiedKMeans(pivot, n, d, spend, online, { minSamples: 5, noiseShare: far / n, kMin: 2, kMax: 6, nInit: 3, seed: 0, smallCluster: 3, silhouetteSample: 5000 });
  it('sets the planted far-away customers aside as DBSCAN noise', () => {
    expect(Array.from(res.noise.subarray(groups * per))).toEqual(new Array(far).fill(1));
    expect(res.noise.reduce((a, b) => a + b, 0)).toBe(far);
  });
  it('splits offline/online, runs the KS test and builds 8 strata covering every non-noise customer once', () => {
    expect(res.groups.map((g) => g.customers)).toEqual([160, 160]);
    expect(res.ks).not.toBeNull();
    expect(res.strata).toHaveLength(8);
    const seen = new Set<number>();
    for (const s of res.strata) for (const row of s.rows) { expect(seen.has(row)).toBe(false); seen.add(row); }
    expect(seen.size).toBe(n - far);
    for (const s of res.strata) {
      expect(s.scaled).toHaveLength(s.rows.length * d);
      for (const v of s.scaled) expect(v >= 0 && v <= 1).toBe(true);
      expect(s.k).toBeGreaterThanOrEqual(1);
    }
  });
  it('marks clusters of ≤ smallCluster customers as outliers', () => {
    for (const s of res.strata) {
      const sizes = new Map<number, number>();
      for (const l of s.labels) if (l >= 0) sizes.set(l, (sizes.get(l) ?? 0) + 1);
      for (const size of sizes.values()) expect(size).toBeGreaterThan(3);
      expect(s.outliers).toBe(s.labels.filter((l) => l < 0).length);
    }
  });
});
