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
  const recode = (codes: Int32Array, from: string[], to: string[]) => {
    const index = new Map(to.map((v, i) => [v, i]));
    return Int32Array.from(codes, (c) => (c < 0 ? -1 : (index.get(from[c]) ?? -1)));
  };
  const product = new Map(state.productCodes.map((c, i) => [c, i]));
  const a = data.attributes;
  return {
    ...data,
    product: Int32Array.from(data.product, (p) => product.get(data.productCodes[p]) ?? state.productCodes.length),
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

/**
 * Expected spend of customer × product pairs as of the day after the run's last day (issue #13):
 * the history replays all lines of the pairs' customers (`data`, aligned with alignToState) over the
 * run's final product totals; hour, channel and retailer are the customer's most frequent; the
 * calendar is that of lastDay + 1. `pairs` index data.customerCodes and state.productCodes (or the
 * unknown slot). The top 5 features by |contribution| when the model offers contributions.
 */
export function predictPairs(state: SpendState, data: SpendData, pairs: { customer: number; product: number }[], model: { id: SpendModelId; regressor: Regressor | null }): SpendPrediction[] {
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
  pairs.forEach((q, r) => {
    const rows = byCustomer[q.customer];
    const ctx: LineContext = {
      customer: q.customer, product: q.product, day: state.lastDay + 1,
      hour: data.hour ? mode(data.hour, rows, Number.isNaN) : Number.NaN,
      channel: data.channel ? mode(data.channel, rows, (v) => v < 0) : -1,
      retailer: data.retailer ? mode(data.retailer, rows, (v) => v < 0) : -1,
    };
    if (Number.isNaN(ctx.channel)) ctx.channel = -1;
    if (Number.isNaN(ctx.retailer)) ctx.retailer = -1;
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
  return pairs.map((q, r) => {
    const contributions = model.regressor?.contributions?.(x, r) ?? null;
    const top = contributions
      ? layout.names.map((feature, j) => ({ feature, value: x.values[r * cols + j], contribution: contributions[j] })).sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)).slice(0, 5)
      : [];
    return { customer: data.customerCodes[q.customer], product: state.productCodes[q.product] ?? '', expectedSpend: toAmount(pred[r]), top };
  });
}
