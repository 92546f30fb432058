import { gbdtFromJSON } from '../analysis/gbdt/index.js';
import { alignToState, predictPairs, type PredictOptions } from '../analysis/spend/predict.js';
import type { Regressor } from '../analysis/spend/regressor.js';
import type { SpendState } from '../analysis/spend/state.js';
import { tf } from '../analysis/recommend/tf-runtime.js';
import { tabnetFromJSON } from '../analysis/tabnet/index.js';
import type { Cell } from '../data/export/csv-writer.js';
import type { Db } from '../data/store/open.js';
import { spendLines } from '../data/store/queries/spend-lines.js';
import { getRun } from '../data/store/runs.js';
import { readSpendModel, readSpendState, readSpendTest } from '../data/store/spend-results.js';
import type { RunRecord } from '../model/jobs.js';
import { WorkbenchError } from '../model/result.js';
import type { SpendModelId, SpendPrediction, SpendSummary } from '../model/spend.js';

/** A `spend-model` run, or a clear error naming what the run is. */
export function spendRun(db: Db, runId: number): RunRecord & { summary: SpendSummary } {
  const run = getRun(db, runId);
  if (!run) throw new WorkbenchError('not-found', `No run ${runId} in this project; \`runs\` lists them.`);
  if (run.analysis !== 'spend-model') throw new WorkbenchError('invalid-input', `Run ${runId} is a ${run.analysis} run; this needs a spend-model run (\`run spend-model\`).`);
  return run as RunRecord & { summary: SpendSummary };
}

/** The summary of a spend-model run (what `run spend-model --json` printed). */
export function spendModelView(db: Db, runId: number): SpendSummary {
  return spendRun(db, runId).summary;
}

/** The stored regressor of a learned model; null for the baselines (predicted from the state). */
function regressorOf(db: Db, runId: number, id: SpendModelId): Regressor | null {
  if (id === 'baseline-pair-mean' || id === 'baseline-product-median') return null;
  const json = readSpendModel(db, runId, id);
  if (json === undefined) throw new WorkbenchError('invalid-input', `Run ${runId} did not fit ${id}; its models are listed by getSpendModel.`);
  if (id === 'tabnet' && (tf as unknown) === undefined) throw new WorkbenchError('internal', `Run ${runId}'s model is TabNet, which needs TensorFlow.js loaded first (tfWasmReady); the API's spendPredictions does it.`);
  return id === 'gbdt' ? gbdtFromJSON(json) : tabnetFromJSON(json);
}

/** Predicts customer × product pairs given by code, in the pairs' order (see spendPredictor). */
export type SpendPairPredictor = (pairs: { customer: string; product: string }[]) => SpendPrediction[];

/**
 * Expected spend of customer × product pairs (issue #13) by the run's winner (or `model`), as of
 * the day after the data's last day, for many calls on one run (a campaign export predicts 20,000
 * rows at a time): the run, its state and its model are read once, on the first call with pairs;
 * each call reads its pairs' customers' lines from the store once and replays them over the run's
 * stored product totals (core/analysis/spend/predict.ts), so the history features are those of all
 * lines. A customer or product the data does not know gets the features of no history. Per-pair
 * contributions (`top`) only with `contributions` (the Value page's customer view). TabNet needs
 * TensorFlow.js loaded (`tfWasmReady`, as the API handler does) before it is asked.
 */
export function spendPredictor(db: Db, runId: number, model?: SpendModelId, options: PredictOptions = {}): SpendPairPredictor {
  const run = spendRun(db, runId);
  const id = model ?? run.summary.verdict.winner;
  if (!run.summary.models.some((m) => m.id === id)) throw new WorkbenchError('invalid-input', `Run ${runId} did not fit ${id}; it fitted ${run.summary.models.map((m) => m.id).join(', ')}.`);
  let loaded: { state: SpendState; regressor: Regressor | null; product: Map<string, number> } | undefined;
  const lookup = db.prepare('SELECT id FROM customers WHERE code = ?').pluck();
  return (pairs) => {
    if (pairs.length === 0) return [];
    if (loaded === undefined) {
      const state = readSpendState(db, runId) as SpendState;
      loaded = { state, regressor: regressorOf(db, runId, id), product: new Map(state.productCodes.map((c, i) => [c, i])) };
    }
    const { state, regressor, product } = loaded;
    const codes = [...new Set(pairs.map((p) => p.customer))];
    const idOf = new Map<string, number>();
    for (const c of codes) {
      const v = lookup.get(c) as number | undefined;
      if (v !== undefined) idOf.set(c, v);
    }
    const data = alignToState(spendLines(db, undefined, [...idOf.values()]), state);
    // Customers without lines (or unknown) get a slot with no history and unknown attributes.
    const index = new Map(data.customerCodes.map((c, i) => [c, i]));
    let added = 0;
    for (const c of codes) {
      if (index.has(c)) continue;
      index.set(c, data.customerCodes.push(c) - 1);
      added++;
    }
    if (added > 0 && data.attributes) {
      const grow = (a: Int32Array) => {
        const out = new Int32Array(a.length + added).fill(-1);
        out.set(a);
        return out;
      };
      data.attributes = { ...data.attributes, gender: grow(data.attributes.gender), ageBand: grow(data.attributes.ageBand), region: grow(data.attributes.region) };
    }
    const out = predictPairs(state, data, pairs.map((p) => ({ customer: index.get(p.customer)!, product: product.get(p.product) ?? state.productCodes.length })), { id, regressor }, options);
    return out.map((o, i) => ({ ...o, customer: pairs[i].customer, product: pairs[i].product }));
  };
}

/**
 * Expected spend of customer × product pairs (issue #13) by the run's winner (or `model`), with
 * each pair's top 5 features by contribution unless `options.contributions` is false: the Value
 * page's customer view (the API's spendPredictions). One call of spendPredictor.
 */
export function spendPredictions(db: Db, runId: number, pairs: { customer: string; product: string }[], model?: SpendModelId, options: PredictOptions = { contributions: true }): SpendPrediction[] {
  return spendPredictor(db, runId, model, options)(pairs);
}

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * The `spend-model` export: one row per test-split line — customer, product, date, actual amount,
 * then each fitted model's predicted amount (column named by the model id), in line order.
 */
export function spendExportRows(db: Db, runId: number): { header: string[]; rows: Iterable<Cell[]> } {
  spendRun(db, runId);
  const state = readSpendState(db, runId) as SpendState;
  const t = readSpendTest(db, runId);
  return {
    header: ['customer', 'product', 'date', 'actual', ...t.models.map((m) => m.id)],
    rows: (function* () {
      for (let i = 0; i < t.day.length; i++) yield [t.customerCodes[t.customer[i]], state.productCodes[t.product[i]], iso(t.day[i]), t.actual[i], ...t.models.map((m) => m.amount[i])];
    })(),
  };
}
