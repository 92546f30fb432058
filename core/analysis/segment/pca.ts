import { checkMatrix } from './kmeans/check.js';

export interface PcaOptions {
  /** Number of principal components, an integer in 1..min(n, d). */
  components?: number;
}

export const PCA_DEFAULTS: Required<PcaOptions> = { components: 2 };

export interface PcaResult {
  /** Row-major n×m projections of the centred data on the components. */
  scores: Float64Array;
  /** Row-major m×d unit component vectors, by decreasing variance. */
  components: Float64Array;
  /** Variance along each component (eigenvalues of the covariance with divisor n − 1). */
  explainedVariance: Float64Array;
  /** explainedVariance / total variance (the trace of the covariance). */
  explainedVarianceRatio: Float64Array;
}

/**
 * Principal component analysis as `sklearn.decomposition.PCA(n_components=m)`: centre the
 * columns, form the covariance C = XcᵀXc / (n − 1), and take its leading eigenpairs. The
 * symmetric eigen-decomposition is cyclic Jacobi (Golub & Van Loan, "Matrix Computations",
 * §8.5): plane rotations zero each off-diagonal entry in turn until the off-diagonal mass is
 * below 1e-30 of ‖C‖²_F (≤ 100 sweeps); accurate to rounding for the d ≤ a few hundred
 * features used here. Sign convention: the entry of largest magnitude in each component is
 * positive (scikit-learn ≥ 1.5's `svd_flip(u_based_decision=False)`; older releases, such as
 * Debian's 1.2, flip by the scores instead, so components and scores agree up to sign).
 */
export function pca(data: Float64Array, n: number, d: number, options: PcaOptions = {}): PcaResult {
  const { components: m } = { ...PCA_DEFAULTS, ...options };
  checkMatrix(data, n, d);
  if (n < 2) throw new RangeError(`n must be at least 2 for a covariance, got ${n}`);
  const maxM = Math.min(n, d);
  if (!(Number.isInteger(m) && m >= 1 && m <= maxM)) throw new RangeError(`components must be an integer in 1..${maxM}, got ${m}`);

  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let q = 0; q < d; q++) mean[q] += data[i * d + q];
  for (let q = 0; q < d; q++) mean[q] /= n;
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let q = 0; q < d; q++) row[q] = data[i * d + q] - mean[q];
    for (let p = 0; p < d; p++) for (let q = p; q < d; q++) cov[p * d + q] += row[p] * row[q];
  }
  for (let p = 0; p < d; p++) for (let q = p; q < d; q++) cov[q * d + p] = cov[p * d + q] /= n - 1;
  let trace = 0;
  for (let p = 0; p < d; p++) trace += cov[p * d + p];

  const vectors = jacobiEigen(cov, d);
  const order = Array.from({ length: d }, (_, i) => i).sort((a, b) => cov[b * d + b] - cov[a * d + a] || a - b);
  const components = new Float64Array(m * d);
  const explainedVariance = new Float64Array(m), explainedVarianceRatio = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    const e = order[c];
    let big = 0;
    for (let q = 0; q < d; q++) if (Math.abs(vectors[q * d + e]) > Math.abs(big)) big = vectors[q * d + e];
    const sign = big < 0 ? -1 : 1;
    for (let q = 0; q < d; q++) components[c * d + q] = sign * vectors[q * d + e];
    explainedVariance[c] = cov[e * d + e];
    explainedVarianceRatio[c] = trace === 0 ? 0 : cov[e * d + e] / trace;
  }
  const scores = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < m; c++) {
      let s = 0;
      for (let q = 0; q < d; q++) s += (data[i * d + q] - mean[q]) * components[c * d + q];
      scores[i * m + c] = s;
    }
  }
  return { scores, components, explainedVariance, explainedVarianceRatio };
}

/**
 * Diagonalises the symmetric d×d `a` in place (eigenvalues end on its diagonal) and returns
 * the eigenvectors as the columns of a row-major d×d matrix.
 */
function jacobiEigen(a: Float64Array, d: number): Float64Array {
  const v = new Float64Array(d * d);
  for (let p = 0; p < d; p++) v[p * d + p] = 1;
  let norm = 0;
  for (let i = 0; i < d * d; i++) norm += a[i] * a[i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += 2 * a[p * d + q] ** 2;
    if (off <= 1e-30 * norm) break;
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q];
        if (apq === 0) continue;
        // tan φ of the rotation that zeroes a_pq: t² + 2θt − 1 = 0, the smaller root.
        const theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let r = 0; r < d; r++) {
          const arp = a[r * d + p], arq = a[r * d + q];
          a[r * d + p] = c * arp - s * arq;
          a[r * d + q] = s * arp + c * arq;
        }
        for (let r = 0; r < d; r++) {
          const apr = a[p * d + r], aqr = a[q * d + r];
          a[p * d + r] = c * apr - s * aqr;
          a[q * d + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < d; r++) {
          const vrp = v[r * d + p], vrq = v[r * d + q];
          v[r * d + p] = c * vrp - s * vrq;
          v[r * d + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  return v;
}
