import { normalSf } from '../stats/distributions.js';

/** z₀.₉₇₅: the 95% interval of an asymptotically normal estimate. */
export const Z_975 = 1.959963984540054;

/**
 * Tolerance below which a column is aliased: its part orthogonal to the earlier columns is
 * shorter than `ALIAS_TOL` times its own length (R's lm uses 1e-7 in its QR, dqrdc2).
 */
export const ALIAS_TOL = 1e-7;

export interface OlsHacOptions {
  /**
   * Truncation lag L of the Bartlett kernel (weights 1 − j/(L + 1)); null picks
   * ⌊4 (n/100)^(2/9)⌋, the Newey–West (1994) rule of thumb (Stock & Watson's textbook choice).
   */
  hacLag: number | null;
}

export const OLS_HAC_DEFAULTS: OlsHacOptions = { hacLag: null };

export interface OlsHacFit {
  n: number;
  /** Columns of X, and how many of them were kept (not aliased). */
  p: number;
  rank: number;
  /** Per column: estimate, HAC standard error, 95% interval and two-sided p; NaN for an aliased column. */
  coef: Float64Array;
  se: Float64Array;
  low: Float64Array;
  high: Float64Array;
  pValue: Float64Array;
  aliased: Uint8Array;
  hacLag: number;
  /** 1 − SSR/SST (centred: the design is assumed to hold an intercept) and its adjusted form. */
  r2: number;
  adjR2: number;
  residuals: Float64Array;
}

/** The Newey–West (1994) automatic truncation lag ⌊4 (n/100)^(2/9)⌋. */
export function neweyWestLag(n: number): number {
  return Math.floor(4 * Math.pow(n / 100, 2 / 9));
}

/**
 * Ordinary least squares of y on X (n × p, row-major, the intercept a column of ones) with
 * heteroskedasticity- and autocorrelation-consistent (HAC) standard errors — Newey, W. K. &
 * West, K. D. (1987), "A simple, positive semi-definite, heteroskedasticity and autocorrelation
 * consistent covariance matrix", Econometrica 55(3), 703–708. Daily sales are autocorrelated, so
 * the textbook OLS errors would be too small. With residuals e and u_t = x_t e_t:
 *   V = (X'X)⁻¹ S (X'X)⁻¹,  S = Γ₀ + Σ_{j=1..L} (1 − j/(L+1)) (Γ_j + Γ_j'),  Γ_j = Σ_t u_t u_{t−j}'
 * without small-sample factor (R: sandwich::NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE)).
 * Intervals are estimate ± z₀.₉₇₅·se (HAC inference is asymptotic). The fit is a QR by classical
 * Gram–Schmidt with one re-orthogonalisation (as stable as Householder); a column whose remainder
 * is below ALIAS_TOL of its length is aliased, gets NaN and stays out, as R's lm reports NA.
 */
export function olsHac(X: Float64Array, y: Float64Array, p: number, options: Partial<OlsHacOptions> = {}): OlsHacFit {
  const o: OlsHacOptions = { ...OLS_HAC_DEFAULTS, ...options };
  const n = y.length;
  if (!Number.isInteger(p) || p < 1) throw new RangeError(`p must be an integer ≥ 1, got ${p}`);
  if (X.length !== n * p) throw new RangeError(`X must hold n × p = ${n * p} values, got ${X.length}`);
  const L = o.hacLag ?? neweyWestLag(n);
  if (!Number.isInteger(L) || L < 0) throw new RangeError(`hacLag must be an integer ≥ 0, got ${L}`);
  // Q: kept orthonormal columns (column-major), R: upper triangle over kept columns.
  const kept: number[] = [];
  const Q: Float64Array[] = [];
  const R: number[][] = [];
  const aliased = new Uint8Array(p);
  for (let j = 0; j < p; j++) {
    const v = new Float64Array(n);
    let norm0 = 0;
    for (let t = 0; t < n; t++) {
      v[t] = X[t * p + j];
      norm0 += v[t] * v[t];
    }
    const r = new Array<number>(Q.length).fill(0);
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < Q.length; k++) {
        let d = 0;
        for (let t = 0; t < n; t++) d += Q[k][t] * v[t];
        r[k] += d;
        for (let t = 0; t < n; t++) v[t] -= d * Q[k][t];
      }
    }
    let norm = 0;
    for (let t = 0; t < n; t++) norm += v[t] * v[t];
    if (norm0 === 0 || Math.sqrt(norm) <= ALIAS_TOL * Math.sqrt(norm0) || Q.length >= n) {
      aliased[j] = 1;
      continue;
    }
    const s = Math.sqrt(norm);
    for (let t = 0; t < n; t++) v[t] /= s;
    r.push(s);
    R.push(r);
    Q.push(v);
    kept.push(j);
  }
  const k = kept.length;
  // β = R⁻¹ Q'y (R stored by columns: R[c][r] is row r of column c).
  const qy = Q.map((q) => q.reduce((s, qt, t) => s + qt * y[t], 0));
  const Rinv = upperInverse(R, k);
  const beta = new Float64Array(k);
  for (let r = 0; r < k; r++) for (let c = r; c < k; c++) beta[r] += Rinv[r * k + c] * qy[c];
  const residuals = new Float64Array(n);
  let ybar = 0;
  for (let t = 0; t < n; t++) ybar += y[t];
  ybar /= n;
  let ssr = 0, sst = 0;
  for (let t = 0; t < n; t++) {
    let fit = 0;
    for (let c = 0; c < k; c++) fit += X[t * p + kept[c]] * beta[c];
    residuals[t] = y[t] - fit;
    ssr += residuals[t] * residuals[t];
    sst += (y[t] - ybar) * (y[t] - ybar);
  }
  // Meat S over the kept columns: u_t = x_t e_t.
  const u = new Float64Array(n * k);
  for (let t = 0; t < n; t++) for (let c = 0; c < k; c++) u[t * k + c] = X[t * p + kept[c]] * residuals[t];
  const S = new Float64Array(k * k);
  for (let j = 0; j <= Math.min(L, n - 1); j++) {
    const w = j === 0 ? 1 : 1 - j / (L + 1);
    for (let t = j; t < n; t++) {
      for (let a = 0; a < k; a++) {
        const ua = u[t * k + a] * w;
        if (ua === 0) continue;
        for (let b = 0; b < k; b++) {
          const g = ua * u[(t - j) * k + b];
          S[a * k + b] += g;
          if (j > 0) S[b * k + a] += g;
        }
      }
    }
  }
  // (X'X)⁻¹ = R⁻¹ R⁻ᵀ; V = B S B.
  const B = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
    let s = 0;
    for (let c = Math.max(a, b); c < k; c++) s += Rinv[a * k + c] * Rinv[b * k + c];
    B[a * k + b] = s;
  }
  const BS = matMul(B, S, k);
  const V = matMul(BS, B, k);
  const out = { coef: new Float64Array(p).fill(NaN), se: new Float64Array(p).fill(NaN), low: new Float64Array(p).fill(NaN), high: new Float64Array(p).fill(NaN), pValue: new Float64Array(p).fill(NaN) };
  kept.forEach((j, c) => {
    const se = Math.sqrt(Math.max(0, V[c * k + c]));
    out.coef[j] = beta[c];
    out.se[j] = se;
    out.low[j] = beta[c] - Z_975 * se;
    out.high[j] = beta[c] + Z_975 * se;
    out.pValue[j] = se > 0 ? 2 * normalSf(Math.abs(beta[c] / se)) : NaN;
  });
  const r2 = sst > 0 ? 1 - ssr / sst : NaN;
  const adjR2 = n > k ? 1 - (1 - r2) * (n - 1) / (n - k) : NaN;
  return { n, p, rank: k, ...out, aliased, hacLag: L, r2, adjR2, residuals };
}

/** Inverse of an upper-triangular k × k matrix given by columns (R[c][r], r ≤ c), row-major out. */
function upperInverse(R: number[][], k: number): Float64Array {
  const inv = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    inv[c * k + c] = 1 / R[c][c];
    for (let r = c - 1; r >= 0; r--) {
      let s = 0;
      for (let m = r + 1; m <= c; m++) s += R[m][r] * inv[m * k + c];
      inv[r * k + c] = -s / R[r][r];
    }
  }
  return inv;
}

function matMul(A: Float64Array, B: Float64Array, k: number): Float64Array {
  const C = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let m = 0; m < k; m++) {
    const a = A[i * k + m];
    if (a === 0) continue;
    for (let j = 0; j < k; j++) C[i * k + j] += a * B[m * k + j];
  }
  return C;
}
