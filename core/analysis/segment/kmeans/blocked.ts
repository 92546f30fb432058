/**
 * Distances from many rows to many centres at once, as scikit-learn's lloyd computes them:
 * ‖x − c‖² = ‖x‖² + ‖c‖² − 2 x·c with precomputed squared norms, the dot products register-blocked
 * (three rows × four centres share every load), ~3× the speed of summing (x − c)² one pair at a
 * time here. The expansion is not exact: |expanded − direct| ≤ normErr(d)·(‖x‖² + ‖c‖²) bounds the
 * rounding of both forms (dot product and norms: γ_{d+2}·(‖x‖ + ‖c‖)² ≤ 2γ_{d+2}·(‖x‖² + ‖c‖²);
 * the direct sum: γ_d·‖x − c‖², at most as much again), with a factor ≥ 4 to spare; callers decide
 * with it what is certain and recompute the rest as direct sums. Also used by dbscan's eps search.
 */

/** The relative bound of the expansion's rounding for d-wide rows (see the module comment). */
export function normErr(d: number): number {
  return (d + 8) * 2 ** -49;
}

/** Squared norm of every row of a row-major n×d matrix. */
export function rowNorms(data: Float64Array, n: number, d: number, out: Float64Array = new Float64Array(n)): Float64Array {
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let s0 = 0, s1 = 0;
    let q = 0;
    for (; q + 2 <= d; q += 2) {
      const a = data[o + q], b = data[o + q + 1];
      s0 += a * a;
      s1 += b * b;
    }
    if (q < d) s0 += data[o + q] * data[o + q];
    out[i] = s0 + s1;
  }
  return out;
}

/**
 * dots[r·k + j] = x_{rows[from + r]} · c_j for r in 0..m−1: row indices into `data` come from
 * `rows`, so the rows need not be contiguous. `dots` holds at least m·k values. Three rows × four
 * centres per inner loop (12 accumulators: the most that stay in registers; 2×4 was 10 % slower).
 */
export function dotBlock(data: Float64Array, rows: Int32Array, from: number, m: number, d: number, centers: Float64Array, k: number, dots: Float64Array): void {
  let r = 0;
  for (; r + 3 <= m; r += 3) {
    const a = rows[from + r] * d, b = rows[from + r + 1] * d, e = rows[from + r + 2] * d;
    const o0 = r * k, o1 = o0 + k, o2 = o1 + k;
    let j = 0;
    for (; j + 4 <= k; j += 4) {
      const c0 = j * d, c1 = c0 + d, c2 = c1 + d, c3 = c2 + d;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s20 = 0, s21 = 0, s22 = 0, s23 = 0;
      for (let q = 0; q < d; q++) {
        const x0 = data[a + q], x1 = data[b + q], x2 = data[e + q];
        let c = centers[c0 + q];
        s00 += x0 * c; s10 += x1 * c; s20 += x2 * c;
        c = centers[c1 + q];
        s01 += x0 * c; s11 += x1 * c; s21 += x2 * c;
        c = centers[c2 + q];
        s02 += x0 * c; s12 += x1 * c; s22 += x2 * c;
        c = centers[c3 + q];
        s03 += x0 * c; s13 += x1 * c; s23 += x2 * c;
      }
      dots[o0 + j] = s00; dots[o0 + j + 1] = s01; dots[o0 + j + 2] = s02; dots[o0 + j + 3] = s03;
      dots[o1 + j] = s10; dots[o1 + j + 1] = s11; dots[o1 + j + 2] = s12; dots[o1 + j + 3] = s13;
      dots[o2 + j] = s20; dots[o2 + j + 1] = s21; dots[o2 + j + 2] = s22; dots[o2 + j + 3] = s23;
    }
    if (j + 2 <= k) {
      const c0 = j * d, c1 = c0 + d;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0;
      for (let q = 0; q < d; q++) {
        const x0 = data[a + q], x1 = data[b + q], x2 = data[e + q];
        let c = centers[c0 + q];
        s00 += x0 * c; s10 += x1 * c; s20 += x2 * c;
        c = centers[c1 + q];
        s01 += x0 * c; s11 += x1 * c; s21 += x2 * c;
      }
      dots[o0 + j] = s00; dots[o0 + j + 1] = s01;
      dots[o1 + j] = s10; dots[o1 + j + 1] = s11;
      dots[o2 + j] = s20; dots[o2 + j + 1] = s21;
      j += 2;
    }
    for (; j < k; j++) {
      const c0 = j * d;
      let s0 = 0, s1 = 0, s2 = 0;
      for (let q = 0; q < d; q++) {
        const c = centers[c0 + q];
        s0 += data[a + q] * c;
        s1 += data[b + q] * c;
        s2 += data[e + q] * c;
      }
      dots[o0 + j] = s0;
      dots[o1 + j] = s1;
      dots[o2 + j] = s2;
    }
  }
  for (; r < m; r++) {
    const a = rows[from + r] * d, o = r * k;
    let j = 0;
    for (; j + 4 <= k; j += 4) {
      const c0 = j * d, c1 = c0 + d, c2 = c1 + d, c3 = c2 + d;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let q = 0; q < d; q++) {
        const x = data[a + q];
        s0 += x * centers[c0 + q];
        s1 += x * centers[c1 + q];
        s2 += x * centers[c2 + q];
        s3 += x * centers[c3 + q];
      }
      dots[o + j] = s0; dots[o + j + 1] = s1; dots[o + j + 2] = s2; dots[o + j + 3] = s3;
    }
    for (; j < k; j++) {
      const c0 = j * d;
      let s0 = 0, s1 = 0;
      let q = 0;
      for (; q + 2 <= d; q += 2) {
        s0 += data[a + q] * centers[c0 + q];
        s1 += data[a + q + 1] * centers[c0 + q + 1];
      }
      if (q < d) s0 += data[a + q] * centers[c0 + q];
      dots[o + j] = s0 + s1;
    }
  }
}

/**
 * ‖a_i − b_j‖² summed over four interleaved partial sums: the same value as `sqDist` up to rounding
 * (not bit-for-bit), at about twice the speed (no chain of dependent additions). For bounds only.
 */
export function sqDistFast(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  const oa = i * d, ob = j * d;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let q = 0;
  for (; q + 4 <= d; q += 4) {
    const e0 = a[oa + q] - b[ob + q], e1 = a[oa + q + 1] - b[ob + q + 1];
    const e2 = a[oa + q + 2] - b[ob + q + 2], e3 = a[oa + q + 3] - b[ob + q + 3];
    s0 += e0 * e0; s1 += e1 * e1; s2 += e2 * e2; s3 += e3 * e3;
  }
  for (; q < d; q++) {
    const e = a[oa + q] - b[ob + q];
    s0 += e * e;
  }
  return (s0 + s1) + (s2 + s3);
}
