import { hourTable } from './calendar-tables.js';
import { DAYS, MONTH_OF, weekday } from './calendar.js';
import { lineAmount, quantity } from './pricing.js';
import { catTable } from './product-tables.js';
import { BASKET_MEAN, isClosed, R_ONLINE, RETAILER_WEEKDAY, RETAILERS } from './retailers.js';
import { ONLINE_TREND_GAIN, ONLINE_TREND_START } from './seasonality.js';
import { FAVOURITE_PRODUCT_P, FAVOURITE_TOP_P, type Shopping } from './shopping.js';
import { REGIONS } from './regions.js';
import { homeStore } from './stores.js';
import { TripIndex } from './buffers.js';

/** Share of offline trips to the customer's usual shop, to a second usual shop, and elsewhere. */
export const HOME_STORE_P = 0.75, SECOND_STORE_P = 0.2;

/** The shop of an offline trip: mostly the customer's usual one for that retailer, in their region. */
export function storeFor(s: Shopping, retailer: number, homes: Int32Array): number {
  const u = s.rng.next();
  const slot = u < HOME_STORE_P ? 0 : u < HOME_STORE_P + SECOND_STORE_P ? 1 : 2;
  if (slot === 2) return homeStore(s.w.stores, retailer, s.rng.int(REGIONS.length), s.rng);
  const k = retailer * 2 + slot;
  if (homes[k] < 0) homes[k] = homeStore(s.w.stores, retailer, s.prof.region, s.rng);
  return homes[k];
}

/** Offline retailer for a day: the customer's weights × the retailer's weekday pattern, closed shops excluded. */
function offlineRetailer(s: Shopping, day: number): number {
  const dow = weekday(day);
  const w = new Float64Array(RETAILERS.length);
  let total = 0;
  for (let r = 0; r < R_ONLINE; r++) {
    if (isClosed(r, false, day, s.w.cal.lunarMain, s.w.cal.closingSunday)) continue;
    w[r] = s.prof.retailerWeight[r] * RETAILER_WEEKDAY[r][dow];
    total += w[r];
  }
  let u = s.rng.next() * total;
  for (let r = 0; r < R_ONLINE; r++) {
    u -= w[r];
    if (u < 0 && w[r] > 0) return r;
  }
  return 3;
}

/** Opens a receipt (a trip) and registers it for same-day repurchases. */
export function openReceipt(s: Shopping, day: number, retailer: number, online: boolean, homes: Int32Array): number {
  const hour = s.rng.pick(s.w.cal.hourCum[hourTable(s.ai, s.w.cal.restDay[day], retailer, online)]);
  const store = online ? -1 : storeFor(s, retailer, homes);
  const rc = s.receipts.add(day, hour, retailer, online, store);
  s.trips.set(TripIndex.key(day, retailer, online, RETAILERS.length), rc);
  return rc;
}

/** Adds one random line: a 대분류 by the customer's tastes and the retailer's theme, then a product in it. */
export function addRandomLine(s: Shopping, rc: number): void {
  const { w, rng } = s;
  const retailer = s.receipts.retailer[rc];
  const month = MONTH_OF[s.receipts.day[rc]];
  const fav = s.favTop[rng.int(3)];
  const top = rng.next() < FAVOURITE_TOP_P && w.tables.carried[retailer][fav] > 0
    ? fav
    : rng.pick(w.tables.catCum[catTable(s.ai, s.prof.female, retailer, month)]);
  const products = w.catalogue.tops[top].products;
  const cum = w.tables.prodCum[top * 12 + month];
  let product: number;
  if (rng.next() < FAVOURITE_PRODUCT_P) {
    const k = top * 2 + (rng.next() < 0.7 ? 0 : 1);
    if (s.favProduct[k] < 0) s.favProduct[k] = products[rng.pick(cum)];
    product = s.favProduct[k];
  } else product = products[rng.pick(cum)];
  // A cyclic product bought at random would blur its cycle: draw once more (a rare second hit stays, as noise).
  if (s.adopted[product] === 1) product = products[rng.pick(cum)];
  const qty = quantity(s, product);
  s.lines.add(rc, product, qty, lineAmount(s, product, retailer, qty));
}

/** The customer's ordinary shopping trips, each with its basket of random lines. */
export function makeTrips(s: Shopping, homes: Int32Array): void {
  const { a, prof, rng, w } = s;
  const span = prof.end - prof.start + 1;
  const n = Math.max(1, Math.round(a.trips * prof.activity * w.size.activity * (span / DAYS)));
  const cum = w.tripDayCum[s.ai];
  const first = s.receipts.n;
  let anyOnline = false;
  for (let k = 0; k < n; k++) {
    const day = rng.pick(cum, prof.start, prof.end + 1);
    const online = !s.offlineOnly && rng.next() < prof.online * (ONLINE_TREND_START + (ONLINE_TREND_GAIN * day) / (DAYS - 1));
    const retailer = online ? rng.pick(prof.onlineCum) : offlineRetailer(s, day);
    anyOnline ||= online;
    // Customers who are not offline-only make at least one online purchase (the seed-000 split depends on it).
    const forceOnline = !anyOnline && !s.offlineOnly && k === n - 1;
    if (forceOnline) {
      anyOnline = true;
      openReceipt(s, day, rng.pick(prof.onlineCum), true, homes);
    } else openReceipt(s, day, retailer, online, homes);
  }
  for (let rc = first; rc < s.receipts.n; rc++) {
    const lines = rng.countAtLeastOne(BASKET_MEAN[s.receipts.retailer[rc]] * a.basket);
    for (let k = 0; k < lines; k++) addRandomLine(s, rc);
  }
}
