import type { Group } from './taxonomy-types.js';

/** A daily-hour bump: [centre hour, spread in hours, weight]; hours wrap round midnight. */
export type HourBump = readonly [centre: number, sd: number, weight: number];

/**
 * Everything that makes one kind of customer differ from another. The values are documented
 * one by one in docs/demo-data.md; tests and later analyses assert against them.
 */
export interface Archetype {
  id: string;
  label: string;
  /** Exact share of customers (counts are rounded so they sum to the customer total). */
  share: number;
  /** P(female). */
  female: number;
  /** Age bands 20대…70대. */
  ages: readonly number[];
  /** Region multipliers by region index (Z10 = 9, Z17 = 16). */
  regionSkew: Readonly<Record<number, number>>;
  /** Mean shopping trips (receipts before repurchase cycles and returns) per year at full activity. */
  trips: number;
  /** Multiplier on each retailer's mean basket size. */
  basket: number;
  /** Exact share of the archetype's customers who never buy online (chnl_dv always 1). */
  offlineOnly: number;
  /** Share of trips made online by the others (before the yearly online trend). */
  online: number;
  /** Base weights of A01…A06. */
  retailers: readonly number[];
  /** Relative share of each spending group in what they spend (turned into line odds by dividing by price). */
  mix: Readonly<Record<Group, number>>;
  /** Extra multipliers for single 대분류 by name. */
  boost: Readonly<Record<string, number>>;
  /** Price level multiplier (premium buys dearer variants). */
  priceLevel: number;
  /** Trip weights Monday…Sunday. */
  weekdays: readonly number[];
  /** Offline hour bumps on weekdays and on weekends/holidays, and online hour bumps. */
  hoursWeekday: readonly HourBump[];
  hoursWeekend: readonly HourBump[];
  hoursOnline: readonly HourBump[];
  /** Mean partner-service uses per year, and weights of B01, C01, C02, D01, D02, E01. */
  partnerUses: number;
  partners: readonly number[];
  /** Exact share of L.pay users. */
  lpay: number;
  /** P(a gift set is added to a grocery/department receipt in the 14 days before Seollal/Chuseok). */
  gift: number;
}
