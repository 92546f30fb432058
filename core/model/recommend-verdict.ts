import { BASELINE_IDS, type ModelResult } from './recommend.js';

/**
 * The verdict of a recommend-eval run, as structure, so each reader words it in its own language:
 * the Recommend page (renderer) and the report (core/service/report) share it (issue #14: the
 * verdict follows the chosen language, not the English core stored).
 */

const BASELINES: readonly string[] = BASELINE_IDS;

export const evaluated = (m: ModelResult) => m.skipped === undefined && m.metrics !== undefined;

/** A model's paired-bootstrap comparison with the best baseline, for the verdict and the table. */
export interface Versus { id: string; baseline: string; diff: number; low: number; high: number }

/** wins: the interval lies above 0; loses: below 0; ties: it contains 0 (issue #10 §5). */
export function outcomeOf(v: { low: number; high: number }): 'wins' | 'ties' | 'loses' {
  return v.low > 0 ? 'wins' : v.high < 0 ? 'loses' : 'ties';
}

/**
 * The verdict of a recommend-eval run, as core words it (for the UI to say in its language): the
 * model with the best nDCG at `k` over all evaluated customers, the best on new items only, and —
 * for runs with the paired-bootstrap comparison (issue #10 §5) — the best baseline, the models whose
 * interval against it lies above 0 (wins) and those whose interval contains 0 (ties).
 */
export function verdictOf(models: readonly ModelResult[], k: number): { best: { id: string; value: number }; bestNew: { id: string; value: number }; comparison?: { baseline: string; wins: Versus[]; ties: Versus[] } } | null {
  const key = `ndcg@${k}`;
  const scored = models.filter(evaluated);
  if (scored.length === 0) return null;
  const best = [...scored].sort((x, y) => (y.metrics![key] ?? -1) - (x.metrics![key] ?? -1))[0];
  const bestNew = [...scored].sort((x, y) => (y.new?.[key] || -1) - (x.new?.[key] || -1))[0];
  const out = { best: { id: best.id, value: best.metrics![key] }, bestNew: { id: bestNew.id, value: bestNew.new?.[key] ?? 0 } };
  const compared = scored.filter((m) => m.versusBestBaseline !== undefined).map((m) => ({ id: m.id, ...m.versusBestBaseline! }));
  if (compared.length === 0) return out;
  // The best baseline is the one the other models are compared with (a baseline is compared with the best other one).
  const bestBaseline = compared.find((v) => !BASELINES.includes(v.id))?.baseline
    ?? [...scored].filter((m) => BASELINES.includes(m.id)).sort((x, y) => (y.metrics![key] ?? -1) - (x.metrics![key] ?? -1))[0]?.id ?? compared[0].baseline;
  const strip = (v: (typeof compared)[number]): Versus => ({ id: v.id, baseline: v.baseline, diff: v.diff, low: v.low, high: v.high });
  return {
    ...out,
    comparison: {
      baseline: bestBaseline,
      wins: compared.filter((v) => outcomeOf(v) === 'wins').map(strip),
      ties: compared.filter((v) => outcomeOf(v) === 'ties' && v.baseline === bestBaseline).map(strip),
    },
  };
}
export type Verdict = NonNullable<ReturnType<typeof verdictOf>>;
