import { calendarOf } from './calendar.js';
import type { SpendData } from './data.js';
import { addLine, emptyHistory, pairSlot, type SpendHistory } from './history.js';
import type { FeatureMatrix } from './regressor.js';

/**
 * The features of seed 001's price model (issue #13, seed lines 570–700), for a purchase line of
 * customer c and product p on day d. History features use only lines of days < d (the running
 * state is updated after each day is finished); missing → NaN.
 *
 * - product_mean = Σ log1p(amount(·, p, < d)) / lines(·, p, < d): the product's mean line amount
 *   on log scale over all customers (NaN when never bought) — not in the seed's list, whose data
 *   carried the product's category; without any price signal of the product the models cannot
 *   even match the product-median baseline
 * - pair_mean = Σ log1p(amount(c, p, < d)) / lines(c, p, < d) (NaN when c never bought p): the
 *   pair-mean baseline as a feature, also an addition to the seed's list
 * - buy_ct_pct = Σ quantity(c, p, < d) / Σ quantity(·, p, < d) × 100 (NaN when p was never bought)
 * - buy_am_pct = Σ amount(c, p, < d) / Σ amount(·, p, < d) × 100
 * - preference = (buy_ct_pct + buy_am_pct) / 2
 * - re_buy_mean = (t_last − t_first) / (n − 1): the mean interval in days between the n ≥ 2
 *   distinct earlier purchase days of (c, p); NaN with fewer than two
 * - lpay_class = tier of c's L.pay payments before d: 0 none, 1 for 1–4, 2 for 5–19, 3 for ≥ 20
 *   (only when the data has L.pay payments)
 * - specials_cnt = c's purchase lines before d of special products: products whose log unit
 *   price log(amount / quantity) has a standard deviation in the top decile over the train
 *   period (specialProducts)
 * - gender, age_band, region (customer attributes, each when some customer has it), channel, hour (when the data
 *   has times), deal_type (the receipt's retailer / partner), month, day, weekday, holiday
 *   (Korean public holiday), season — the line's own context, known when it happens.
 */

/** Which optional columns the data has; decides the feature list. */
export interface FeatureLayout {
  names: string[];
  categorical: boolean[];
  lpay: boolean;
  gender: boolean;
  ageBand: boolean;
  region: boolean;
  channel: boolean;
  hour: boolean;
  retailer: boolean;
}

/** Which optional columns the data has. */
export interface FeatureColumns {
  lpay: boolean;
  gender: boolean;
  ageBand: boolean;
  region: boolean;
  channel: boolean;
  hour: boolean;
  retailer: boolean;
}

export function featureLayout(has: FeatureColumns): FeatureLayout {
  const names: string[] = [], categorical: boolean[] = [];
  const add = (name: string, cat = false) => {
    names.push(name);
    categorical.push(cat);
  };
  add('product_mean');
  add('pair_mean');
  add('buy_ct_pct');
  add('buy_am_pct');
  add('preference');
  add('re_buy_mean');
  if (has.lpay) add('lpay_class');
  add('specials_cnt');
  if (has.gender) add('gender', true);
  if (has.ageBand) add('age_band', true);
  if (has.region) add('region', true);
  if (has.channel) add('channel', true);
  if (has.hour) add('hour');
  if (has.retailer) add('deal_type', true);
  for (const n of ['month', 'day', 'weekday', 'holiday', 'season']) add(n);
  return { names, categorical, ...has };
}

export function layoutOf(data: SpendData): FeatureLayout {
  const a = data.attributes;
  return featureLayout({
    lpay: data.lpay !== null, gender: (a?.genderLevels.length ?? 0) > 0, ageBand: (a?.ageBandLevels.length ?? 0) > 0, region: (a?.regionLevels.length ?? 0) > 0,
    channel: data.channel !== null, hour: data.hour !== null, retailer: data.retailer !== null,
  });
}

/** lpay_class of a count of earlier L.pay payments. */
export function lpayClass(payments: number): number {
  return payments === 0 ? 0 : payments < 5 ? 1 : payments < 20 ? 2 : 3;
}

const code = (v: number) => (v < 0 ? Number.NaN : v);

/** The context of one line the row writer needs besides the history (customer attributes are read from `data`). */
export interface LineContext {
  customer: number;
  product: number;
  day: number;
  hour: number;
  channel: number;
  retailer: number;
}

/** Writes the features of one line into `out` at `offset`, from the history as it stands (days before the line's). */
export function writeRow(out: Float64Array, offset: number, layout: FeatureLayout, h: SpendHistory, data: Pick<SpendData, 'attributes'>, l: LineContext): void {
  const s = pairSlot(h, l.customer, l.product);
  const pq = s < 0 ? 0 : h.pairQty[s], pa = s < 0 ? 0 : h.pairAmt[s];
  const tq = h.productQty[l.product] ?? 0, ta = h.productAmt[l.product] ?? 0;
  const ct = tq > 0 ? (pq / tq) * 100 : Number.NaN, am = ta > 0 ? (pa / ta) * 100 : Number.NaN;
  let k = offset;
  const pl = h.productLines[l.product] ?? 0;
  out[k++] = pl > 0 ? h.productLog[l.product] / pl : Number.NaN;
  out[k++] = s < 0 ? Number.NaN : h.pairLog[s] / h.pairLines[s];
  out[k++] = ct;
  out[k++] = am;
  out[k++] = (ct + am) / 2;
  out[k++] = s >= 0 && h.pairDays[s] >= 2 ? (h.pairLast[s] - h.pairFirst[s]) / (h.pairDays[s] - 1) : Number.NaN;
  if (layout.lpay) out[k++] = lpayClass(h.customerLpay[l.customer]);
  out[k++] = h.customerSpecials[l.customer];
  const a = data.attributes;
  if (layout.gender) out[k++] = a ? code(a.gender[l.customer]) : Number.NaN;
  if (layout.ageBand) out[k++] = a ? code(a.ageBand[l.customer]) : Number.NaN;
  if (layout.region) out[k++] = a ? code(a.region[l.customer]) : Number.NaN;
  if (layout.channel) out[k++] = code(l.channel);
  if (layout.hour) out[k++] = l.hour;
  if (layout.retailer) out[k++] = code(l.retailer);
  const c = calendarOf(l.day);
  out[k++] = c.month;
  out[k++] = c.day;
  out[k++] = c.weekday;
  out[k++] = c.holiday;
  out[k] = c.season;
}

/**
 * Products whose log unit price log(amount / quantity) varies most: the standard deviation over
 * the lines with from ≤ day ≤ to (the train period), products with ≥ 2 such lines, the top decile
 * (sd ≥ the 90th percentile, and > 0). 1 marks a special product.
 */
export function specialProducts(data: SpendData, from: number, to: number): Uint8Array {
  const P = data.productCodes.length;
  const n = new Float64Array(P), s = new Float64Array(P), s2 = new Float64Array(P);
  for (let i = 0; i < data.day.length; i++) {
    const d = data.day[i];
    if (d < from || d > to || !(data.quantity[i] > 0)) continue;
    const v = Math.log(data.amount[i] / data.quantity[i]), p = data.product[i];
    n[p]++;
    s[p] += v;
    s2[p] += v * v;
  }
  const sd = new Float64Array(P).fill(Number.NaN);
  const defined: number[] = [];
  for (let p = 0; p < P; p++) {
    if (n[p] < 2) continue;
    sd[p] = Math.sqrt(Math.max(0, (s2[p] - (s[p] * s[p]) / n[p]) / (n[p] - 1)));
    defined.push(sd[p]);
  }
  const out = new Uint8Array(P);
  if (defined.length === 0) return out;
  defined.sort((a, b) => a - b);
  const cut = defined[Math.min(defined.length - 1, Math.floor(0.9 * defined.length))];
  for (let p = 0; p < P; p++) if (sd[p] >= cut && sd[p] > 0) out[p] = 1;
  return out;
}

/** The feature matrix of the lines with fromDay ≤ day ≤ toDay, and what the baselines need of the same pass. */
export interface SpendFeatures {
  x: FeatureMatrix;
  /** Line index (into SpendData) of each row. */
  line: Int32Array;
  /** Mean log1p amount of the row's customer × product before its day; NaN without earlier lines. */
  pairMeanLog: Float64Array;
  /** The history after the last day (prediction state). */
  history: SpendHistory;
}

/**
 * One ordered pass over the lines (which must be in day order): for each day, first the rows of
 * its lines from the history of earlier days, then the day's lines are added to the history.
 * L.pay payments of days < d are counted before day d's rows. `onDay` is called after each day
 * with the lines done (progress; throwing aborts).
 */
export function buildFeatures(data: SpendData, specials: Uint8Array, fromDay: number, toDay: number, layout: FeatureLayout = layoutOf(data), onDay?: (line: number, lines: number) => void): SpendFeatures {
  const N = data.day.length;
  let rows = 0;
  for (let i = 0; i < N; i++) {
    if (i > 0 && data.day[i] < data.day[i - 1]) throw new RangeError(`lines must be in day order, line ${i} has day ${data.day[i]} after ${data.day[i - 1]}`);
    if (data.day[i] >= fromDay && data.day[i] <= toDay) rows++;
  }
  const cols = layout.names.length;
  const values = new Float64Array(rows * cols), line = new Int32Array(rows), pairMeanLog = new Float64Array(rows);
  const h = emptyHistory(data.customerCodes.length, data.productCodes.length);
  const ctx: LineContext = { customer: 0, product: 0, day: 0, hour: Number.NaN, channel: -1, retailer: -1 };
  let r = 0, pay = 0;
  for (let i = 0; i < N; ) {
    const d = data.day[i];
    let end = i;
    while (end < N && data.day[end] === d) end++;
    if (data.lpay) while (pay < data.lpay.day.length && data.lpay.day[pay] < d) h.customerLpay[data.lpay.customer[pay++]]++;
    if (d >= fromDay && d <= toDay) {
      for (let k = i; k < end; k++, r++) {
        ctx.customer = data.customer[k];
        ctx.product = data.product[k];
        ctx.day = d;
        ctx.hour = data.hour ? data.hour[k] : Number.NaN;
        ctx.channel = data.channel ? data.channel[k] : -1;
        ctx.retailer = data.retailer ? data.retailer[k] : -1;
        writeRow(values, r * cols, layout, h, data, ctx);
        line[r] = k;
        const s = pairSlot(h, ctx.customer, ctx.product);
        pairMeanLog[r] = s < 0 ? Number.NaN : h.pairLog[s] / h.pairLines[s];
      }
    }
    for (let k = i; k < end; k++) addLine(h, data.customer[k], data.product[k], d, data.quantity[k], data.amount[k], specials[data.product[k]] === 1);
    i = end;
    onDay?.(i, N);
  }
  if (data.lpay) while (pay < data.lpay.day.length) h.customerLpay[data.lpay.customer[pay++]]++;
  return { x: { rows, cols, values, names: layout.names, categorical: layout.categorical }, line, pairMeanLog, history: h };
}
