/**
 * The elbow of an inertia curve by the rule of seed 000 ("the k where the decrease of inertia
 * changes most"), made precise: with ks ascending and Δ_i = inertia_{i−1} − inertia_i (the drop
 * on reaching ks[i]), choose ks[i] for the interior index i (1 ≤ i ≤ m − 2) maximising the
 * second difference Δ_i − Δ_{i+1} = inertia_{i−1} − 2·inertia_i + inertia_{i+1}, i.e. the k after
 * which the curve flattens most. Ties go to the smallest k. The first and last k can never be
 * chosen, so a sweep 2…20 answers in 3…19.
 */
export function elbowK(ks: readonly number[], inertias: readonly number[]): number {
  const m = ks.length;
  if (inertias.length !== m) throw new RangeError(`inertias must have one value per k (${m}), got ${inertias.length}`);
  if (m < 3) throw new RangeError(`ks must hold at least 3 values, got ${m}`);
  for (let i = 0; i < m; i++) {
    if (!Number.isInteger(ks[i])) throw new RangeError(`ks must be integers, got ${ks[i]} at index ${i}`);
    if (i > 0 && !(ks[i] > ks[i - 1])) throw new RangeError(`ks must be strictly increasing, got ${ks[i - 1]} then ${ks[i]}`);
    if (!Number.isFinite(inertias[i])) throw new RangeError(`inertias must be finite, got ${inertias[i]} at index ${i}`);
  }
  let best = 1, bestScore = -Infinity;
  for (let i = 1; i < m - 1; i++) {
    const score = (inertias[i - 1] - inertias[i]) - (inertias[i] - inertias[i + 1]);
    if (score > bestScore) { bestScore = score; best = i; }
  }
  return ks[best];
}
