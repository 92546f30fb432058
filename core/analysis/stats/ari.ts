/**
 * Adjusted Rand index of two partitions, Hubert & Arabie (1985), "Comparing partitions",
 * Journal of Classification 2, 193–218 — the same value as scikit-learn's `adjusted_rand_score`.
 *
 * With the contingency table n_ij, row sums a_i, column sums b_j and C(x) = x(x − 1)/2:
 *   index = Σ_ij C(n_ij),  expected = Σ_i C(a_i) · Σ_j C(b_j) / C(n),
 *   max = (Σ_i C(a_i) + Σ_j C(b_j)) / 2,
 *   ARI = (index − expected) / (max − expected),
 * 1 for identical partitions (up to renumbering), about 0 for random ones, may be negative.
 * Computed as scikit-learn does, from the pair confusion matrix (tp, fp, fn, tn over ordered pairs):
 *   ARI = 2 (tp·tn − fn·fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn)),
 * algebraically the formula above; when fp = fn = 0 (the partitions agree on every pair, e.g. both
 * trivial) ARI = 1, as scikit-learn.
 */
export function adjustedRandIndex(a: Int32Array, b: Int32Array): number {
  if (a.length !== b.length) throw new RangeError(`a and b must have the same length, got ${a.length} and ${b.length}`);
  const n = a.length;
  if (n <= 1) return 1;
  const ia = denseCodes(a), ib = denseCodes(b);
  const ra = ia.levels, rb = ib.levels;
  const rows = new Float64Array(ra), cols = new Float64Array(rb), pairs = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = ia.codes[i], y = ib.codes[i];
    rows[x]++;
    cols[y]++;
    const key = x * rb + y;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  let sumSquares = 0, rowSquares = 0, colSquares = 0;
  for (const v of pairs.values()) sumSquares += v * v;
  for (const v of rows) rowSquares += v * v;
  for (const v of cols) colSquares += v * v;
  // Ordered-pair counts, as scikit-learn's pair_confusion_matrix.
  const tp = sumSquares - n, fp = colSquares - sumSquares, fn = rowSquares - sumSquares;
  const tn = n * n - fp - fn - sumSquares;
  if (fn === 0 && fp === 0) return 1;
  return (2 * (tp * tn - fn * fp)) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}

/** Labels renumbered 0..levels − 1 in order of first appearance. */
function denseCodes(labels: Int32Array): { codes: Int32Array; levels: number } {
  const seen = new Map<number, number>();
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let c = seen.get(labels[i]);
    if (c === undefined) { c = seen.size; seen.set(labels[i], c); }
    codes[i] = c;
  }
  return { codes, levels: seen.size };
}
