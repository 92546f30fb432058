import { beforeAll, describe, expect, it } from 'vitest';
import type * as TF from '@tensorflow/tfjs-core';
import { sparsemax, sparsemaxRows } from '../../../core/analysis/tabnet/sparsemax.js';
import { tf } from '../../../core/analysis/recommend/tf-runtime.js';
import { tfWasmReady } from '../../../core/jobs/recommend/tf-wasm.js';

/**
 * The Euclidean projection of z onto the probability simplex by brute force: for every non-empty
 * support S the only candidate is p_S = z_S − τ with τ = (Σ_S z − 1)/|S| (zero elsewhere); of the
 * candidates inside the simplex (p_S ≥ 0) the nearest to z is the projection.
 */
function bruteProjection(z: number[]): number[] {
  const n = z.length;
  let best: number[] = [], bestDist = Infinity;
  for (let mask = 1; mask < 1 << n; mask++) {
    let sum = 0, size = 0;
    for (let j = 0; j < n; j++) if (mask & (1 << j)) { sum += z[j]; size++; }
    const tau = (sum - 1) / size;
    const p = z.map((v, j) => (mask & (1 << j) ? v - tau : 0));
    if (p.some((v) => v < -1e-12)) continue;
    const dist = p.reduce((s, v, j) => s + (v - z[j]) ** 2, 0);
    if (dist < bestDist) { bestDist = dist; best = p; }
  }
  return best;
}

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

describe('sparsemax (Martins & Astudillo 2016)', () => {
  it('equals the brute-force projection onto the simplex, sums to 1 and is non-negative', () => {
    const u = lcg(11);
    for (let t = 0; t < 400; t++) {
      const n = 1 + (t % 8);
      const scale = [0.1, 1, 5, 50][t % 4];
      const z = Array.from({ length: n }, () => (u() - 0.5) * 2 * scale);
      const p = sparsemax(z);
      const q = bruteProjection(z);
      for (let j = 0; j < n; j++) expect(p[j]).toBeCloseTo(q[j], 10);
      expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      for (const v of p) expect(v).toBeGreaterThanOrEqual(0);
    }
  });

  it('is sparse where softmax is not, uniform on ties, and shift-invariant', () => {
    expect(Array.from(sparsemax([3, 0, -1]))).toEqual([1, 0, 0]);
    const p = sparsemax([1.2, 1, -2, 0.1]);
    expect(p[2]).toBe(0);
    expect(p[3]).toBe(0);
    expect(p[0]).toBeCloseTo(0.6, 12);
    expect(p[1]).toBeCloseTo(0.4, 12);
    for (const v of sparsemax([0.5, 0.5, 0.5, 0.5])) expect(v).toBeCloseTo(0.25, 12);
    const a = sparsemax([0.3, -0.2, 0.9]), b = sparsemax([100.3, 99.8, 100.9]);
    for (let j = 0; j < 3; j++) expect(a[j]).toBeCloseTo(b[j], 10);
  });
});

describe('sparsemaxRows (TensorFlow.js op)', () => {
  beforeAll(async () => {
    await tfWasmReady();
  });

  it('matches the scalar function row by row', () => {
    const z = [[0.1, 2, -1, 0.4], [1, 1, 1, 1], [-3, 0.2, 0.25, 0.1]];
    const out = tf.tidy(() => sparsemaxRows(tf.tensor2d(z)).arraySync());
    z.forEach((row, r) => {
      const want = sparsemax(row);
      row.forEach((_, j) => expect(out[r][j]).toBeCloseTo(want[j], 6));
    });
  });

  it('has the Jacobian of the projection (finite differences)', () => {
    // L(z) = Σ w ⊙ sparsemax(z); compare tf.grad with central differences of the scalar function.
    const z = [[0.3, 0.9, -0.4, 0.5, 0.1], [1.5, -1, 0.2, 1.1, 0.05]];
    const w = [[0.7, -1.2, 0.4, 2, -0.3], [0.1, 0.5, -0.8, 1.3, 0.9]];
    const grad = tf.tidy(() => tf.grad((x: TF.Tensor) => tf.sum(tf.mul(sparsemaxRows(x as TF.Tensor2D), tf.tensor2d(w))))(tf.tensor2d(z)).arraySync() as number[][]);
    const h = 1e-6;
    z.forEach((row, r) => {
      row.forEach((_, j) => {
        const plus = [...row], minus = [...row];
        plus[j] += h;
        minus[j] -= h;
        const lp = sparsemax(plus).reduce((s, v, k) => s + v * w[r][k], 0);
        const lm = sparsemax(minus).reduce((s, v, k) => s + v * w[r][k], 0);
        expect(grad[r][j]).toBeCloseTo((lp - lm) / (2 * h), 4);
      });
    });
  });
});
