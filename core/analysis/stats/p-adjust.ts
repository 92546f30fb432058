export type PAdjustMethod = 'holm' | 'bh';

/**
 * Multiple-testing adjustment of p-values, the numbers of R's `p.adjust(p, method)` for
 * method = "holm" and "BH" (R 4.2, src/library/stats/R/p.adjust.R).
 *
 * - 'holm' (family-wise error rate): Holm, S. (1979), "A simple sequentially rejective multiple
 *   test procedure", Scand. J. Statist. 6, 65–70. With p₍₁₎ ≤ … ≤ p₍ₘ₎:
 *   p̃₍ᵢ₎ = min(1, max_{k ≤ i} (m − k + 1)·p₍ₖ₎).
 * - 'bh' (false discovery rate): Benjamini, Y. & Hochberg, Y. (1995), "Controlling the false
 *   discovery rate", J. R. Statist. Soc. B 57, 289–300: p̃₍ᵢ₎ = min(1, min_{k ≥ i} (m/k)·p₍ₖ₎).
 *
 * The result is in the input order, monotone in p (a smaller p never gets a larger adjusted value),
 * ≥ p and capped at 1; tied p-values get equal adjusted values.
 *
 * NaN rule (R's NA handling with the default n): a NaN p-value stays NaN in the output and is not
 * counted in m, so m is the number of non-NaN p-values. Throws a RangeError for a value outside
 * [0, 1] (including ±∞).
 */
export function adjustPValues(p: number[], method: PAdjustMethod): number[] {
  if (method !== 'holm' && method !== 'bh') throw new RangeError(`method must be 'holm' or 'bh', got ${String(method)}`);
  const idx: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (Number.isNaN(v)) continue;
    if (!(v >= 0 && v <= 1)) throw new RangeError(`p-values must be in [0, 1] or NaN, got ${v} at ${i}`);
    idx.push(i);
  }
  const out = p.map(() => NaN);
  const m = idx.length;
  // Stable ascending order, as R's order(); ties get equal values either way.
  idx.sort((i, j) => p[i] - p[j] || i - j);
  if (method === 'holm') {
    let run = 0;
    for (let k = 0; k < m; k++) {
      run = Math.max(run, (m - k) * p[idx[k]]);
      out[idx[k]] = Math.min(1, run);
    }
  } else {
    let run = Infinity;
    for (let k = m - 1; k >= 0; k--) {
      run = Math.min(run, (m / (k + 1)) * p[idx[k]]);
      out[idx[k]] = Math.min(1, run);
    }
  }
  return out;
}
