/** Input checks shared by the segment analyses: a row-major n×d matrix of finite numbers. */
export function checkMatrix(data: Float64Array, n: number, d: number): void {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!(Number.isInteger(d) && d >= 1)) throw new RangeError(`d must be a positive integer, got ${d}`);
  if (data.length !== n * d) throw new RangeError(`data must hold n·d = ${n * d} values, got ${data.length}`);
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) throw new RangeError(`data must be finite, got ${data[i]} at index ${i}`);
  }
}

/** Squared Euclidean distance between row i of `a` and row j of `b` (both d wide). */
export function sqDist(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  const oa = i * d, ob = j * d;
  for (let t = 0; t < d; t++) {
    const e = a[oa + t] - b[ob + t];
    s += e * e;
  }
  return s;
}
