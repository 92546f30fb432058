import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../core/analysis/common/random.js';
import { epsForNoiseShare } from '../../../../core/analysis/segment/dbscan/index.js';
import { buildTiles, tileGap } from '../../../../core/analysis/segment/dbscan/tiles.js';

/*
 * The eps search drops row pairs on partial distances over principal axes and skips tile pairs of
 * k-d tree tiles (eps-search.ts, tiles.ts). These sets are built so that the screens do drop most
 * pairs (anisotropic, heavy-tailed, clustered, more dimensions than the 16 leading axes, several
 * tiles), and the result must still be the definition's, computed by brute force.
 */

/** dbscan's squared distance (sums of four, in order): the values the search must reproduce. */
function sq(data: Float64Array, a: number, b: number, d: number): number {
  let s = 0, k = 0;
  for (; k + 4 <= d; k += 4) {
    const t0 = data[a * d + k] - data[b * d + k], t1 = data[a * d + k + 1] - data[b * d + k + 1];
    const t2 = data[a * d + k + 2] - data[b * d + k + 2], t3 = data[a * d + k + 3] - data[b * d + k + 3];
    s += t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3;
  }
  for (; k < d; k++) s += (data[a * d + k] - data[b * d + k]) ** 2;
  return s;
}

/** All pairs: core² = minSamples-th smallest, reach² = min_j max(core²_j, d²_ij); noise per point at the search's pick. */
function naive(data: Float64Array, n: number, d: number, minSamples: number, targetNoise: number) {
  const d2 = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => sq(data, i, j, d)));
  const core = d2.map((row) => Float64Array.from(row).sort()[minSamples - 1]);
  const reach = d2.map((row) => row.reduce((m, s, j) => Math.min(m, Math.max(s, core[j])), Infinity));
  const sorted = Float64Array.from(reach).sort();
  let best = n - 1, bestNoise = 0;
  for (let k = n - 1; k >= 0; k--) {
    if (k < n - 1 && sorted[k] === sorted[k + 1]) continue;
    const noise = n - 1 - k;
    if (Math.abs(noise - targetNoise * n) <= Math.abs(bestNoise - targetNoise * n)) { best = k; bestNoise = noise; }
  }
  return { reach2: sorted[best], noise: bestNoise, isNoise: reach.map((r) => (r > sorted[best] ? 1 : 0)) };
}

/** Spend-like rows: a few clusters, column scales falling off (so a few axes hold most variance), log-normal sizes, some zero columns. */
function spendLike(seed: number, n: number, d: number, o: { offset?: number; dup?: number; zeros?: boolean } = {}): Float64Array {
  const r = createRandom(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
  const centres = Array.from({ length: 4 }, () => Float64Array.from({ length: d }, () => r.next()));
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = centres[i % 4], size = Math.exp(gauss());
    for (let q = 0; q < d; q++) {
      const scale = 1000 / (1 + q) ** 1.5;
      const v = size * scale * (c[q] + 0.3 * gauss());
      data[i * d + q] = (o.offset ?? 0) + (o.zeros && r.next() < 0.4 ? 0 : Math.max(0, v));
    }
  }
  for (let i = 1; i <= (o.dup ?? 0); i++) data.copyWithin((n - i) * d, 0, d);
  return data;
}

describe('epsForNoiseShare with its screens: the definition, by brute force', () => {
  const cases = [
    { n: 700, d: 40, minSamples: 30, targetNoise: 0.05, seed: 11 },
    { n: 520, d: 60, minSamples: 10, targetNoise: 0.1, seed: 12, zeros: true },
    { n: 450, d: 23, minSamples: 30, targetNoise: 0.05, seed: 13, offset: 1e6, dup: 35 },
    { n: 333, d: 17, minSamples: 5, targetNoise: 0.2, seed: 14, zeros: true, dup: 8 },
    { n: 300, d: 3, minSamples: 8, targetNoise: 0.05, seed: 15 },
    { n: 120, d: 150, minSamples: 30, targetNoise: 0.05, seed: 16, zeros: true },
  ];
  for (const { n, d, minSamples, targetNoise, seed, ...o } of cases) {
    it(`${n}×${d}, minSamples ${minSamples}, noise ${targetNoise}${o.offset ? `, offset ${o.offset}` : ''}${o.dup ? `, ${o.dup} duplicates` : ''}${o.zeros ? ', sparse' : ''}`, () => {
      const data = spendLike(seed, n, d, o);
      const ours = epsForNoiseShare(data, n, d, { minSamples, targetNoise });
      const ref = naive(data, n, d, minSamples, targetNoise);
      expect(ours.noise).toBe(ref.noise);
      expect(Array.from(ours.isNoise)).toEqual(ref.isNoise);
      let eps = Math.sqrt(ref.reach2);
      const bits = new BigUint64Array(new Float64Array([eps]).buffer);
      while (eps * eps < ref.reach2) { bits[0] += 1n; eps = new Float64Array(bits.buffer)[0]; }
      expect(ours.eps).toBe(eps);
    });
  }
});

describe('buildTiles', () => {
  it('partitions the rows into full tiles but the last, each inside its bounding ball', () => {
    const n = 1000, d = 7, size = 96;
    const x = spendLike(3, n, d);
    const t = buildTiles(x, n, d, size);
    expect(Array.from(t.order).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(t.count).toBe(Math.ceil(n / size));
    for (let k = 0; k < t.count; k++) {
      const len = t.start[k + 1] - t.start[k];
      expect(len).toBe(k < t.count - 1 ? size : n - size * (t.count - 1));
      for (let p = t.start[k]; p < t.start[k + 1]; p++) {
        let s = 0;
        for (let q = 0; q < d; q++) s += (x[t.order[p] * d + q] - t.centre[k * d + q]) ** 2;
        expect(Math.sqrt(s)).toBeLessThanOrEqual(t.radius[k]);
      }
    }
    // The gap is a lower bound of every cross distance.
    for (const [a, b] of [[0, 1], [0, t.count - 1], [3, 7]]) {
      const gap = tileGap(t, d, a, b);
      let least = Infinity;
      for (let p = t.start[a]; p < t.start[a + 1]; p++) {
        for (let r = t.start[b]; r < t.start[b + 1]; r++) least = Math.min(least, Math.sqrt(sq(x, t.order[p], t.order[r], d)));
      }
      expect(gap).toBeLessThanOrEqual(least);
    }
  });
  it('makes compact tiles: on separated clusters some tile pairs are provably apart', () => {
    const n = 400, d = 2;
    const x = Float64Array.from({ length: n * d }, (_, i) => (Math.floor(i / d) % 2) * 1000 + (i % 7));
    const t = buildTiles(x, n, d, 96);
    let apart = 0;
    for (let a = 0; a < t.count; a++) for (let b = a + 1; b < t.count; b++) if (tileGap(t, d, a, b) > 100) apart++;
    expect(apart).toBeGreaterThan(0);
  });
});
