import type { SpendModelId, SpendPrediction } from '../../model/spend.js';
import { predictProductMedian, type ProductMedians } from './baselines.js';
import type { SpendData } from './data.js';
import { featureLayout, writeRow, type LineContext } from './features.js';
import { addLine, emptyHistory, pairSlot } from './history.js';
import { toAmount } from './metrics.js';
import type { FeatureMatrix, Regressor } from './regressor.js';
import type { SpendState } from './state.js';

/**
 * Re-codes lines read for a few customers into the run's codes: products by code into
 * state.productCodes (a product the run never saw gets the extra index productCodes.length, with
 * no totals), retailers and attributes by level text into the run's levels (unknown → −1).
 */
export function alignToState(data: SpendData, state: SpendState): SpendData {
  // Each level is looked up once (a campaign batch holds ~300k lines but a few thousand codes).
  const recode = (codes: Int32Array, from: string[], to: string[]) => {
    const index = new Map(to.map((v, i) => [v, i]));
    const map = Int32Array.from(from, (v) => index.get(v) ?? -1);
    return Int32Array.from(codes, (c) => (c < 0 ? -1 : (map[c] ?? -1)));
  };
  const product = new Map(state.productCodes.map((c, i) => [c, i]));
  const productMap = Int32Array.from(data.productCodes, (c) => product.get(c) ?? state.productCodes.length);
  const a = data.attributes;
  return {
    ...data,
    product: Int32Array.from(data.product, (p) => productMap[p]),
    productCodes: [...state.productCodes, ''],
    retailer: data.retailer ? recode(data.retailer, data.retailerLevels, state.retailerLevels) : null,
    retailerLevels: state.retailerLevels,
    attributes: a
      ? { gender: recode(a.gender, a.genderLevels, state.genderLevels), genderLevels: state.genderLevels, ageBand: recode(a.ageBand, a.ageBandLevels, state.ageBandLevels), ageBandLevels: state.ageBandLevels, region: recode(a.region, a.regionLevels, state.regionLevels), regionLevels: state.regionLevels }
      : null,
  };
}

/** The most frequent value of `values` over `rows` (smallest on ties); NaN when none is known. */
function mode(values: ArrayLike<number>, rows: number[], missing: (v: number) => boolean): number {
  const count = new Map<number, number>();
  for (const i of rows) if (!missing(values[i])) count.set(values[i], (count.get(values[i]) ?? 0) + 1);
  let best = Number.NaN, n = 0;
  for (const [v, c] of count) {
    if (c > n || (c === n && v < best)) {
      best = v;
      n = c;
    }
  }
  return best;
}

/** What predictPairs computes besides the expected spend. */
export interface PredictOptions {
  /**
   * The top 5 features by |contribution| of each pair (the Value page's customer view). Off by
   * default: per-pair contributions (Saabas paths through every tree) cost more than the
   * prediction itself, and the campaign's expectedSpend column does not show them.
   */
  contributions?: boolean;
}

/**
 * The customer's most frequent hour, channel and retailer over `rows` (smallest on ties; hour NaN,
 * channel and retailer −1 when none is known): computed once per customer, not once per pair.
 */
function contextOf(data: SpendData, rows: number[]): { hour: number; channel: number; retailer: number } {
  const hour = data.hour ? mode(data.hour, rows, Number.isNaN) : Number.NaN;
  const channel = data.channel ? mode(data.channel, rows, (v) => v < 0) : -1;
  const retailer = data.retailer ? mode(data.retailer, rows, (v) => v < 0) : -1;
  return { hour, channel: Number.isNaN(channel) ? -1 : channel, retailer: Number.isNaN(retailer) ? -1 : retailer };
}

/**
 * Expected spend of customer × product pairs as of the day after the run's last day (issue #13):
 * the history replays all lines of the pairs' customers (`data`, aligned with alignToState) over the
 * run's final product totals; hour, channel and retailer are the customer's most frequent; the
 * calendar is that of lastDay + 1. `pairs` index data.customerCodes and state.productCodes (or the
 * unknown slot). All pairs are predicted as one matrix; with `options.contributions` each pair also
 * gets its top 5 features by |contribution| when the model offers contributions (otherwise `top` is
 * empty). Every feature of a pair depends only on its own customer's lines and the stored product
 * totals, so a pair's prediction does not depend on which other customers `data` holds.
 */
export function predictPairs(state: SpendState, data: SpendData, pairs: { customer: number; product: number }[], model: { id: SpendModelId; regressor: Regressor | null }, options: PredictOptions = {}): SpendPrediction[] {
  const P = state.productCodes.length + 1, C = data.customerCodes.length;
  const h = emptyHistory(C, P);
  h.productQty.set(state.productQty);
  h.productAmt.set(state.productAmt);
  h.productLog.set(state.productLog);
  h.productLines.set(state.productLines);
  const special = new Uint8Array(P);
  for (const p of state.special) special[p] = 1;
  const byCustomer: number[][] = Array.from({ length: C }, () => []);
  for (let i = 0; i < data.day.length; i++) {
    if (data.day[i] > state.lastDay) continue;
    addLine(h, data.customer[i], data.product[i], data.day[i], data.quantity[i], data.amount[i], special[data.product[i]] === 1, false);
    byCustomer[data.customer[i]].push(i);
  }
  if (data.lpay) for (let j = 0; j < data.lpay.day.length; j++) if (data.lpay.day[j] <= state.lastDay) h.customerLpay[data.lpay.customer[j]]++;
  const layout = featureLayout(state.has);
  if (layout.names.join() !== state.features.join()) throw new RangeError(`the stored run's features (${state.features.join(', ')}) differ from this version's layout (${layout.names.join(', ')}); run spend-model again`);
  const cols = layout.names.length;
  const x: FeatureMatrix = { rows: pairs.length, cols, values: new Float64Array(pairs.length * cols), names: layout.names, categorical: layout.categorical };
  const contexts = new Map<number, { hour: number; channel: number; retailer: number }>();
  pairs.forEach((q, r) => {
    let c = contexts.get(q.customer);
    if (c === undefined) contexts.set(q.customer, (c = contextOf(data, byCustomer[q.customer])));
    const ctx: LineContext = { customer: q.customer, product: q.product, day: state.lastDay + 1, hour: c.hour, channel: c.channel, retailer: c.retailer };
    writeRow(x.values, r * cols, layout, h, data, ctx);
  });
  const medians: ProductMedians = { product: Float64Array.from([...state.productMedianLog, null], (v) => v ?? Number.NaN), global: state.globalMedianLog };
  let pred: Float64Array;
  if (model.regressor) pred = model.regressor.predict(x);
  else {
    pred = predictProductMedian(medians, pairs.map((q) => q.product));
    if (model.id === 'baseline-pair-mean') {
      pairs.forEach((q, r) => {
        const s = pairSlot(h, q.customer, q.product);
        if (s >= 0) pred[r] = h.pairLog[s] / h.pairLines[s];
      });
    }
  }
  const explain = options.contributions === true && model.regressor?.contributions !== undefined;
  return pairs.map((q, r) => {
    const contributions = explain ? (model.regressor!.contributions!(x, r) ?? null) : null;
    const top = contributions
      ? layout.names.map((feature, j) => ({ feature, value: x.values[r * cols + j], contribution: contributions[j] })).sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)).slice(0, 5)
      : [];
    return { customer: data.customerCodes[q.customer], product: state.productCodes[q.product] ?? '', expectedSpend: toAmount(pred[r]), top };
  });
}
