import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../../../../core/analysis/common/random.js';
import { defaultGamma, kprototypes } from '../../../../core/analysis/segment/kprototypes/index.js';
import { adjustedRandIndex } from '../../../../core/analysis/stats/ari.js';

const gauss = (r: Random): number => Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());

/** Planted mixed clusters: A and B differ numerically only, B and C categorically only. */
function planted(n: number, seed: number): { num: Float64Array; cat: Int32Array; truth: Int32Array; p: number; q: number } {
  const p = 3, q = 6, r = createRandom(seed);
  const numMeans = [[3, 3, 0], [0, 0, 0], [0, 0, 0]];
  const catModes = [[0, 0, 0, 0, 1, 2], [0, 0, 0, 0, 1, 2], [2, 3, 1, 2, 0, 0]];
  const num = new Float64Array(n * p), cat = new Int32Array(n * q), truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = i % 3;
    truth[i] = g;
    for (let f = 0; f < p; f++) num[i * p + f] = numMeans[g][f] + gauss(r);
    for (let a = 0; a < q; a++) cat[i * q + a] = r.next() < 0.8 ? catModes[g][a] : r.int(4);
  }
  for (let f = 0; f < p; f++) {
    let m = 0, ss = 0;
    for (let i = 0; i < n; i++) m += num[i * p + f];
    m /= n;
    for (let i = 0; i < n; i++) ss += (num[i * p + f] - m) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    for (let i = 0; i < n; i++) num[i * p + f] = (num[i * p + f] - m) / sd;
  }
  return { num, cat, truth, p, q };
}

describe('kprototypes', () => {
  const d = planted(600, 11);
  it('recovers planted mixed clusters (ARI ≥ 0.9) and its cost never increases', () => {
    const res = kprototypes(d.num, d.cat, 600, d.p, d.q, { k: 3, seed: 1 });
    expect(adjustedRandIndex(res.labels, d.truth)).toBeGreaterThanOrEqual(0.9);
    expect(res.gamma).toBeCloseTo(0.5, 12);
    for (let t = 1; t < res.costHistory.length; t++) expect(res.costHistory[t]).toBeLessThanOrEqual(res.costHistory[t - 1]);
    expect(res.cost).toBe(res.costHistory[res.costHistory.length - 1]);
    expect(res.numericCenters.length).toBe(9);
    expect(res.categoricalModes.length).toBe(18);
  });
  it('never increases its cost from any start, for many seeds and k', () => {
    for (let seed = 0; seed < 10; seed++) {
      const e = planted(300, 100 + seed);
      const res = kprototypes(e.num, e.cat, 300, e.p, e.q, { k: 2 + (seed % 5), nInit: 3, seed });
      for (let t = 1; t < res.costHistory.length; t++) expect(res.costHistory[t]).toBeLessThanOrEqual(res.costHistory[t - 1]);
    }
  });
  it('reports a cost equal to the sum of dissimilarities to the final prototypes', () => {
    const res = kprototypes(d.num, d.cat, 600, d.p, d.q, { k: 3, gamma: 0.7 });
    let cost = 0;
    for (let i = 0; i < 600; i++) {
      const c = res.labels[i];
      for (let f = 0; f < d.p; f++) cost += (d.num[i * d.p + f] - res.numericCenters[c * d.p + f]) ** 2;
      for (let a = 0; a < d.q; a++) if (d.cat[i * d.q + a] !== res.categoricalModes[c * d.q + a]) cost += 0.7;
    }
    expect(res.cost).toBeCloseTo(cost, 8);
    expect(res.gamma).toBe(0.7);
  });
  it('is deterministic for a seed, and nInit > 1 never does worse than one start', () => {
    const a = kprototypes(d.num, d.cat, 600, d.p, d.q, { k: 4, nInit: 4, seed: 5 });
    const b = kprototypes(d.num, d.cat, 600, d.p, d.q, { k: 4, nInit: 4, seed: 5 });
    expect(a).toEqual(b);
    const one = kprototypes(d.num, d.cat, 600, d.p, d.q, { k: 4 });
    expect(a.cost).toBeLessThanOrEqual(one.cost);
  });
  it('uses half the mean sample standard deviation as the default gamma', () => {
    expect(defaultGamma(Float64Array.from([0, 10, 2, 10, 4, 10]), 3, 2)).toBeCloseTo(0.5, 15); // sds 2 and 0
    expect(defaultGamma(new Float64Array(0), 3, 0)).toBe(1);
  });
  it('works with only numeric or only categorical features', () => {
    const numOnly = kprototypes(d.num, new Int32Array(0), 600, d.p, 0, { k: 2 });
    expect(new Set(numOnly.labels).size).toBe(2);
    const catOnly = kprototypes(new Float64Array(0), d.cat, 600, 0, d.q, { k: 2 });
    expect(adjustedRandIndex(catOnly.labels, Int32Array.from(d.truth, (g) => (g === 2 ? 1 : 0)))).toBeGreaterThan(0.9);
  });
  it('checks its inputs', () => {
    const num = Float64Array.from([0, 1, 2, 3]), cat = Int32Array.from([0, 1, 1, 0]);
    expect(() => kprototypes(num, cat, 4, 1, 1, { k: 5 })).toThrow(/k must be an integer in 1..4, got 5/);
    expect(() => kprototypes(num, cat, 4, 1, 1, { k: 2, gamma: -1 })).toThrow(/gamma must be a finite number ≥ 0, got -1/);
    expect(() => kprototypes(num, cat, 4, 1, 1, { k: 2, maxIter: 0 })).toThrow(/maxIter must be an integer at least 1, got 0/);
    expect(() => kprototypes(num, cat, 4, 1, 1, { k: 2, nInit: 1.5 })).toThrow(/nInit must be an integer at least 1, got 1.5/);
    expect(() => kprototypes(num, cat, 4, 2, 1, { k: 2 })).toThrow(/num must hold n × p = 8 values, got 4/);
    expect(() => kprototypes(num, Int32Array.from([0, -1, 0, 0]), 4, 1, 1, { k: 2 })).toThrow(/cat codes must be in 0..1048575, got -1 at row 1/);
    expect(() => kprototypes(Float64Array.from([0, Infinity, 0, 0]), cat, 4, 1, 1, { k: 2 })).toThrow(/num must be finite, got Infinity at row 1/);
  });
  it('clusters 30,000 customers × (3 numeric, 6 categorical) quickly', () => {
    const big = planted(30_000, 42);
    const t0 = performance.now();
    const res = kprototypes(big.num, big.cat, 30_000, big.p, big.q, { k: 4, seed: 1 });
    const seconds = (performance.now() - t0) / 1000;
    expect(seconds).toBeLessThan(10);
    expect(res.labels.length).toBe(30_000);
  });
});
