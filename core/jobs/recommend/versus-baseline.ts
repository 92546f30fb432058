import { pairedBootstrapMany } from '../../analysis/recommend/bootstrap-many.js';
import { BASELINE_IDS, type ModelResult } from '../../model/recommend.js';

/** Resamples of the paired bootstrap (issue #10 §5). */
export const BOOTSTRAP_RESAMPLES = 1000;

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(4)}`;
const num = (x: number) => (x < 0 ? `−${Math.abs(x).toFixed(4)}` : x.toFixed(4));

/** "diff +0.0123, 95% CI 0.0050…0.0190" — the interval as the verdict and the notes write it. */
export function describeInterval(v: { diff: number; low: number; high: number }): string {
  return `diff ${signed(v.diff)}, 95% CI ${num(v.low)}…${num(v.high)}`;
}

/**
 * Every evaluated model against the best baseline (issue #10 §5): the best baseline is the
 * evaluated baseline (SPEC §3.7: g-topfreq, p-topfreq, segment-pop, item-knn, ease) with the highest
 * nDCG at the largest K (ties: that list's order); a baseline is compared with the best OTHER
 * baseline. The comparison is paired — per-customer nDCG@K of both on the same evaluated
 * customers, d_u = model_u − baseline_u — with a 95 % percentile bootstrap interval of mean(d) over
 * 1,000 seeded resamples of customers (core/analysis/stats/paired-bootstrap.ts; all comparisons in one
 * pass, core/analysis/recommend/bootstrap-many.ts, with the same intervals). Sets
 * `versusBestBaseline` on each result (in place) and returns `wins` (the models whose interval lies
 * above 0) and the verdict: winners "X wins on nDCG@10 over BEST (diff …, 95% CI …)", or "no model
 * beats BEST; X ties (…)" — a difference whose interval contains 0 is a tie, never a win.
 */
export function compareWithBaselines(results: ModelResult[], perCustomer: ReadonlyMap<string, Float64Array>, kMax: number, seed: number): { wins: string[]; verdict: string } {
  const metric = `ndcg@${kMax}`;
  const value = (r: ModelResult) => r.metrics?.[metric] ?? NaN;
  const baselines = BASELINE_IDS.map((id) => results.find((r) => r.id === id && r.metrics && perCustomer.has(r.id) && Number.isFinite(value(r)))).filter((r): r is ModelResult => r !== undefined);
  const bestOf = (list: ModelResult[]) => list.reduce<ModelResult | undefined>((best, r) => (best === undefined || value(r) > value(best) ? r : best), undefined);
  const best = bestOf(baselines);
  const ties: string[] = [];
  const wins: string[] = [];
  const winText: string[] = [];
  const tieText: string[] = [];
  // Every comparison's pairs first, then one bootstrap for all (pairs of equal count share their draws).
  const compared: { r: ModelResult; against: ModelResult; a: number[]; b: number[] }[] = [];
  for (const r of results) {
    const own = perCustomer.get(r.id);
    if (!r.metrics || !own) continue;
    const against = (BASELINE_IDS as readonly string[]).includes(r.id) ? bestOf(baselines.filter((x) => x.id !== r.id)) : best;
    if (!against) continue;
    const other = perCustomer.get(against.id)!;
    const a: number[] = [], b: number[] = [];
    for (let i = 0; i < own.length; i++) {
      if (Number.isNaN(own[i]) || Number.isNaN(other[i])) continue;
      a.push(own[i]);
      b.push(other[i]);
    }
    if (a.length === 0) continue;
    compared.push({ r, against, a, b });
  }
  const boots = pairedBootstrapMany(compared, { resamples: BOOTSTRAP_RESAMPLES, level: 0.95, seed });
  compared.forEach(({ r, against }, i) => {
    const boot = boots[i];
    r.versusBestBaseline = { baseline: against.id, metric, diff: boot.diff, low: boot.low, high: boot.high };
    if (boot.low > 0) {
      wins.push(r.id);
      winText.push(`${r.id} wins on nDCG@${kMax} over ${against.id} (${describeInterval(boot)})`);
    } else if (best && against === best && boot.high >= 0) {
      ties.push(`${r.id} ties (${describeInterval(boot)})`);
      tieText.push(`${r.id} ties with ${best.id} (${describeInterval(boot)})`);
    }
  });
  if (!best) return { wins, verdict: 'no baseline was evaluated, so no model can be said to win.' };
  const verdict = winText.length > 0
    ? `${winText.join('; ')}${tieText.length ? `; ${tieText.join(', ')}` : ''}.`
    : `no model beats ${best.id} on nDCG@${kMax}${ties.length ? `; ${ties.join(', ')}` : ''}.`;
  return { wins, verdict };
}
