/**
 * Euclidean dissimilarities between the rows of a row-major n×d matrix, as R's `dist` /
 * `cluster::daisy(metric = "euclidean")`: d(i, j) = √Σ_c (x_ic − x_jc)².
 * The full n×n matrix is precomputed only when n ≤ `MAX_MATRIX_ROWS` (n² × 8 bytes, 200 MB at
 * 5,000 rows); beyond that rows are computed on demand into a caller's buffer.
 */
export const MAX_MATRIX_ROWS = 5000;

export interface Dissimilarity {
  readonly n: number;
  /** Distances from row `i` to every row; may return `buffer` filled, or a view of a stored row. */
  row(i: number, buffer: Float64Array): Float64Array;
}

/** d(i, j)² between rows i and j of `data`: Σ_c (x_ic − x_jc)², summed in column order. */
export function squaredDistance(data: Float64Array, d: number, i: number, j: number): number {
  let s = 0;
  const a = i * d, b = j * d;
  for (let c = 0; c < d; c++) {
    const t = data[a + c] - data[b + c];
    s += t * t;
  }
  return s;
}

/** d(i, j) between rows i and j of `data`. */
export function euclidean(data: Float64Array, d: number, i: number, j: number): number {
  return Math.sqrt(squaredDistance(data, d, i, j));
}

/** A Dissimilarity over `data` (n×d); stores the matrix when `store` (default n ≤ MAX_MATRIX_ROWS). */
export function euclideanDissimilarity(data: Float64Array, n: number, d: number, store = n <= MAX_MATRIX_ROWS): Dissimilarity {
  if (store) {
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const v = euclidean(data, d, i, j);
        m[i * n + j] = v;
        m[j * n + i] = v;
      }
    }
    return { n, row: (i) => m.subarray(i * n, (i + 1) * n) };
  }
  return {
    n,
    row(i, buffer) {
      for (let j = 0; j < n; j++) buffer[j] = euclidean(data, d, i, j);
      return buffer;
    },
  };
}

/** Checks the shared (data, n, d) arguments of the k-medoids functions. */
export function checkMatrix(data: Float64Array, n: number, d: number): void {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!(Number.isInteger(d) && d >= 1)) throw new RangeError(`d must be a positive integer, got ${d}`);
  if (data.length !== n * d) throw new RangeError(`data must hold n × d = ${n * d} values, got ${data.length}`);
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) throw new RangeError(`data must be finite, got ${data[i]} at row ${Math.floor(i / d)}`);
  }
}

/** Checks k for n points: an integer in 1..n − 1 (as R's pam). */
export function checkK(k: number, n: number): void {
  if (!(Number.isInteger(k) && k >= 1 && k < n)) throw new RangeError(`k must be an integer in 1..${n - 1}, got ${k}`);
}
