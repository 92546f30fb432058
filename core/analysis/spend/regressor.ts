/**
 * What the spend models share (issue #13): a dense feature matrix and a fitted regressor. The
 * target every model fits is log1p(amount) (RMSLE is the seed's metric), so `predict` returns
 * log1p-scale values; the analysis turns them back with expm1.
 */

/** Row-major feature matrix. NaN marks a missing value (e.g. no earlier purchase of the pair). */
export interface FeatureMatrix {
  rows: number;
  cols: number;
  values: Float64Array;
  names: string[];
  /** True where the column holds integer category codes (0…levels−1), not an ordered number. */
  categorical: boolean[];
}

/** A fitted model: predictions on log1p scale, and a serialisable form to store with the run. */
export interface Regressor {
  predict(x: FeatureMatrix): Float64Array;
  /**
   * Per-feature contributions to one row's prediction (log1p scale), when the model can say
   * (trees: the path attribution of Saabas; TabNet: mask-weighted); null otherwise.
   */
  contributions?(x: FeatureMatrix, row: number): Float64Array | null;
  /**
   * The fit's predictions of the very rows it was fitted to, when the fit has them for free and
   * they equal `predict` of those rows exactly (boosted trees: the running training predictions).
   */
  fittedTrain?: Float64Array | null;
  toJSON(): unknown;
}

/** Progress of a long fit: done of total steps (trees, epochs). Throwing aborts the fit. */
export type FitProgress = (done: number, total: number) => void;

/** Copy of `x` with only `rows` (in that order). */
export function selectRows(x: FeatureMatrix, rows: ArrayLike<number>): FeatureMatrix {
  const values = new Float64Array(rows.length * x.cols);
  for (let r = 0; r < rows.length; r++) values.set(x.values.subarray(rows[r] * x.cols, (rows[r] + 1) * x.cols), r * x.cols);
  return { rows: rows.length, cols: x.cols, values, names: x.names, categorical: x.categorical };
}
