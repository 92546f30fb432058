/**
 * Options of the histogram gradient-boosted trees (issue #13), named and defaulted as
 * scikit-learn's HistGradientBoostingRegressor (sklearn.ensemble, squared-error loss) except
 * `maxIter` (200 here, 100 there) and early stopping, which here runs exactly when a validation
 * set is passed to `fitGbdt` (sklearn's 'auto' would carve one out of large training sets).
 */
export interface GbdtOptions {
  /** Shrinkage applied to every node value (sklearn `learning_rate`). */
  learningRate: number;
  /** Boosting iterations = trees (sklearn `max_iter`). */
  maxIter: number;
  /** Leaves per tree; trees grow best-first, the split with the largest gain next (`max_leaf_nodes`). */
  maxLeafNodes: number;
  /** Depth limit (root = 0); null for none (`max_depth`). */
  maxDepth: number | null;
  /** Fewest training rows in a leaf (`min_samples_leaf`). */
  minSamplesLeaf: number;
  /** L2 penalty λ on leaf values: value = −G / (H + λ) (`l2_regularization`). */
  l2Regularization: number;
  /** Bins for non-missing values, at most 255 so a bin fits a byte with one left for NaN (`max_bins`). */
  maxBins: number;
  /** Rows sampled (seeded) to place the quantile bin edges (sklearn's `subsample` of the bin mapper). */
  binSubsample: number;
  /** Stop when the validation loss has not improved by `tol` for `nIterNoChange` trees (only with `valid`). */
  earlyStopping: boolean;
  nIterNoChange: number;
  tol: number;
  /** Seed of the bin-edge subsample (the only randomness). */
  seed: number;
}

export const GBDT_DEFAULTS: Readonly<GbdtOptions> = Object.freeze({
  learningRate: 0.1,
  maxIter: 200,
  maxLeafNodes: 31,
  maxDepth: null,
  minSamplesLeaf: 20,
  l2Regularization: 0,
  maxBins: 255,
  binSubsample: 200_000,
  earlyStopping: true,
  nIterNoChange: 10,
  tol: 1e-7,
  seed: 0,
});

function check(ok: boolean, name: string, want: string, got: unknown): void {
  if (!ok) throw new RangeError(`${name} must be ${want}, got ${String(got)}`);
}

const isInt = (v: number, lo: number, hi = Number.MAX_SAFE_INTEGER): boolean => Number.isInteger(v) && v >= lo && v <= hi;

/** Defaults spread under `options`, each value checked with a sentence naming it. */
export function resolveGbdtOptions(options: Partial<GbdtOptions> = {}): GbdtOptions {
  const o: GbdtOptions = { ...GBDT_DEFAULTS, ...options };
  check(Number.isFinite(o.learningRate) && o.learningRate > 0, 'learningRate', 'a number > 0', o.learningRate);
  check(isInt(o.maxIter, 1), 'maxIter', 'an integer ≥ 1', o.maxIter);
  check(isInt(o.maxLeafNodes, 2), 'maxLeafNodes', 'an integer ≥ 2', o.maxLeafNodes);
  check(o.maxDepth === null || isInt(o.maxDepth, 1), 'maxDepth', 'null or an integer ≥ 1', o.maxDepth);
  check(isInt(o.minSamplesLeaf, 1), 'minSamplesLeaf', 'an integer ≥ 1', o.minSamplesLeaf);
  check(Number.isFinite(o.l2Regularization) && o.l2Regularization >= 0, 'l2Regularization', 'a number ≥ 0', o.l2Regularization);
  check(isInt(o.maxBins, 2, 255), 'maxBins', 'an integer in 2..255', o.maxBins);
  check(isInt(o.binSubsample, 1), 'binSubsample', 'an integer ≥ 1', o.binSubsample);
  check(typeof o.earlyStopping === 'boolean', 'earlyStopping', 'true or false', o.earlyStopping);
  check(isInt(o.nIterNoChange, 1), 'nIterNoChange', 'an integer ≥ 1', o.nIterNoChange);
  check(Number.isFinite(o.tol) && o.tol >= 0, 'tol', 'a number ≥ 0', o.tol);
  check(Number.isInteger(o.seed), 'seed', 'an integer', o.seed);
  return o;
}
