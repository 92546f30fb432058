/**
 * Offline top-K evaluation of recommenders on a temporal holdout (SPEC §3.7, issue #5).
 *
 * Protocol (the caller's part): train on everything before the cutoff; evaluate every customer with
 * ≥ 1 purchase before and ≥ 1 on or after it; truth T(u) = the distinct products u bought on or after
 * the cutoff; history(u) = the distinct products u bought before it. The same customers for every model.
 *
 * Metrics for a list R (R_K = its first K entries; a product repeated in R counts once):
 * - HR@K = 1 if R_K ∩ T ≠ ∅ else 0;
 * - Recall@K = |R_K ∩ T| / |T|;
 * - nDCG@K with binary gains (Järvelin & Kekäläinen 2002): DCG = Σ_{i=1..K} rel_i / log2(i + 1),
 *   divided by the ideal DCG = Σ_{i=1..min(K, |T|)} 1 / log2(i + 1);
 * each averaged over the evaluated customers. Catalogue coverage = |∪_u R_{Kmax}(u)| / catalogue.
 */

/** Metric values by key: `hr@K`, `ndcg@K`, `recall@K` for each K, and `coverage` (in `all` only). */
export type MetricValues = Record<string, number>;

export interface Evaluation {
  /** Against T over all evaluated customers, plus `coverage`. */
  all: MetricValues;
  /** Against T_repeat = T ∩ history(u), over customers with non-empty T_repeat; R unchanged. */
  repeat: MetricValues;
  /** Against T_new = T \ history(u), over customers with non-empty T_new; R unchanged. */
  new: MetricValues;
  /** Customers evaluated in each split. */
  counts: { all: number; repeat: number; new: number };
  /**
   * nDCG at the largest K of each customer of `truth`, in the map's iteration order (NaN for a
   * customer with an empty truth): the per-customer values the paired bootstrap resamples.
   */
  perCustomer: Float64Array;
}

interface Acc {
  n: number;
  sums: Float64Array; // per K: hr, ndcg, recall
}

/**
 * Evaluates top-K lists against the holdout truth.
 *
 * - `lists(u)`: the ranked list of customer u (only its first max(ks) entries are used; a shorter
 *   list simply has fewer hits). Called once per customer of `truth`.
 * - `truth`: customer → products bought on or after the cutoff. Customers with an empty set are
 *   skipped; the caller includes only customers that also have training history.
 * - `history(u)`: products u bought before the cutoff (splits repeat / new).
 * - `ks`: the cut-offs, e.g. [5, 10]; `catalogue`: the number of products coverage is relative to.
 *
 * Repeat / new split: T_repeat = T ∩ history and T_new = T \ history, each evaluated over the
 * customers for whom it is non-empty, with the SAME list R (a list is not filtered to repeat or new
 * items, so a new item in R is simply a miss in the repeat split). Coverage depends only on the lists,
 * not on T, so it is reported once, in `all`. A split with no customers has NaN metrics.
 */
export function evaluate(
  lists: (customer: number) => Int32Array,
  truth: Map<number, Set<number>>,
  history: (customer: number) => Set<number>,
  ks: number[],
  catalogue: number,
): Evaluation {
  if (ks.length === 0) throw new RangeError('ks must hold at least one cut-off');
  for (const k of ks) if (!Number.isInteger(k) || k < 1) throw new RangeError(`every K must be a positive integer, got ${k}`);
  if (!Number.isInteger(catalogue) || catalogue < 1) throw new RangeError(`catalogue must be a positive integer, got ${catalogue}`);
  const kMax = Math.max(...ks);
  // discount[i] = 1 / log2(i + 2) for 0-based position i; ideal[m] = Σ_{i<m} discount[i].
  const discount = new Float64Array(kMax);
  const ideal = new Float64Array(kMax + 1);
  for (let i = 0; i < kMax; i++) {
    discount[i] = 1 / Math.log2(i + 2);
    ideal[i + 1] = ideal[i] + discount[i];
  }
  const newAcc = (): Acc => ({ n: 0, sums: new Float64Array(ks.length * 3) });
  const accAll = newAcc(), accRepeat = newAcc(), accNew = newAcc();
  const covered = new Set<number>();
  const tRepeat = new Set<number>(), tNew = new Set<number>();
  const seen = new Set<number>();

  const perCustomer = new Float64Array(truth.size).fill(NaN);
  const jMax = ks.indexOf(kMax);
  let at = 0;
  const score = (acc: Acc, top: number[], T: Set<number>): number => {
    if (T.size === 0) return NaN;
    acc.n++;
    let out = NaN;
    for (let j = 0; j < ks.length; j++) {
      const K = ks[j];
      let hits = 0, dcg = 0;
      for (let i = 0; i < Math.min(K, top.length); i++) {
        if (T.has(top[i])) { hits++; dcg += discount[i]; }
      }
      acc.sums[3 * j] += hits > 0 ? 1 : 0;
      acc.sums[3 * j + 1] += dcg / ideal[Math.min(K, T.size)];
      acc.sums[3 * j + 2] += hits / T.size;
      if (j === jMax) out = dcg / ideal[Math.min(K, T.size)];
    }
    return out;
  };

  for (const [u, T] of truth) {
    const i = at++;
    if (T.size === 0) continue;
    const R = lists(u);
    // The first kMax distinct products of R (positions after de-duplication).
    const top: number[] = [];
    seen.clear();
    for (let i = 0; i < R.length && top.length < kMax; i++) {
      if (seen.has(R[i])) continue;
      seen.add(R[i]);
      top.push(R[i]);
      covered.add(R[i]);
    }
    const h = history(u);
    tRepeat.clear(); tNew.clear();
    for (const p of T) (h.has(p) ? tRepeat : tNew).add(p);
    perCustomer[i] = score(accAll, top, T);
    score(accRepeat, top, tRepeat);
    score(accNew, top, tNew);
  }

  const values = (acc: Acc): MetricValues => {
    const out: MetricValues = {};
    ks.forEach((K, j) => {
      out[`hr@${K}`] = acc.n ? acc.sums[3 * j] / acc.n : NaN;
      out[`ndcg@${K}`] = acc.n ? acc.sums[3 * j + 1] / acc.n : NaN;
      out[`recall@${K}`] = acc.n ? acc.sums[3 * j + 2] / acc.n : NaN;
    });
    return out;
  };
  const all = values(accAll);
  all.coverage = covered.size / catalogue;
  return { all, repeat: values(accRepeat), new: values(accNew), counts: { all: accAll.n, repeat: accRepeat.n, new: accNew.n }, perCustomer };
}
