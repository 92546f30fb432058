/**
 * The row-by-row EASE kernels as they were before issue #16 (core/analysis/recommend/ease.ts now
 * treats two rows at a time): the reference ease-blocked.test.ts compares the blocked kernels with,
 * bit for bit. Not used by the app.
 */

/**
 * Cholesky factor of the symmetric positive-definite n×n row-major matrix `a`, in place: on return
 * the lower triangle (with diagonal) holds L with a = L·Lᵀ; the strict upper triangle is zeroed.
 * Throws when `a` is not positive definite.
 */
export function choleskyInPlace(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      // Dot product of rows i and j with four partial sums (shorter dependency chains).
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, k = 0;
      for (; k + 3 < j; k += 4) {
        s0 += a[ri + k] * a[rj + k];
        s1 += a[ri + k + 1] * a[rj + k + 1];
        s2 += a[ri + k + 2] * a[rj + k + 2];
        s3 += a[ri + k + 3] * a[rj + k + 3];
      }
      for (; k < j; k++) s0 += a[ri + k] * a[rj + k];
      const s = a[ri + j] - (s0 + s1 + s2 + s3);
      if (j === i) {
        if (!(s > 0)) throw new RangeError(`matrix is not positive definite (pivot ${i} = ${s})`);
        a[ri + i] = Math.sqrt(s);
      } else {
        a[ri + j] = s / a[rj + j];
      }
    }
    for (let j = i + 1; j < n; j++) a[ri + j] = 0;
  }
}

/**
 * Inverse of the lower-triangular n×n row-major `l`, in place (row i of L⁻¹ from rows 0..i−1:
 * M_i = (e_i − Σ_{k<i} L_ik M_k) / L_ii). The strict upper triangle must be zero (as choleskyInPlace
 * leaves it). `work` is scratch of length ≥ n.
 */
export function invertLowerInPlace(l: Float64Array, n: number, work = new Float64Array(n)): void {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let k = 0; k < i; k++) { work[k] = l[ri + k]; l[ri + k] = 0; }
    const d = l[ri + i];
    // Two rows of M per pass (half the stores); M_k is zero beyond column k.
    let k = 0;
    for (; k + 1 < i; k += 2) {
      const c0 = work[k], c1 = work[k + 1];
      const r0 = k * n, r1 = r0 + n;
      for (let j = 0; j <= k + 1; j++) l[ri + j] -= c0 * l[r0 + j] + c1 * l[r1 + j];
    }
    if (k < i) {
      const c = work[k], rk = k * n;
      for (let j = 0; j <= k; j++) l[ri + j] -= c * l[rk + j];
    }
    const inv = 1 / d;
    for (let j = 0; j < i; j++) l[ri + j] *= inv;
    l[ri + i] = inv;
  }
}

/**
 * EASE item–item weights B (n×n row-major) from the Gram matrix `gram` = XᵀX (n×n row-major, not
 * modified) and λ > 0. Score of item j for a user row x: Σ_i x_i B_ij.
 */
export function easeWeights(gram: Float64Array, n: number, lambda: number): Float64Array {
  if (!(lambda > 0) || !Number.isFinite(lambda)) throw new RangeError(`lambda must be a positive finite number, got ${lambda}`);
  if (gram.length !== n * n) throw new RangeError(`gram must be ${n}×${n}`);
  const m = Float64Array.from(gram);
  for (let i = 0; i < n; i++) m[i * n + i] += lambda;
  choleskyInPlace(m, n);
  invertLowerInPlace(m, n);
  // P = Mᵀ M = Σ_k outer(M_k, M_k) over the rows k of M (row k non-zero in 0..k): lower triangle.
  const p = new Float64Array(n * n);
  // Two rows of M per pass (half the stores); M_k is zero beyond column k.
  let k = 0;
  for (; k + 1 < n; k += 2) {
    const r0 = k * n, r1 = r0 + n;
    for (let i = 0; i <= k + 1; i++) {
      const c0 = m[r0 + i], c1 = m[r1 + i];
      const ri = i * n;
      for (let j = 0; j <= i; j++) p[ri + j] += c0 * m[r0 + j] + c1 * m[r1 + j];
    }
  }
  if (k < n) {
    const rk = k * n;
    for (let i = 0; i <= k; i++) {
      const c = m[rk + i];
      const ri = i * n;
      for (let j = 0; j <= i; j++) p[ri + j] += c * m[rk + j];
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) p[j * n + i] = p[i * n + j];
  // B_ij = −P_ij / P_jj, B_ii = 0 (in place over P).
  const diag = new Float64Array(n);
  for (let j = 0; j < n; j++) diag[j] = p[j * n + j];
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j < n; j++) p[ri + j] = -p[ri + j] / diag[j];
    p[ri + i] = 0;
  }
  return p;
}
