import type { Archetype } from './archetype-types.js';
import { AGE_BANDS } from './archetypes.js';
import { DAYS } from './calendar.js';
import { drawRegion } from './regions.js';
import { ONLINE_WEIGHT, R_ONLINE, RETAILERS } from './retailers.js';
import { cumulative, type Rng } from './rng.js';

/** Share of customers who join during the year, and who stop buying before its end (light: more of both). */
export const LATE_START = 0.1, EARLY_STOP = 0.08, LIGHT_LATE_START = 0.25, LIGHT_EARLY_STOP = 0.35;
/** Customer-level spread (σ of the log) of activity, retailer preference and price level. */
export const ACTIVITY_SD = 0.45, RETAILER_SD = 0.5, PRICE_SD = 0.15;

/** One customer's fixed traits, drawn once from the customer's own random stream. */
export interface Profile {
  female: boolean;
  age: number;
  region: number;
  /** Multiplier on the archetype's trip and partner-use rates. */
  activity: number;
  /** First and last day the customer can shop (inclusive). */
  start: number;
  end: number;
  online: number;
  offlineCum: Float64Array;
  onlineCum: Float64Array;
  retailerWeight: Float64Array;
  price: number;
}

export const GENDER_LABEL = ['남성', '여성'] as const;

/** The DEMO file's age band label (20대…70대). */
export function ageLabel(age: number): string {
  return AGE_BANDS[age];
}

/** Active window: most customers shop all year; some join late or stop early (for LRFMV's Length and Recency). */
function activeWindow(rng: Rng, light: boolean): [number, number] {
  let start = 0;
  let end = DAYS - 1;
  if (rng.chance(light ? LIGHT_LATE_START : LATE_START)) start = 30 + rng.int(271);
  if (rng.chance(light ? LIGHT_EARLY_STOP : EARLY_STOP)) end = Math.min(DAYS - 1, start + 30 + rng.int(Math.max(1, 331 - start)));
  return [start, end];
}

/** Draws a customer's demographics, activity, active window, retailer habits and price level from the archetype. */
export function drawProfile(rng: Rng, a: Archetype, offlineOnly: boolean): Profile {
  const female = rng.chance(a.female);
  const age = rng.pick(cumulative(a.ages));
  const region = drawRegion(rng, a.regionSkew);
  const activity = rng.lognormal(ACTIVITY_SD);
  const [start, end] = activeWindow(rng, a.id === 'light_occasional');
  const retailerWeight = Float64Array.from(a.retailers, (w) => Math.max(0.01, w) * rng.lognormal(RETAILER_SD));
  if (offlineOnly) retailerWeight[R_ONLINE] = 0;
  const offline = retailerWeight.map((w, r) => (r === R_ONLINE ? 0 : w));
  const onlineW = retailerWeight.map((w, r) => w * ONLINE_WEIGHT[r]);
  const online = offlineOnly ? 0 : Math.min(0.95, Math.max(0.03, a.online * rng.lognormal(0.35)));
  return {
    female, age, region, activity, start, end, online,
    offlineCum: cumulative(offline), onlineCum: cumulative(onlineW), retailerWeight,
    price: a.priceLevel * rng.lognormal(PRICE_SD),
  };
}

export const RETAILER_COUNT = RETAILERS.length;
