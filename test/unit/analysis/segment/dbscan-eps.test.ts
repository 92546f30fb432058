import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../core/analysis/common/random.js';
import { dbscan, epsForNoiseShare } from '../../../../core/analysis/segment/dbscan/index.js';

/** Three Gaussian-ish blobs of 150 points in 4-d plus 50 uniform points in a wide box. */
function planted(seed: number): { data: Float64Array; n: number; d: number } {
  const r = createRandom(seed), d = 4, n = 500;
  const data = new Float64Array(n * d);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) data[i * d + k] = i < 450 ? (i % 3) * 6 + gauss() * (0.5 + 0.3 * (i % 3)) : -10 + 30 * r.next();
  }
  return { data, n, d };
}

const noiseOf = (labels: Int32Array): number => labels.reduce((s, l) => s + (l === -1 ? 1 : 0), 0);

describe('epsForNoiseShare', () => {
  for (const [targetNoise, minSamples] of [[0.05, 30], [0.1, 30], [0.02, 10], [0.2, 5]] as const) {
    it(`reaches ${targetNoise} noise with minSamples ${minSamples} within one point, consistent with dbscan`, () => {
      const { data, n, d } = planted(7);
      const r = epsForNoiseShare(data, n, d, { targetNoise, minSamples });
      expect(Math.abs(r.noise - targetNoise * n)).toBeLessThanOrEqual(1);
      expect(r.noiseShare).toBe(r.noise / n);
      const at = dbscan(data, n, d, { eps: r.eps, minSamples });
      expect(noiseOf(at.labels)).toBe(r.noise);
      // …and the very points dbscan labels noise.
      expect(Array.from(r.isNoise)).toEqual(Array.from(at.labels, (l) => (l === -1 ? 1 : 0)));
      // The returned eps is the smallest with that count: a hair less leaves more noise.
      const below = dbscan(data, n, d, { eps: r.eps * (1 - 1e-9), minSamples });
      expect(noiseOf(below.labels)).toBeGreaterThan(r.noise);
    });
  }
  it('has noise non-increasing in eps', () => {
    const { data, n, d } = planted(3);
    let last = Infinity;
    for (const eps of [0.5, 1, 1.5, 2, 3, 5]) {
      const noise = noiseOf(dbscan(data, n, d, { eps, minSamples: 20 }).labels);
      expect(noise).toBeLessThanOrEqual(last);
      last = noise;
    }
  });
  it('names the argument it rejects', () => {
    const data = Float64Array.from([0, 1, 2, 3]);
    expect(() => epsForNoiseShare(data, 4, 1, { targetNoise: 1.5, minSamples: 2 })).toThrow(/targetNoise must be in \[0, 1\], got 1.5/);
    expect(() => epsForNoiseShare(data, 4, 1, { minSamples: 5 })).toThrow(/minSamples must be at most n = 4, got 5/);
  });
});

describe('epsForNoiseShare: the blocked k-NN pass gives the exact reach distances', () => {
  // The definition below is O(n²) in memory and time: small sets only.
  /** dbscan's squared distance (sums of four, in order): the values the search must reproduce. */
  const sq = (data: Float64Array, a: number, b: number, d: number): number => {
    let s = 0, k = 0;
    for (; k + 4 <= d; k += 4) {
      const t0 = data[a * d + k] - data[b * d + k], t1 = data[a * d + k + 1] - data[b * d + k + 1];
      const t2 = data[a * d + k + 2] - data[b * d + k + 2], t3 = data[a * d + k + 3] - data[b * d + k + 3];
      s += t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3;
    }
    for (; k < d; k++) s += (data[a * d + k] - data[b * d + k]) ** 2;
    return s;
  };
  /** The definition, all pairs: core² = minSamples-th smallest, reach² = min_j max(core²_j, d²_ij); then the search's pick. */
  const naive = (data: Float64Array, n: number, d: number, minSamples: number, targetNoise: number) => {
    const d2 = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => sq(data, i, j, d)));
    const core = d2.map((row) => row.slice().sort((a, b) => a - b)[minSamples - 1]);
    const reach = d2.map((row) => Math.min(...row.map((s, j) => Math.max(s, core[j])))).sort((a, b) => a - b);
    let best = n - 1, bestNoise = 0;
    for (let k = n - 1; k >= 0; k--) {
      if (k < n - 1 && reach[k] === reach[k + 1]) continue;
      const noise = n - 1 - k;
      if (Math.abs(noise - targetNoise * n) <= Math.abs(bestNoise - targetNoise * n)) { best = k; bestNoise = noise; }
    }
    return { reach2: reach[best], noise: bestNoise };
  };
  const nextUp = (x: number): number => {
    const u = new BigUint64Array(new Float64Array([x]).buffer);
    u[0] += 1n;
    return new Float64Array(u.buffer)[0];
  };
  // Off the 96-row tiles; a large offset (removed by the centring); many exact duplicates and an
  // integer grid (more rows at the minSamples-th distance than the heaps hold); d not a multiple of 4.
  const cases = [
    { n: 300, d: 6, minSamples: 10, targetNoise: 0.05, offset: 0, dup: 0, seed: 1 },
    { n: 401, d: 61, minSamples: 30, targetNoise: 0.1, offset: 0, dup: 0, seed: 2 },
    { n: 250, d: 3, minSamples: 5, targetNoise: 0.2, offset: 1e7, dup: 0, seed: 3 },
    { n: 260, d: 5, minSamples: 8, targetNoise: 0.05, offset: 0, dup: 40, seed: 4 },
    { n: 200, d: 2, minSamples: 4, targetNoise: 0.1, offset: 0, dup: 0, seed: 5, grid: true },
  ];
  for (const { n, d, minSamples, targetNoise, offset, dup, seed, grid } of cases) {
    it(`${n}×${d}, minSamples ${minSamples}, offset ${offset}, ${dup} duplicates${grid ? ', integer grid' : ''}`, () => {
      const r = createRandom(seed);
      const data = Float64Array.from({ length: n * d }, () => offset + (grid ? Math.floor(r.next() * 6) : r.next() * (r.next() < 0.5 ? 1 : 3)));
      for (let i = 1; i <= dup; i++) data.copyWithin((n - i) * d, 0, d); // the last `dup` rows repeat row 0
      const ours = epsForNoiseShare(data, n, d, { minSamples, targetNoise });
      const ref = naive(data, n, d, minSamples, targetNoise);
      expect(ours.noise).toBe(ref.noise);
      expect(Array.from(ours.isNoise)).toEqual(Array.from(dbscan(data, n, d, { eps: ours.eps, minSamples }).labels, (l) => (l === -1 ? 1 : 0)));
      // The smallest double whose square admits reach².
      let eps = Math.sqrt(ref.reach2);
      while (eps * eps < ref.reach2) eps = nextUp(eps);
      expect(ours.eps).toBe(eps);
    });
  }
});
