import type { Cell } from '../data/export/csv-writer.js';
import type { Db } from '../data/store/open.js';
import { tfWasmReady } from '../jobs/recommend/tf-wasm.js';
import { WorkbenchError } from '../model/result.js';
import { spendPredictor } from './spend.js';

/**
 * The campaign's money columns (issue #13, "Use"): `spendRun=ID` (a spend-model run) adds
 * `expectedSpend` — what that run's model expects the customer to spend on the recommended
 * product — and `couponRate=R` (0 < R ≤ 1, needs spendRun) adds `coupon` = expectedSpend × R
 * rounded to the nearest `couponRound` (default 100: seed 001 proposes a coupon of 10 % of the
 * expected spend rounded to 100 won).
 */
export interface CampaignSpendParams {
  spendRun: number;
  coupon: { rate: number; round: number } | null;
}

/** Reads `spendRun`, `couponRate`, `couponRound` of a campaign export; null without `spendRun`. Refuses a coupon rule without a spend run, or values out of range. */
export function campaignSpendParams(params: Record<string, string>): CampaignSpendParams | null {
  const given = (name: string) => params[name] !== undefined && params[name].trim() !== '';
  if (!given('spendRun')) {
    if (given('couponRate') || given('couponRound')) throw new WorkbenchError('invalid-input', 'couponRate and couponRound need spendRun (the spend-model run whose expected spend the coupon is a share of).');
    return null;
  }
  const spendRun = Number(params.spendRun);
  if (!Number.isInteger(spendRun) || spendRun < 1) throw new WorkbenchError('invalid-input', `spendRun must be a run id, got '${params.spendRun}'.`);
  if (!given('couponRate')) {
    if (given('couponRound')) throw new WorkbenchError('invalid-input', 'couponRound needs couponRate (the share of the expected spend the coupon is worth).');
    return { spendRun, coupon: null };
  }
  const rate = Number(params.couponRate);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 1) throw new WorkbenchError('invalid-input', `couponRate must be a share in (0, 1], e.g. 0.1 for 10 %, got '${params.couponRate}'.`);
  const round = given('couponRound') ? Number(params.couponRound) : 100;
  if (!Number.isFinite(round) || round <= 0) throw new WorkbenchError('invalid-input', `couponRound must be a positive amount, e.g. 100, got '${params.couponRound}'.`);
  return { spendRun, coupon: { rate, round } };
}

/**
 * Loads TensorFlow.js when a campaign export asks for expected spend (the spend run's model may be
 * TabNet, which predicts on it); the exports themselves are synchronous. Nothing is loaded otherwise.
 */
export async function campaignSpendReady(params: Record<string, string>): Promise<void> {
  if (params.spendRun !== undefined && params.spendRun.trim() !== '') await tfWasmReady();
}

/** coupon = expectedSpend × rate, rounded to the nearest multiple of `round` (halves up). */
export function couponOf(expectedSpend: number, rate: number, round: number): number {
  return Math.round((expectedSpend * rate) / round) * round;
}

/** The columns the spend parameters add to the campaign's header. */
export function spendHeader(p: CampaignSpendParams | null): string[] {
  return p === null ? [] : p.coupon ? ['expectedSpend', 'coupon'] : ['expectedSpend'];
}

/** One pending campaign row: the row's cells and the raw customer and product codes to predict for. */
export interface PendingRow {
  customer: string;
  product: string;
  cells: Cell[];
}

/** Predicts the expected spend of each pair (same order), as the spend-model service does. */
export type SpendPredictor = (pairs: { customer: string; product: string }[]) => number[];

/**
 * The campaign's predictor of a spend-model run (the Value page's numbers, without the per-pair
 * contributions the column does not show): the run's state and model are read once per export,
 * each batch's customers' lines once.
 */
export function campaignSpendPredictor(db: Db, runId: number): SpendPredictor {
  const predict = spendPredictor(db, runId, undefined, { contributions: false });
  return (pairs) => predict(pairs).map((x) => x.expectedSpend);
}

/**
 * Appends expectedSpend (and coupon) to the rows, predicting about `batch` rows at a time so a
 * campaign of 300k rows never holds more than one batch of pairs. A batch ends only where the
 * customer changes, so when the rows come grouped by customer (the campaign's order) each
 * customer's lines are read in one batch only.
 */
export function* withExpectedSpend(rows: Iterable<PendingRow>, p: CampaignSpendParams, predict: SpendPredictor, batch = 20_000): Generator<Cell[]> {
  let pending: PendingRow[] = [];
  const flush = function* (): Generator<Cell[]> {
    const spend = predict(pending.map((r) => ({ customer: r.customer, product: r.product })));
    for (let i = 0; i < pending.length; i++) {
      const s = spend[i];
      yield [...pending[i].cells, s, ...(p.coupon ? [couponOf(s, p.coupon.rate, p.coupon.round)] : [])];
    }
    pending = [];
  };
  for (const r of rows) {
    if (pending.length >= batch && pending[pending.length - 1].customer !== r.customer) yield* flush();
    pending.push(r);
  }
  if (pending.length > 0) yield* flush();
}
