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
