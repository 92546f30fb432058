/**
 * The spend model's input (issue #13): purchase lines in day order as typed columns, the shape
 * core/data/store/queries/spend-lines.ts reads. Categorical columns are codes into their levels
 * (−1 missing), hour is NaN when missing; a column the data never fills is null.
 */
export interface SpendData {
  customer: Int32Array;
  product: Int32Array;
  /** Days since 1970-01-01 (UTC), non-decreasing. */
  day: Int32Array;
  quantity: Float64Array;
  /** Positive amounts (the target). */
  amount: Float64Array;
  hour: Float64Array | null;
  /** 1 offline, 2 online, −1 unknown. */
  channel: Int32Array | null;
  /** Retailer / partner (the seed's deal_type) as a code into retailerLevels. */
  retailer: Int32Array | null;
  retailerLevels: string[];
  customerCodes: string[];
  productCodes: string[];
  /** Per customer (dense index): gender, age band, region codes. */
  attributes: { gender: Int32Array; genderLevels: string[]; ageBand: Int32Array; ageBandLevels: string[]; region: Int32Array; regionLevels: string[] } | null;
  /** L.pay payments in day order: customer (dense index) and day; null when the data has no L.pay. */
  lpay: { customer: Int32Array; day: Int32Array } | null;
}
