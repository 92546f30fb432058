/**
 * Density-based initial prototypes after Cao, Liang & Bai (2009), "A new initialization method
 * for categorical data clustering", Expert Systems with Applications 36(7), 10223–10228.
 *
 * Density of object i over the q categorical attributes: Dens(i) = (1 / (n q)) Σ_a |{j : x_ja = x_ia}|.
 * The first prototype is the densest object; each next one is
 *   argmax_i min_m Dens(i) · d(i, m)
 * over the prototypes m chosen so far (first index on ties). Cao uses simple matching for d;
 * for mixed data we use the k-prototypes dissimilarity itself (squared Euclidean on the numeric
 * part + γ × mismatches), so clusters separated only numerically still get distinct seeds. The
 * numeric centres start at the chosen objects' own numeric values (prototypes are real objects).
 * With q = 0 every density is 1 and this is a deterministic farthest-first traversal.
 * `first` overrides the first object (used for the extra, seeded starts of nInit > 1).
 */
export function caoDensity(cat: Int32Array, n: number, q: number): Float64Array {
  const dens = new Float64Array(n);
  if (q === 0) return dens.fill(1);
  for (let a = 0; a < q; a++) {
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) counts.set(cat[i * q + a], (counts.get(cat[i * q + a]) ?? 0) + 1);
    for (let i = 0; i < n; i++) dens[i] += counts.get(cat[i * q + a])!;
  }
  for (let i = 0; i < n; i++) dens[i] /= n * q;
  return dens;
}

/** Row indices of k initial prototypes (see the module comment). */
export function caoInit(
  num: Float64Array, cat: Int32Array, n: number, p: number, q: number, k: number, gamma: number,
  dens: Float64Array, first?: number,
): Int32Array {
  const chosen = new Int32Array(k);
  let start = 0;
  for (let i = 1; i < n; i++) if (dens[i] > dens[start]) start = i;
  chosen[0] = first ?? start;
  const minScore = new Float64Array(n).fill(Infinity);
  for (let m = 1; m < k; m++) {
    const c = chosen[m - 1];
    let best = -1, bestScore = -1;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let f = 0; f < p; f++) { const t = num[i * p + f] - num[c * p + f]; s += t * t; }
      let mis = 0;
      for (let a = 0; a < q; a++) if (cat[i * q + a] !== cat[c * q + a]) mis++;
      const score = dens[i] * (s + gamma * mis);
      if (score < minScore[i]) minScore[i] = score;
      if (minScore[i] > bestScore) { bestScore = minScore[i]; best = i; }
    }
    chosen[m] = best;
  }
  return chosen;
}
