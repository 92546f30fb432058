/**
 * Column scalings of a row-major n × d matrix, as scikit-learn's scalers (in place, returns the
 * matrix). A constant column becomes all 0 (MinMaxScaler/StandardScaler leave a zero range or
 * zero variance unscaled after centring, which gives 0 for min–max; standard gives x − mean = 0).
 */
export type Scaling = 'minmax' | 'standard' | 'none';

/** MinMaxScaler: (x − min) / (max − min) per column. */
export function minMaxScale(data: Float64Array, n: number, d: number): Float64Array {
  for (let q = 0; q < d; q++) {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = data[i * d + q];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const range = hi - lo;
    for (let i = 0; i < n; i++) data[i * d + q] = range > 0 ? (data[i * d + q] - lo) / range : 0;
  }
  return data;
}

/** Mean and population variance (divisor n) of column q of a row-major n × d matrix, in two passes. */
export function columnMeanVariance(data: Float64Array, n: number, d: number, q: number): { mean: number; variance: number } {
  let m = 0;
  for (let i = 0; i < n; i++) m += data[i * d + q];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (data[i * d + q] - m) ** 2;
  return { mean: m, variance: v / n };
}

/** StandardScaler: (x − mean) / SD per column, SD with divisor n (population), as scikit-learn. */
export function standardScale(data: Float64Array, n: number, d: number): Float64Array {
  for (let q = 0; q < d; q++) {
    const { mean: m, variance } = columnMeanVariance(data, n, d, q);
    const sd = Math.sqrt(variance);
    for (let i = 0; i < n; i++) data[i * d + q] = sd > 0 ? (data[i * d + q] - m) / sd : 0;
  }
  return data;
}

export function scale(data: Float64Array, n: number, d: number, how: Scaling): Float64Array {
  if (how === 'minmax') return minMaxScale(data, n, d);
  if (how === 'standard') return standardScale(data, n, d);
  return data;
}

/** Each row divided by its sum (spend shares); a row summing to 0 stays 0. */
export function rowShares(data: Float64Array, n: number, d: number): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let q = 0; q < d; q++) s += data[i * d + q];
    if (s > 0) for (let q = 0; q < d; q++) data[i * d + q] /= s;
  }
  return data;
}

/** log(1 + x) of the given columns, in place (for skewed counts and amounts; x ≥ 0 expected, negatives clipped to 0). */
export function log1pColumns(data: Float64Array, n: number, d: number, columns: readonly number[]): Float64Array {
  for (const q of columns) for (let i = 0; i < n; i++) data[i * d + q] = Math.log1p(Math.max(0, data[i * d + q]));
  return data;
}

/** Rows `rows` of a row-major matrix, copied into a new matrix. */
export function takeRows(data: Float64Array, d: number, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length * d);
  for (let r = 0; r < rows.length; r++) out.set(data.subarray(rows[r] * d, rows[r] * d + d), r * d);
  return out;
}
