import { describe, expect, it } from 'vitest';
// Fixtures written by test/reference/kmeans_validity.py (scikit-learn).
import { kmeansFixture, readFixture } from '../../../helpers/reference.js';
import { pca } from '../../../../core/analysis/segment/pca.js';

const SETS = ['blobs', 'aniso', 'uniform', 'rfm'] as const;
interface PcaFixture {
  explainedVariance: number[];
  explainedVarianceRatio: number[];
  componentVectors: number[];
  scoresHead: number[];
}
const pcaFixture = (set: string): PcaFixture => readFixture(`pca-${set}.json`);
/** |a − b| ≤ tol · max(|a|, |b|). */
function relClose(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));
}

describe('pca against scikit-learn PCA(n_components=2)', () => {
  for (const set of SETS) {
    it(`${set}: explained variance (and ratio) to 1e-9 relative, vectors and scores up to sign`, () => {
      const fx = kmeansFixture(set), ref = pcaFixture(set);
      const { n, d } = fx;
      const got = pca(Float64Array.from(fx.data), n, d, { components: 2 });
      for (let c = 0; c < 2; c++) {
        expect(relClose(got.explainedVariance[c], ref.explainedVariance[c], 1e-9)).toBe(true);
        expect(relClose(got.explainedVarianceRatio[c], ref.explainedVarianceRatio[c], 1e-9)).toBe(true);
        let dot = 0;
        for (let q = 0; q < d; q++) dot += got.components[c * d + q] * ref.componentVectors[c * d + q];
        const sign = Math.sign(dot);
        expect(Math.abs(dot)).toBeCloseTo(1, 9);
        const rows = ref.scoresHead.length / 2;
        for (let i = 0; i < rows; i++) expect(sign * got.scores[i * 2 + c]).toBeCloseTo(ref.scoresHead[i * 2 + c], 8);
      }
    });
  }
});

describe('pca', () => {
  it('finds the axis of a line and makes its largest entry positive', () => {
    const pts = Float64Array.from([0, 0, -1, -2, -2, -4, -3, -6]);
    const { components, explainedVariance, explainedVarianceRatio } = pca(pts, 4, 2, { components: 1 });
    expect(components[0]).toBeCloseTo(1 / Math.sqrt(5), 12);
    expect(components[1]).toBeCloseTo(2 / Math.sqrt(5), 12);
    expect(explainedVariance[0]).toBeCloseTo((5 * 5) / 3, 12); // var along the line: Σ t²·5 / 3 with t = 1.5, .5, −.5, −1.5
    expect(explainedVarianceRatio[0]).toBeCloseTo(1, 12);
  });

  it('checks its input', () => {
    const pts = Float64Array.from([0, 1, 2, 3]);
    expect(() => pca(pts, 2, 2, { components: 3 })).toThrow('components must be an integer in 1..2, got 3');
    expect(() => pca(pts, 1, 4)).toThrow('n must be at least 2 for a covariance, got 1');
  });
});
