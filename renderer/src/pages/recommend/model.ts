import type { RunRecord } from '../../../../core/model/jobs.js';
import type { ModelResult, PreferenceValidation, RecommendEvalSummary, ScoreModelSummary } from './types.js';
import { BASELINE_IDS, MODEL_IDS } from '../../../../core/model/recommend.js';

/** The models recommend-eval and recommend know (baselines first). */
export const MODELS = MODEL_IDS;
export const BASELINES: readonly string[] = BASELINE_IDS;

/** The models named in an analysis' `models` help ("…: a, b, c, or all."), else the fixed list. */
export function modelsFromHelp(help: string | undefined): string[] {
  if (!help) return [...MODELS];
  const found = MODELS.filter((m) => new RegExp(`(^|[\\s,:])${m.replace('-', '\\-')}([\\s,.]|$)`).test(help));
  return found.length > 0 ? found : [...MODELS];
}

export function evalSummary(run: RunRecord | undefined): RecommendEvalSummary | null {
  const s = run?.summary as Partial<RecommendEvalSummary> | null | undefined;
  return s && typeof s === 'object' && Array.isArray(s.models) && typeof s.verdict === 'string' ? (s as RecommendEvalSummary) : null;
}

/** The metric columns of the table: hr/ndcg/recall at each K. */
export function metricColumns(ks: readonly number[]): string[] {
  return ks.flatMap((k) => [`hr@${k}`, `ndcg@${k}`, `recall@${k}`]);
}

/**
 * A metric as the literature writes it (HR@10, nDCG@10, Recall@10), for headers and axes; the
 * stored ids (`ndcg@10`) stay the keys and the CSV columns.
 */
export function metricLabel(id: string): string {
  const m = /^(hr|ndcg|recall)@(\d+)$/.exec(id);
  if (!m) return id;
  return `${{ hr: 'HR', ndcg: 'nDCG', recall: 'Recall' }[m[1] as 'hr' | 'ndcg' | 'recall']}@${m[2]}`;
}

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

/** Parses CSV text (optional BOM, CRLF or LF, quoted fields with "" escapes) into rows. */
export function parseCsv(text: string, limit = Infinity): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < s.length && rows.length < limit) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
    i++;
  }
  if (rows.length < limit && (field !== '' || row.length > 0)) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The summary of a preference-score run, if it has one this version can read. */
export function preferenceSummary(run: RunRecord | undefined): PreferenceValidation | null {
  const s = run?.summary as Partial<PreferenceValidation> | null | undefined;
  return s && typeof s === 'object' && Array.isArray(s.retailers) && typeof s.split === 'string' ? (s as PreferenceValidation) : null;
}

/** The thresholds of the validation table (0.0…4.5), from the first retailer's table. */
export function preferenceThresholds(s: PreferenceValidation): number[] {
  const seen = new Set<number>();
  for (const r of s.retailers) for (const row of r.table) seen.add(row.threshold);
  return [...seen].sort((a, b) => a - b);
}

/** The summary of a score-model run, if it has one this version can read. */
export function scoreModelSummary(run: RunRecord | undefined): ScoreModelSummary | null {
  const s = run?.summary as Partial<ScoreModelSummary> | null | undefined;
  return s && typeof s === 'object' && Array.isArray(s.retailers) && Array.isArray(s.examples) && typeof s.reference === 'string' ? (s as ScoreModelSummary) : null;
}

/** The RMSE the seed (002) reported for its learned score model on its own data. */
export const SEED_SCORE_RMSE = 0.42;

/**
 * The model the campaign builder starts with (issue #14): in an evaluation's summary, the winner
 * over the best baseline with the largest gain when any model wins (its interval above 0), else
 * the model with the highest nDCG at the largest K (a baseline when nothing beats them).
 */
export function evalWinner(s: RecommendEvalSummary | null): string | null {
  if (!s) return null;
  const k = Math.max(...s.ks);
  const scored = s.models.filter((m) => m.skipped === undefined && m.metrics?.[`ndcg@${k}`] !== undefined);
  const winners = scored.filter((m) => s.wins.includes(m.id)).sort((a, b) => (b.versusBestBaseline?.diff ?? 0) - (a.versusBestBaseline?.diff ?? 0));
  if (winners.length > 0) return winners[0].id;
  const best = [...scored].sort((a, b) => (b.metrics![`ndcg@${k}`] ?? 0) - (a.metrics![`ndcg@${k}`] ?? 0))[0];
  return best?.id ?? null;
}

/** Regulated goods a campaign leaves out unless the analyst edits the list (issue #14): matched inside category and sub-category names. */
export const DEFAULT_CAMPAIGN_EXCLUSIONS = ['담배', '주류', 'tobacco', 'alcohol'] as const;
