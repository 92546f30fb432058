import { describe, expect, it } from 'vitest';
import { chooseLambda, DEFAULT_LAMBDAS, ease, gTopFreq } from '../../../../core/analysis/recommend/baselines.js';
import { choleskyInPlace, easeWeights } from '../../../../core/analysis/recommend/ease.js';
import { createRandom } from '../../../../core/analysis/common/random.js';
import { list, training } from './fixtures.js';

/** Inverse by Gauss–Jordan elimination with partial pivoting (independent of the Cholesky path). */
function gaussJordanInverse(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c];
      if (f !== 0) for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row) => row.slice(n));
}

/** A random binary customer × item matrix (each customer buys ≥ 1 item). */
function randomX(seed: number, U: number, P: number, density: number): number[][] {
  const rnd = createRandom(seed);
  return Array.from({ length: U }, () => {
    const row = Array.from({ length: P }, () => (rnd.next() < density ? 1 : 0));
    if (!row.some(Boolean)) row[rnd.int(P)] = 1;
    return row;
  });
}

const U = 40, P = 12;
const X = randomX(7, U, P, 0.3);
const codes = Array.from({ length: P }, (_, j) => `I${String(j).padStart(2, '0')}`);
// One receipt per customer, so receipts = customers and G = XᵀX.
const train = training(codes, U, X.map((row, u) => [u, row.flatMap((x, j) => (x ? [j] : []))] as [number, number[]]));

/** B from the definition: P = (XᵀX + λI)⁻¹ by Gauss–Jordan, B_ij = −P_ij / P_jj, B_ii = 0. */
function directB(lambda: number): number[][] {
  const G = Array.from({ length: P }, (_, i) => Array.from({ length: P }, (_, j) => X.reduce((s, row) => s + row[i] * row[j], 0) + (i === j ? lambda : 0)));
  const inv = gaussJordanInverse(G);
  return inv.map((row, i) => row.map((v, j) => (i === j ? 0 : -v / inv[j][j])));
}

describe('EASE (Steck 2019) against a direct matrix solution', () => {
  it('matches B = I − P·diag(1/diag P) computed by Gauss–Jordan, with diag(B) = 0', () => {
    for (const lambda of [1, 50, 500]) {
      const model = ease({ lambda, maxItems: P });
      model.fit(train);
      const B = directB(lambda);
      const items = model.items; // model column a ↔ product items[a]
      expect(items.length).toBe(P);
      const n = items.length;
      let maxErr = 0;
      for (let a = 0; a < n; a++) {
        expect(model.weights[a * n + a]).toBe(0);
        for (let b = 0; b < n; b++) maxErr = Math.max(maxErr, Math.abs(model.weights[a * n + b] - B[items[a]][items[b]]));
      }
      expect(maxErr).toBeLessThanOrEqual(1e-9);
    }
  });

  it('easeWeights matches the direct solution for odd and even sizes', () => {
    for (const n of [1, 2, 7, 11]) {
      const G = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => X.reduce((s, row) => s + row[i] * row[j], 0)));
      const inv = gaussJordanInverse(G.map((row, i) => row.map((v, j) => v + (i === j ? 3 : 0))));
      const B = easeWeights(Float64Array.from(G.flat()), n, 3);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        expect(Math.abs(B[i * n + j] - (i === j ? 0 : -inv[i][j] / inv[j][j]))).toBeLessThanOrEqual(1e-12);
      }
    }
  });

  it('scores x_u·B and ranks by them, ties by code', () => {
    const lambda = 20;
    const model = ease({ lambda, maxItems: P });
    model.fit(train);
    const B = directB(lambda);
    for (const u of [0, 7, 39]) {
      const direct = Array.from({ length: P }, (_, j) => X[u].reduce((s, x, i) => s + x * B[i][j], 0));
      const s = model.scores(u);
      model.items.forEach((p, a) => expect(Math.abs(s[a] - direct[p])).toBeLessThanOrEqual(1e-9));
      const expected = Array.from({ length: P }, (_, j) => j).sort((i, j) => direct[j] - direct[i] || (codes[i] < codes[j] ? -1 : 1));
      // Compare where scores are clearly separated (float noise can swap exact ties).
      const got = list(model.recommend(u, P));
      for (let r = 0; r < P; r++) if (r === 0 || direct[expected[r - 1]] - direct[expected[r]] > 1e-9) expect(direct[got[r]]).toBeCloseTo(direct[expected[r]], 9);
    }
    const excl = new Set(list(model.recommend(0, 3)));
    expect(list(model.recommend(0, 5, excl)).some((p) => excl.has(p))).toBe(false);
  });

  it('with λ → ∞, λ·score_j → Σ_{i ∈ history, i ≠ j} G_ij and the order approaches popularity', () => {
    // Every customer buys exactly 3 of 10 items; one more customer bought all 10. Then
    // Σ_{i≠j} G_ij = 2·n_j + 9 (n_j = buyers among the 40): popularity order for the last customer.
    const rnd = createRandom(3);
    const rows: number[][] = Array.from({ length: 40 }, () => {
      const row = new Array(10).fill(0);
      let k = 0;
      while (k < 3) { const j = Math.floor(rnd.next() ** 2 * 10); if (!row[j]) { row[j] = 1; k++; } }
      return row;
    });
    rows.push(new Array(10).fill(1));
    const cs = Array.from({ length: 10 }, (_, j) => `C${j}`);
    const t = training(cs, rows.length, rows.map((row, u) => [u, row.flatMap((x, j) => (x ? [j] : []))] as [number, number[]]));
    const lambda = 1e7;
    const model = ease({ lambda, maxItems: 10 });
    model.fit(t);
    const s = model.scores(40);
    const pop = Array.from({ length: 10 }, (_, j) => rows.reduce((a, row) => a + row[j], 0));
    const co = Array.from({ length: 10 }, (_, j) => rows.reduce((a, row) => a + row[j] * (row.reduce((x, y) => x + y, 0) - 1), 0));
    model.items.forEach((p, a) => expect(Math.abs(lambda * s[a] - co[p]) / co[p]).toBeLessThan(1e-3));
    const g = gTopFreq();
    g.fit(t);
    const got = list(model.recommend(40, 10));
    // Same order as g-topfreq wherever popularity differs.
    for (let r = 1; r < 10; r++) expect(pop[got[r - 1]]).toBeGreaterThanOrEqual(pop[got[r]]);
    expect(new Set(got.slice(0, 1))).toEqual(new Set([g.order[0]]));
  });

  it('restricts to the maxItems most popular products', () => {
    const model = ease({ lambda: 10, maxItems: 5 });
    model.fit(train);
    const g = gTopFreq();
    g.fit(train);
    expect(list(model.items)).toEqual(list(g.order).slice(0, 5));
    for (let u = 0; u < U; u++) for (const p of model.recommend(u, 10)) expect(list(model.items)).toContain(p);
    expect(model.recommend(0, 10).length).toBe(5);
    expect(model.reason!(0, g.order[11])).toMatch('not modelled');
    expect(() => ease({ lambda: 0 })).toThrow('lambda');
    expect(() => ease({ maxItems: 0 })).toThrow('maxItems');
  });

  it('the Cholesky factor refuses a matrix that is not positive definite', () => {
    expect(() => choleskyInPlace(Float64Array.from([1, 2, 2, 1]), 2)).toThrow('not positive definite');
    const L = Float64Array.from([4, 2, 2, 3]);
    choleskyInPlace(L, 2);
    expect(Array.from(L)).toEqual([2, 0, 1, Math.SQRT2]);
    // 1×1: G = [3], λ = 1 → P = [1/4], B = [0].
    expect(Array.from(easeWeights(Float64Array.from([3]), 1, 1))).toEqual([0]);
  });
});

describe('chooseLambda', () => {
  it('returns the best-scoring λ (first on ties) and every score', () => {
    const seen: number[] = [];
    const r = chooseLambda(DEFAULT_LAMBDAS, (l) => { seen.push(l); return l === 200 || l === 500 ? 0.3 : 0.1; });
    expect(seen).toEqual([50, 100, 200, 500, 1000]);
    expect(r.lambda).toBe(200);
    expect(r.scores.map((x) => x.score)).toEqual([0.1, 0.1, 0.3, 0.3, 0.1]);
    expect(chooseLambda([10, 20], (l) => (l === 10 ? NaN : 0)).lambda).toBe(20);
    expect(() => chooseLambda([], () => 0)).toThrow('at least one');
    expect(() => chooseLambda([1], () => NaN)).toThrow('NaN');
  });
});
