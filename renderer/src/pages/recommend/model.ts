import type { RunRecord } from '../../../../core/model/jobs.js';
import type { PreferenceValidation, RecommendEvalSummary, ScoreModelSummary } from './types.js';
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

export { evaluated, outcomeOf, verdictOf, type Verdict, type Versus } from '../../../../core/model/recommend-verdict.js';

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
