/**
 * How a FeatureMatrix becomes TabNet's input, fixed on the training rows and stored with the model
 * (so predictions on new rows use the training statistics, never their own):
 *
 * - numeric column → (x − mean) / sd over the training rows (sd 1 when constant); NaN → 0, plus a
 *   0/1 "missing" indicator column when the training rows had any NaN in it. Standardising keeps
 *   the first GLU layer's inputs on one scale (the paper batch-normalises the raw input instead;
 *   with fixed statistics the model is the same at inference and independent of the batch);
 * - categorical column (integer codes 0…levels−1) → a learned embedding of dimension
 *   min(8, levels) (issue #13). `levels` is the largest training code + 1; codes never seen in
 *   training, negative or NaN read one extra "unknown" row of the table.
 *
 * Every input dimension remembers the feature it came from (`group`): the attentive transformer
 * chooses among the original features, and its mask is spread over each feature's dimensions
 * (value and indicator, or the embedding) — so mask importance is per original column.
 */
import type { FeatureMatrix } from '../spend/regressor.js';

export interface TabNetEncoding {
  names: string[];
  categorical: boolean[];
  /** Numeric columns: training mean and sd (0 and 1 for categorical ones). */
  mean: number[];
  sd: number[];
  /** Numeric columns with a missing indicator. */
  indicator: boolean[];
  /** Categorical columns: number of levels (the table has one more row: unknown); 0 for numeric. */
  levels: number[];
  /** Categorical columns: embedding dimension; 0 for numeric. */
  embDim: number[];
}

/** Largest embedding dimension (issue #13: min(8, levels)). */
export const MAX_EMBEDDING = 8;

export function fitEncoding(x: FeatureMatrix): TabNetEncoding {
  const { rows, cols, values } = x;
  if (x.names.length !== cols || x.categorical.length !== cols) throw new RangeError('tabnet: names and categorical must have one entry per column');
  const enc: TabNetEncoding = { names: [...x.names], categorical: [...x.categorical], mean: [], sd: [], indicator: [], levels: [], embDim: [] };
  for (let j = 0; j < cols; j++) {
    if (x.categorical[j]) {
      let max = -1;
      for (let r = 0; r < rows; r++) {
        const v = values[r * cols + j];
        if (Number.isInteger(v) && v > max) max = v;
      }
      const levels = max + 1;
      enc.mean.push(0); enc.sd.push(1); enc.indicator.push(false); enc.levels.push(levels); enc.embDim.push(Math.max(1, Math.min(MAX_EMBEDDING, levels)));
      continue;
    }
    let n = 0, sum = 0, sq = 0, missing = false;
    for (let r = 0; r < rows; r++) {
      const v = values[r * cols + j];
      if (Number.isFinite(v)) { n++; sum += v; } else missing = true;
    }
    const mean = n > 0 ? sum / n : 0;
    for (let r = 0; r < rows; r++) {
      const v = values[r * cols + j];
      if (Number.isFinite(v)) sq += (v - mean) * (v - mean);
    }
    const sd = n > 1 ? Math.sqrt(sq / n) : 0;
    enc.mean.push(mean); enc.sd.push(sd > 1e-12 ? sd : 1); enc.indicator.push(missing); enc.levels.push(0); enc.embDim.push(0);
  }
  return enc;
}

/** Width of the dense block (standardised numerics, then their indicators). */
export function denseWidth(enc: TabNetEncoding): number {
  let w = 0;
  enc.categorical.forEach((c, j) => { if (!c) w += enc.indicator[j] ? 2 : 1; });
  return w;
}

/**
 * Feature of each input dimension, in the network's input order: the dense block (numerics in
 * column order, then the indicators in column order), then each categorical column's embedding.
 */
export function inputGroups(enc: TabNetEncoding): Int32Array {
  const g: number[] = [];
  enc.categorical.forEach((c, j) => { if (!c) g.push(j); });
  enc.categorical.forEach((c, j) => { if (!c && enc.indicator[j]) g.push(j); });
  enc.categorical.forEach((c, j) => { if (c) for (let k = 0; k < enc.embDim[j]; k++) g.push(j); });
  return Int32Array.from(g);
}

/** Categorical column indices, in input order. */
export function categoricalColumns(enc: TabNetEncoding): number[] {
  return enc.categorical.flatMap((c, j) => (c ? [j] : []));
}

export interface EncodedRows {
  n: number;
  /** [n × denseWidth] row-major. */
  dense: Float32Array;
  /** Per categorical column (input order): the table row of each row (levels = unknown). */
  codes: Int32Array[];
}

/** Encodes rows `rows` of x (all rows when omitted) with the training statistics. */
export function encodeRows(enc: TabNetEncoding, x: FeatureMatrix, rows?: ArrayLike<number>): EncodedRows {
  const cols = enc.names.length;
  if (x.cols !== cols) throw new RangeError(`tabnet: the model has ${cols} features, the matrix ${x.cols}`);
  const n = rows ? rows.length : x.rows;
  const W = denseWidth(enc);
  const dense = new Float32Array(n * W);
  const cats = categoricalColumns(enc);
  const codes = cats.map(() => new Int32Array(n));
  const numeric = enc.categorical.flatMap((c, j) => (c ? [] : [j]));
  const withIndicator = numeric.filter((j) => enc.indicator[j]);
  const nNum = numeric.length;
  for (let i = 0; i < n; i++) {
    const base = (rows ? rows[i] : i) * cols;
    for (let k = 0; k < nNum; k++) {
      const j = numeric[k], v = x.values[base + j];
      dense[i * W + k] = Number.isFinite(v) ? (v - enc.mean[j]) / enc.sd[j] : 0;
    }
    for (let k = 0; k < withIndicator.length; k++) dense[i * W + nNum + k] = Number.isFinite(x.values[base + withIndicator[k]]) ? 0 : 1;
    for (let k = 0; k < cats.length; k++) {
      const j = cats[k], v = x.values[base + j];
      codes[k][i] = Number.isInteger(v) && v >= 0 && v < enc.levels[j] ? v : enc.levels[j];
    }
  }
  return { n, dense, codes };
}
