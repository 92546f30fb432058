/**
 * The dense linear algebra of EASE (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse
 * Data", WWW '19, eq. 8): with G = XᵀX + λI and P = G⁻¹, the closed-form weights are
 * B = I − P·diag(1/diag(P)), i.e. B_ij = −P_ij / P_jj for i ≠ j and B_ii = 0.
 *
 * G is symmetric positive definite for λ > 0, so P is obtained by a Cholesky factorisation
 * G = L·Lᵀ, the in-place inverse M = L⁻¹ and P = Mᵀ·M (as LAPACK dpotrf + dtrtri + dlauum do),
 * all in row-major Float64Array with row-contiguous inner loops: about n³/3 + n³/6 + n³/6 flops.
 *
 * Each kernel treats two rows of its output together, so a row it reads is read once for both
 * (issue #16: half the memory traffic, 5.7 → 3.5 s CPU for n = 1,933). Every entry is still
 * computed by exactly the same operations in the same order as one row at a time, so the weights
 * are bit-identical to the row-by-row version (test/unit/analysis/recommend/ease-blocked.test.ts
 * keeps that version and compares).
 */

/**
 * Cholesky factor of the symmetric positive-definite n×n row-major matrix `a`, in place: on return
 * the lower triangle (with diagonal) holds L with a = L·Lᵀ; the strict upper triangle is zeroed.
 * Throws when `a` is not positive definite.
 */
export function choleskyInPlace(a: Float64Array, n: number): void {
  let i = 0;
  // Rows i and i + 1 over the columns j < i: row j is read once for both entries.
  for (; i + 1 < n; i += 2) {
    const ri = i * n, ri1 = ri + n;
    for (let j = 0; j < i; j++) {
      const rj = j * n;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0, k = 0;
      for (; k + 3 < j; k += 4) {
        const b0 = a[rj + k], b1 = a[rj + k + 1], b2 = a[rj + k + 2], b3 = a[rj + k + 3];
        s0 += a[ri + k] * b0;
        s1 += a[ri + k + 1] * b1;
        s2 += a[ri + k + 2] * b2;
        s3 += a[ri + k + 3] * b3;
        t0 += a[ri1 + k] * b0;
        t1 += a[ri1 + k + 1] * b1;
        t2 += a[ri1 + k + 2] * b2;
        t3 += a[ri1 + k + 3] * b3;
      }
      for (; k < j; k++) { s0 += a[ri + k] * a[rj + k]; t0 += a[ri1 + k] * a[rj + k]; }
      const d = a[rj + j];
      a[ri + j] = (a[ri + j] - (s0 + s1 + s2 + s3)) / d;
      a[ri1 + j] = (a[ri1 + j] - (t0 + t1 + t2 + t3)) / d;
    }
    choleskyRowFrom(a, n, i, i);
    choleskyRowFrom(a, n, i + 1, i);
  }
  for (; i < n; i++) choleskyRowFrom(a, n, i, 0);
}

/** Row i of the Cholesky factor from column j0 on (columns below j0 done), and its strict upper part zeroed. */
function choleskyRowFrom(a: Float64Array, n: number, i: number, j0: number): void {
  const ri = i * n;
  for (let j = j0; j <= i; j++) {
    const rj = j * n;
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

/**
 * Inverse of the lower-triangular n×n row-major `l`, in place (row i of L⁻¹ from rows 0..i−1:
 * M_i = (e_i − Σ_{k<i} L_ik M_k) / L_ii). The strict upper triangle must be zero (as choleskyInPlace
 * leaves it). `work` is scratch of length ≥ 2n.
 */
export function invertLowerInPlace(l: Float64Array, n: number, work = new Float64Array(2 * n)): void {
  if (work.length < 2 * n) work = new Float64Array(2 * n);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    // Rows i (even) and i + 1 share the pairs (k, k + 1) with k + 1 < i: one pass over those rows of M.
    const ri = i * n, ri1 = ri + n;
    for (let k = 0; k < i; k++) { work[k] = l[ri + k]; l[ri + k] = 0; }
    for (let k = 0; k < i + 1; k++) { work[n + k] = l[ri1 + k]; l[ri1 + k] = 0; }
    let k = 0;
    for (; k + 1 < i; k += 2) {
      const c0 = work[k], c1 = work[k + 1], e0 = work[n + k], e1 = work[n + k + 1];
      const r0 = k * n, r1 = r0 + n;
      for (let j = 0; j <= k + 1; j++) {
        const m0 = l[r0 + j], m1 = l[r1 + j];
        l[ri + j] -= c0 * m0 + c1 * m1;
        l[ri1 + j] -= e0 * m0 + e1 * m1;
      }
    }
    // Row i (even) has no single step left; scale it.
    finishInverseRow(l, i, ri);
    // Row i + 1: the single k = i (i + 1 odd), then scale.
    {
      const c = work[n + i], rk = i * n;
      for (let j = 0; j <= i; j++) l[ri1 + j] -= c * l[rk + j];
    }
    finishInverseRow(l, i + 1, ri1);
  }
  for (; i < n; i++) {
    const ri = i * n;
    for (let k = 0; k < i; k++) { work[k] = l[ri + k]; l[ri + k] = 0; }
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
    finishInverseRow(l, i, ri);
  }
}

/** Divides row i of M by L_ii (the diagonal entry, still in place) and sets its diagonal to 1 / L_ii. */
function finishInverseRow(l: Float64Array, i: number, ri: number): void {
  const inv = 1 / l[ri + i];
  for (let j = 0; j < i; j++) l[ri + j] *= inv;
  l[ri + i] = inv;
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
  const p = gramOfLower(m, n);
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

/**
 * The lower triangle of P = Mᵀ·M for lower-triangular M: P_ij = Σ_k M_ki·M_kj, summed over the
 * rows k of M in pairs (k, k + 1) ascending, then the last row alone when n is odd.
 */
function gramOfLower(m: Float64Array, n: number): Float64Array {
  const p = new Float64Array(n * n);
  const last = n % 2 === 1 ? n - 1 : -1;
  // Row i of P takes the pairs (k, k+1) with k + 1 ≥ i; rows i (even) and i + 1 take the same pairs.
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const ri = i * n, ri1 = ri + n;
    for (let k = i; k + 1 < n; k += 2) {
      const r0 = k * n, r1 = r0 + n;
      const c0 = m[r0 + i], c1 = m[r1 + i], e0 = m[r0 + i + 1], e1 = m[r1 + i + 1];
      for (let j = 0; j <= i; j++) {
        const m0 = m[r0 + j], m1 = m[r1 + j];
        p[ri + j] += c0 * m0 + c1 * m1;
        p[ri1 + j] += e0 * m0 + e1 * m1;
      }
      p[ri1 + i + 1] += e0 * m[r0 + i + 1] + e1 * m[r1 + i + 1];
    }
    if (last >= 0) {
      const rk = last * n, c = m[rk + i], e = m[rk + i + 1];
      for (let j = 0; j <= i; j++) { p[ri + j] += c * m[rk + j]; p[ri1 + j] += e * m[rk + j]; }
      p[ri1 + i + 1] += e * m[rk + i + 1];
    }
  }
  if (i < n) {
    // i = n − 1 (n odd): only the last row of M reaches it.
    const ri = i * n, rk = last * n, c = m[rk + i];
    for (let j = 0; j <= i; j++) p[ri + j] += c * m[rk + j];
  }
  return p;
}
