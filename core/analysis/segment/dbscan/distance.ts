/**
 * Squared Euclidean distance between rows a and b of a row-major n×d matrix, abandoned as soon as
 * the partial sum exceeds `limit` (then any value > limit is returned). Partial distance search:
 * the sum of squares only grows, so once past eps² the pair cannot be neighbours.
 */
export function sqDistWithin(data: Float64Array, a: number, b: number, d: number, limit: number): number {
  const oa = a * d, ob = b * d;
  let s = 0;
  let k = 0;
  // Readable form: s = Σ_k (x_ak − x_bk)², returning early once s > limit; four dimensions per check.
  for (; k + 4 <= d; k += 4) {
    const t0 = data[oa + k] - data[ob + k], t1 = data[oa + k + 1] - data[ob + k + 1];
    const t2 = data[oa + k + 2] - data[ob + k + 2], t3 = data[oa + k + 3] - data[ob + k + 3];
    s += t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3;
    if (s > limit) return s;
  }
  for (; k < d; k++) {
    const t = data[oa + k] - data[ob + k];
    s += t * t;
  }
  return s;
}
