import type { FeatureMatrix, FitProgress } from '../spend/regressor.js';
import { binMatrix } from './binning.js';
import { growTree } from './grow.js';
import { HistogramPool } from './histogram.js';
import { GbdtModel } from './model.js';
import { resolveGbdtOptions, type GbdtOptions } from './options.js';
import { bitsOf, type Tree } from './tree.js';

/** Half mean squared error, the loss sklearn's early stopping scores (HalfSquaredError). */
function halfMse(raw: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (raw[i] - y[i]) ** 2;
  return s / (2 * y.length);
}

/**
 * sklearn's `_should_stop`: stop when none of the last `n` losses is below the loss n + 1
 * iterations back by more than `tol`.
 */
export function shouldStop(losses: number[], n: number, tol: number): boolean {
  if (losses.length < n + 1) return false;
  const reference = losses[losses.length - n - 1];
  for (let i = losses.length - n; i < losses.length; i++) if (losses[i] < reference - tol) return false;
  return true;
}

function checkMatrix(x: FeatureMatrix, name: string): void {
  if (!(Number.isInteger(x.rows) && x.rows >= 1 && Number.isInteger(x.cols) && x.cols >= 1 && x.values.length === x.rows * x.cols)) {
    throw new RangeError(`${name} must be a FeatureMatrix with rows, cols ≥ 1 and rows·cols values, got ${x.rows}×${x.cols} with ${x.values.length} values`);
  }
}

/**
 * Histogram-based gradient-boosted regression trees with squared-error loss: Friedman 2001
 * ("Greedy function approximation: a gradient boosting machine") on binned features as
 * LightGBM (Ke et al. 2017, "LightGBM: a highly efficient gradient boosting decision tree",
 * NeurIPS) and scikit-learn's HistGradientBoostingRegressor (sklearn/ensemble/
 * _hist_gradient_boosting: binning.py, grower.py, splitting.pyx), whose names, defaults and
 * split rules this follows (see split.ts, binning.ts; docs/decisions/0017-gradient-boosted-trees.md).
 * F₀ = mean(y); tree m fits the gradients F_{m−1}(x) − y; F_m = F_{m−1} + learningRate · tree.
 * With `valid`, stops early after `nIterNoChange` trees without a validation improvement of
 * `tol` (the trees fitted up to then are kept, as sklearn). Deterministic for a seed.
 */
export function fitGbdt(x: FeatureMatrix, y: Float64Array, options?: Partial<GbdtOptions>, progress?: FitProgress, valid?: { x: FeatureMatrix; y: Float64Array }): GbdtModel {
  const o = resolveGbdtOptions(options);
  checkMatrix(x, 'x');
  if (y.length !== x.rows) throw new RangeError(`y must have one value per row of x (${x.rows}), got ${y.length}`);
  for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i])) throw new RangeError(`y must be finite, got ${y[i]} at row ${i}`);
  if (valid) {
    checkMatrix(valid.x, 'valid.x');
    if (valid.x.cols !== x.cols) throw new RangeError(`valid.x must have ${x.cols} columns, got ${valid.x.cols}`);
    if (valid.y.length !== valid.x.rows) throw new RangeError(`valid.y must have one value per row of valid.x (${valid.x.rows}), got ${valid.y.length}`);
    for (let i = 0; i < valid.y.length; i++) if (!Number.isFinite(valid.y[i])) throw new RangeError(`valid.y must be finite, got ${valid.y[i]} at row ${i}`);
  }
  const binned = binMatrix(x, o.maxBins, o.binSubsample, o.seed);
  const known = binned.categorical.map((isCat, f) => {
    if (!isCat) return null;
    const seen = new Uint8Array(o.maxBins);
    for (let r = 0; r < x.rows; r++) { const b = binned.bins[f * x.rows + r]; if (b < o.maxBins) seen[b] = 1; }
    const codes: number[] = [];
    seen.forEach((s, c) => { if (s) codes.push(c); });
    return codes;
  });
  const n = x.rows;
  let baseline = 0;
  for (let i = 0; i < n; i++) baseline += y[i];
  baseline /= n;
  const stride = o.maxBins + 1;
  const ws = { binned, stride, pool: new HistogramPool(stride * x.cols), idx: new Uint32Array(n), buf: new Uint32Array(n), ordered: new Float64Array(n) };
  const params = { learningRate: o.learningRate, maxLeafNodes: o.maxLeafNodes, maxDepth: o.maxDepth, minSamplesLeaf: o.minSamplesLeaf, l2: o.l2Regularization };
  const raw = new Float64Array(n).fill(baseline);
  const g = new Float64Array(n);
  const trees: Tree[] = [];
  const trainLoss = [halfMse(raw, y)];
  const validRaw = valid ? new Float64Array(valid.x.rows).fill(baseline) : null;
  const validLoss = valid && validRaw ? [halfMse(validRaw, valid.y)] : null;
  const knownBits = known.map((k) => (k ? bitsOf(k) : null));
  for (let m = 0; m < o.maxIter; m++) {
    for (let i = 0; i < n; i++) g[i] = raw[i] - y[i];
    const tree = growTree(ws, g, params, raw);
    trees.push(tree);
    trainLoss.push(halfMse(raw, y));
    progress?.(m + 1, o.maxIter);
    if (valid && validRaw && validLoss) {
      const vx = valid.x;
      for (let r = 0; r < vx.rows; r++) validRaw[r] += tree.predictRow(vx.values, r * vx.cols, knownBits);
      validLoss.push(halfMse(validRaw, valid.y));
      if (o.earlyStopping && shouldStop(validLoss, o.nIterNoChange, o.tol)) break;
    }
  }
  const model = new GbdtModel(o, [...x.names], binned.categorical, known, baseline, trees, trainLoss, validLoss);
  model.fittedTrain = raw;
  return model;
}
