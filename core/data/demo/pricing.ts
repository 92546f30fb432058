import { PRICE_LEVEL } from './retailers.js';
import type { Shopping } from './shopping.js';
import { GROUPS, type Group } from './taxonomy-types.js';

/** Share of lines sold on promotion, and its price factor range. */
export const PROMO_P = 0.12, PROMO_LOW = 0.7, PROMO_HIGH = 0.85;
/** For the planted high-spread products: share of lines at SPREAD_LOW–SPREAD_HIGH × the usual price (bulk and gift buys). */
export const SPREAD_P = 0.04, SPREAD_LOW = 6, SPREAD_HIGH = 25;
/** No unit costs less than this, so no receipt can ever total exactly 100 won (reserved for the L.pay promotion). */
export const MIN_UNIT_PRICE = 300;

const groupSet = (names: readonly Group[]): Set<number> => new Set(names.map((g) => GROUPS.indexOf(g)));
const FOOD = groupSet(['fresh', 'chilled', 'pantry', 'snack', 'alcohol', 'ready', 'gift']);
const BIG_TICKET = groupSet(['luxury', 'digital']);

/** Units on a line: groceries come in ones to sixes, durables almost always one at a time. */
export function quantity(s: Shopping, product: number): number {
  const g = s.w.groupOf[product];
  const u = s.rng.next();
  if (BIG_TICKET.has(g)) return u < 0.97 ? 1 : 2;
  if (FOOD.has(g)) return u < 0.75 ? 1 : u < 0.93 ? 2 : u < 0.98 ? 3 : 4 + s.rng.int(3);
  return u < 0.9 ? 1 : u < 0.99 ? 2 : 3;
}

/** Line amount in won: base price × retailer level × customer level × small noise, promotions and planted spread. */
export function lineAmount(s: Shopping, product: number, retailer: number, qty: number): number {
  const rng = s.rng;
  let unit = s.w.catalogue.price[product] * PRICE_LEVEL[retailer] * s.prof.price * Math.exp(rng.range(-0.08, 0.08));
  if (rng.next() < PROMO_P) unit *= rng.range(PROMO_LOW, PROMO_HIGH);
  if (s.w.spread[product] === 1 && rng.next() < SPREAD_P) unit *= rng.range(SPREAD_LOW, SPREAD_HIGH);
  return Math.max(MIN_UNIT_PRICE, Math.round(unit / 10) * 10) * qty;
}
