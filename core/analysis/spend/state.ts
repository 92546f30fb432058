import type { ProductMedians } from './baselines.js';
import type { SpendData } from './data.js';
import type { FeatureColumns, FeatureLayout } from './features.js';
import type { SpendHistory } from './history.js';

/**
 * What a stored spend-model run keeps to predict later (issue #13: `spendPredictions`): the
 * feature layout and category levels, the product totals after the data's last day, the special
 * products, and the baselines' medians. The customer side of the history (pair sums, specials,
 * L.pay count) is rebuilt from the customer's own lines when asked, so it is not stored. JSON-safe:
 * NaN is stored as null.
 */
export interface SpendState {
  features: string[];
  has: FeatureColumns;
  /** Last day of the data (project day); predictions are as of the next day. */
  lastDay: number;
  productCodes: string[];
  productQty: number[];
  productAmt: number[];
  productLog: number[];
  productLines: number[];
  /** Indices (into productCodes) of the special products. */
  special: number[];
  /** log1p median amount of each product's train lines; null without train lines. */
  productMedianLog: (number | null)[];
  globalMedianLog: number;
  retailerLevels: string[];
  genderLevels: string[];
  ageBandLevels: string[];
  regionLevels: string[];
  /** Time of the feature pass. */
  featureSeconds: number;
}

export function spendState(data: SpendData, layout: FeatureLayout, h: SpendHistory, specials: Uint8Array, medians: ProductMedians, lastDay: number, featureSeconds: number): SpendState {
  const special: number[] = [];
  specials.forEach((s, p) => s && special.push(p));
  return {
    features: [...layout.names],
    has: { lpay: layout.lpay, gender: layout.gender, ageBand: layout.ageBand, region: layout.region, channel: layout.channel, hour: layout.hour, retailer: layout.retailer },
    lastDay, productCodes: [...data.productCodes], productQty: Array.from(h.productQty), productAmt: Array.from(h.productAmt), productLog: Array.from(h.productLog), productLines: Array.from(h.productLines), special,
    productMedianLog: Array.from(medians.product, (v) => (Number.isNaN(v) ? null : v)), globalMedianLog: medians.global,
    retailerLevels: [...data.retailerLevels], genderLevels: data.attributes?.genderLevels ?? [], ageBandLevels: data.attributes?.ageBandLevels ?? [], regionLevels: data.attributes?.regionLevels ?? [],
    featureSeconds,
  };
}
