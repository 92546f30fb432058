import { ARCHETYPES } from './archetypes.js';
import { DATE_STR, DAYS, weekday } from './calendar.js';
import { PLANTED_RESPONSE } from './planted-response.js';
import { cumulative, Rng } from './rng.js';
import type { World } from './world.js';

/**
 * The optional daily marketing spend (MARKETING_SPEND.csv, shaped like Kaggle's
 * Marketing_Spend.csv: Date, Offline_Spend, Online_Spend, same scale, no currency) and the one
 * planted reaction to it: the online archetype's trip days follow the previous day's online spend.
 */

export const MARKETING_FILE_NAME = 'MARKETING_SPEND.csv';
export const MARKETING_HEADER = ['Date', 'Offline_Spend', 'Online_Spend'] as const;
/** Its own random stream of the seed, so the default files' streams are never touched. */
const MARKETING_STREAM = 0x0a11;
/** The weekly flyer budget: one of these levels for a whole Monday–Sunday week, with these odds. */
export const OFFLINE_LEVELS = [1000, 2500, 3500, 5000] as const;
const OFFLINE_ODDS = [0.2, 0.35, 0.3, 0.15];
/**
 * Online spend: ONLINE_BASE × lognormal(ONLINE_SD), drawn afresh every day with no weekday or
 * seasonal pattern: trips have strong weekday and yearly patterns, and any pattern the spend shared
 * with them would show up as a same-day "response" that was never planted (a mild weekday pattern
 * gave the online archetype a same-day correlation of −0.17 on the demo size).
 */
export const ONLINE_BASE = 2000, ONLINE_SD = 0.5;

export interface MarketingSpend {
  /** Per day of the demo year. */
  offline: Float64Array;
  online: Float64Array;
}

/**
 * Draws the year's spend. Online days are independent of each other (no carry-over), so a
 * reaction to yesterday's spend cannot be mistaken for one to today's.
 */
export function buildMarketingSpend(seed: number): MarketingSpend {
  const rng = new Rng(seed, MARKETING_STREAM);
  const offline = new Float64Array(DAYS);
  const online = new Float64Array(DAYS);
  const odds = cumulative(OFFLINE_ODDS);
  let level = 0;
  for (let d = 0; d < DAYS; d++) {
    if (d === 0 || weekday(d) === 0) level = OFFLINE_LEVELS[rng.pick(odds)];
    offline[d] = level;
    online[d] = Math.round(ONLINE_BASE * rng.lognormal(ONLINE_SD) * 100) / 100;
  }
  return { offline, online };
}

/** The file's rows (Date as YYYY-MM-DD), each ending in a newline. */
export function marketingRows(spend: MarketingSpend): string[] {
  const rows: string[] = [];
  for (let d = 0; d < DAYS; d++) {
    const ymd = DATE_STR[d];
    rows.push(`${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)},${spend.offline[d]},${spend.online[d].toFixed(2)}\n`);
  }
  return rows;
}

/**
 * The planted multiplier of each day's trip weight: (1 + beta·z[t−1]) / (1 + beta) with
 * z = online spend ÷ its mean; day 0 has no day before it and keeps weight 1.
 */
export function onlineResponse(online: Float64Array, beta = PLANTED_RESPONSE.beta): Float64Array {
  const mean = online.reduce((s, x) => s + x, 0) / online.length;
  const m = new Float64Array(online.length).fill(1);
  for (let d = PLANTED_RESPONSE.lagDays; d < online.length; d++) m[d] = (1 + (beta * online[d - PLANTED_RESPONSE.lagDays]) / mean) / (1 + beta);
  return m;
}

/** The world with the online archetype's trip-day table (trips and repurchase trips) reweighted by the response; nothing else changes. */
export function withOnlineResponse(w: World, online: Float64Array): World {
  const ai = ARCHETYPES.findIndex((a) => a.id === PLANTED_RESPONSE.onlineArchetype);
  const cum = w.tripDayCum[ai];
  const m = onlineResponse(online);
  const weights = new Float64Array(DAYS);
  for (let d = 0; d < DAYS; d++) weights[d] = (cum[d] - (d > 0 ? cum[d - 1] : 0)) * m[d];
  return { ...w, tripDayCum: w.tripDayCum.map((c, i) => (i === ai ? cumulative(weights) : c)) };
}
