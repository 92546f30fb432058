import { describe, expect, it } from 'vitest';
// Fixtures written by test/reference/kmeans_validity.py (scikit-learn).
import { kmeansFixture } from '../../../helpers/reference.js';
import { kmeans, kmeansPlusPlus, KMEANS_DEFAULTS } from '../../../../core/analysis/segment/kmeans/index.js';
import { createRandom, type Random } from '../../../../core/analysis/common/random.js';

const KS = [3, 4, 5] as const;
/** Sets with cluster structure, where one best-of-10 run is a fair comparison. */
const CLUSTERED_SETS = ['blobs', 'aniso', 'rfm'] as const;

describe('kmeans against scikit-learn (KMeans n_init=10, random_state=0)', () => {
  for (const set of CLUSTERED_SETS) {
    const fx = kmeansFixture(set);
    const data = Float64Array.from(fx.data);
    for (const k of KS) {
      it(`${set} (${fx.n}×${fx.d}), k = ${k}: inertia ≤ 1.005 × sklearn's`, () => {
        const ours = kmeans(data, fx.n, fx.d, { k, nInit: 10, seed: 0 });
        expect(ours.inertia).toBeLessThanOrEqual(1.005 * fx.k[k].inertia);
        expect(new Set(ours.labels).size).toBe(k);
      });
    }
  }
});

describe('kmeans against scikit-learn on structureless data', () => {
  // 'uniform' has no clusters and many local minima: best-of-10 inertia at k = 5 depends on the
  // stream (scikit-learn's own n_init=10 spans 8.569–8.802 over random_state 0–19; ours at seed 0
  // lands at 8.666, +0.86% over sklearn's 8.592 at random_state 0). So the bar is checked on the
  // median of seeds 0–4, the seed-independent form of the same comparison.
  const fx = kmeansFixture('uniform');
  const data = Float64Array.from(fx.data);
  for (const k of KS) {
    it(`uniform (${fx.n}×${fx.d}), k = ${k}: median over seeds 0–4 of the inertia ≤ 1.005 × sklearn's`, () => {
      const runs = [0, 1, 2, 3, 4].map((seed) => kmeans(data, fx.n, fx.d, { k, nInit: 10, seed }).inertia).sort((a, b) => a - b);
      expect(runs[2]).toBeLessThanOrEqual(1.005 * fx.k[k].inertia);
    });
  }
});

describe('kmeans', () => {
  const fx = kmeansFixture('blobs');
  const data = Float64Array.from(fx.data);

  it('is deterministic for a seed', () => {
    const a = kmeans(data, fx.n, fx.d, { k: 4, seed: 7 });
    const b = kmeans(data, fx.n, fx.d, { k: 4, seed: 7 });
    expect(b.labels).toEqual(a.labels);
    expect(b.centers).toEqual(a.centers);
    expect(b.inertia).toBe(a.inertia);
  });

  it('returns centres that are the cluster means and the inertia they give', () => {
    const { labels, centers, inertia, iterations } = kmeans(data, fx.n, fx.d, { k: 3, nInit: 2 });
    const sums = new Float64Array(3 * fx.d), counts = new Float64Array(3);
    for (let i = 0; i < fx.n; i++) {
      counts[labels[i]]++;
      for (let q = 0; q < fx.d; q++) sums[labels[i] * fx.d + q] += data[i * fx.d + q];
    }
    let check = 0;
    for (let i = 0; i < fx.n; i++) for (let q = 0; q < fx.d; q++) check += (data[i * fx.d + q] - centers[labels[i] * fx.d + q]) ** 2;
    for (let j = 0; j < 3 * fx.d; j++) expect(centers[j]).toBeCloseTo(sums[j] / counts[Math.floor(j / fx.d)], 9);
    expect(inertia).toBeCloseTo(check, 6);
    expect(iterations).toBeGreaterThanOrEqual(1);
  });

  it('splits two obvious groups', () => {
    const pts = Float64Array.from([0, 0, 0, 1, 1, 0, 10, 10, 10, 11, 11, 10]);
    const { labels, inertia } = kmeans(pts, 6, 2, { k: 2 });
    expect(labels[0]).toBe(labels[1]);
    expect(labels[0]).toBe(labels[2]);
    expect(labels[3]).toBe(labels[4]);
    expect(labels[3]).toBe(labels[5]);
    expect(labels[0]).not.toBe(labels[3]);
    expect(inertia).toBeCloseTo(8 / 3, 12);
  });

  it('handles duplicate points (k equal to n)', () => {
    const pts = Float64Array.from([1, 1, 1, 5]);
    const { inertia, labels } = kmeans(pts, 4, 1, { k: 4 });
    expect(inertia).toBe(0);
    expect(labels.length).toBe(4);
  });

  it('checks its input', () => {
    const pts = Float64Array.from([0, 1, 2, 3]);
    expect(() => kmeans(pts, 4, 1, { k: 1 })).toThrow('k must be an integer in 2..n (n = 4), got 1');
    expect(() => kmeans(pts, 4, 1, { k: 5 })).toThrow(RangeError);
    expect(() => kmeans(pts, 4, 1, { k: 2.5 })).toThrow(RangeError);
    expect(() => kmeans(pts, 4, 1, { k: 2, nInit: 0 })).toThrow('nInit must be a positive integer, got 0');
    expect(() => kmeans(pts, 4, 1, { k: 2, seed: 0.5 })).toThrow(RangeError);
    expect(() => kmeans(pts, 3, 1, { k: 2 })).toThrow('data must hold n·d = 3 values, got 4');
    expect(() => kmeans(Float64Array.from([0, NaN]), 2, 1, { k: 2 })).toThrow(RangeError);
  });
});

describe('kmeans: blocked distances give the labels of plain one-pair-at-a-time Lloyd', () => {
  /** Squared distance summed in order, one pair at a time. */
  const sq = (a: Float64Array, i: number, b: Float64Array, j: number, d: number): number => {
    let s = 0;
    for (let q = 0; q < d; q++) s += (a[i * d + q] - b[j * d + q]) ** 2;
    return s;
  };
  /** scikit-learn's greedy k-means++ with direct distances, drawing from the stream as kmeansPlusPlus does. */
  const plainPlusPlus = (data: Float64Array, n: number, d: number, k: number, random: Random): Float64Array => {
    const centers = new Float64Array(k * d), trials = 2 + Math.floor(Math.log(k));
    const first = random.int(n);
    centers.set(data.subarray(first * d, first * d + d));
    let closest: Float64Array = Float64Array.from({ length: n }, (_, i) => sq(data, i, data, first, d));
    for (let c = 1; c < k; c++) {
      const pot = closest.reduce((a, b) => a + b, 0);
      const cum = new Float64Array(n);
      for (let i = 0, acc = 0; i < n; i++) cum[i] = acc += closest[i];
      const ids = Array.from({ length: trials }, () => {
        const r = random.next() * pot;
        const at = cum.findIndex((v) => v >= r);
        return at < 0 ? n - 1 : at;
      });
      let best: Float64Array | null = null, bestPot = Infinity, bestId = 0;
      for (const id of ids) {
        const t = closest.map((v, i) => Math.min(v, sq(data, i, data, id, d)));
        const p = t.reduce((a, b) => a + b, 0);
        if (p < bestPot) { bestPot = p; best = t; bestId = id; }
      }
      centers.set(data.subarray(bestId * d, bestId * d + d), c * d);
      closest = best as Float64Array;
    }
    return centers;
  };
  /** Lloyd without bounds or blocking: full scans, cluster sums from scratch, scikit-learn's stopping rule. */
  const plainLloyd = (data: Float64Array, n: number, d: number, k: number, init: Float64Array, maxIter: number, tolAbs: number) => {
    const centers = Float64Array.from(init), labels = new Int32Array(n);
    const assign = (): number => {
      let changed = 0;
      for (let i = 0; i < n; i++) {
        let b = 0, best = Infinity;
        for (let j = 0; j < k; j++) { const s = sq(data, i, centers, j, d); if (s < best) { best = s; b = j; } }
        if (labels[i] !== b) changed++;
        labels[i] = b;
      }
      return changed;
    };
    assign();
    let iterations = 0;
    while (iterations < maxIter) {
      iterations++;
      const sums = new Float64Array(k * d), counts = new Float64Array(k);
      for (let i = 0; i < n; i++) { counts[labels[i]]++; for (let q = 0; q < d; q++) sums[labels[i] * d + q] += data[i * d + q]; }
      let shift = 0;
      for (let j = 0; j < k; j++) {
        if (counts[j] === 0) throw new Error('empty cluster: pick another data set for this check');
        for (let q = 0; q < d; q++) { const c = sums[j * d + q] / counts[j]; shift += (c - centers[j * d + q]) ** 2; centers[j * d + q] = c; }
      }
      if (assign() === 0 || shift <= tolAbs) break;
    }
    let inertia = 0;
    for (let i = 0; i < n; i++) inertia += sq(data, i, centers, labels[i], d);
    return { labels, inertia, iterations };
  };
  const meanVariance = (data: Float64Array, n: number, d: number): number => {
    let total = 0;
    for (let q = 0; q < d; q++) {
      let m = 0;
      for (let i = 0; i < n; i++) m += data[i * d + q];
      m /= n;
      let v = 0;
      for (let i = 0; i < n; i++) v += (data[i * d + q] - m) ** 2;
      total += v / n;
    }
    return total / d;
  };
  // Shapes off the 3×4 register blocks and the 256-row blocks; offsets of 1e5 and 1e6 make the norm
  // expansion lose 10–12 digits, so the direct recomputation of doubtful nearest centres is exercised
  // (15 and 196 points there).
  const cases = [
    { n: 700, d: 7, k: 5, offset: 0, seed: 1 },
    { n: 1001, d: 13, k: 11, offset: 0, seed: 2 },
    { n: 600, d: 60, k: 20, offset: 0, seed: 3 },
    { n: 515, d: 5, k: 7, offset: 1e6, seed: 4 },
    { n: 700, d: 7, k: 5, offset: 1e5, seed: 1 },
    { n: 400, d: 3, k: 2, offset: -3e3, seed: 5 },
  ];
  for (const { n, d, k, offset, seed } of cases) {
    it(`${n}×${d}, k = ${k}, offset ${offset}: same seeding, labels, iterations and inertia`, () => {
      const gen = createRandom(100 + seed);
      const data = Float64Array.from({ length: n * d }, () => offset + gen.next() + (gen.next() < 0.3 ? 2 : 0));
      expect(kmeansPlusPlus(data, n, d, k, createRandom(seed))).toEqual(plainPlusPlus(data, n, d, k, createRandom(seed)));
      const ours = kmeans(data, n, d, { k, nInit: 1, seed });
      const plain = plainLloyd(data, n, d, k, plainPlusPlus(data, n, d, k, createRandom(seed)), KMEANS_DEFAULTS.maxIter, KMEANS_DEFAULTS.tol * meanVariance(data, n, d));
      expect(ours.labels).toEqual(plain.labels);
      expect(ours.iterations).toBe(plain.iterations);
      expect(ours.inertia).toBeCloseTo(plain.inertia, 6);
    });
  }
});
