import { TripIndex } from './buffers.js';
import { CYCLES, GAP_JITTER, PERSONAL_SD } from './cycles.js';
import { lineAmount } from './pricing.js';
import { weekday } from './calendar.js';
import { BASKET_MEAN, isClosed, R_CONV, R_ONLINE, RETAILER_WEEKDAY, RETAILERS } from './retailers.js';
import type { Shopping } from './shopping.js';
import { addRandomLine, openReceipt } from './trips.js';

interface Adoption {
  cycle: number;
  product: number;
  retailer: number;
  personalDays: number;
}

/** Draws which cyclic products the customer buys on a cycle, and where; marks them so random picks avoid them. */
export function adoptCycles(s: Shopping): Adoption[] {
  const { rng, prof, w } = s;
  const out: Adoption[] = [];
  CYCLES.forEach((c, ci) => {
    const gender = c.gender ? (prof.female ? c.gender.female : c.gender.male) : 1;
    if (rng.next() >= Math.min(0.98, c.adopt[s.ai] * gender * Math.min(1, w.size.activity + 0.15))) return;
    const product = w.cycleProduct[ci];
    const top = w.catalogue.top[product];
    let total = 0;
    const weights = prof.retailerWeight.map((x, r) => {
      const v = Math.pow(x, CYCLE_RETAILER_SHARPEN) * w.tables.carried[r][top] * (r === R_ONLINE && s.offlineOnly ? 0 : 1);
      total += v;
      return v;
    });
    if (total <= 0) return;
    let u = rng.next() * total;
    let retailer = 0;
    for (; retailer < RETAILERS.length - 1; retailer++) if ((u -= weights[retailer]) < 0) break;
    s.adopted[product] = 1;
    s.adoptedList.push(product);
    out.push({ cycle: ci, product, retailer, personalDays: c.days * rng.lognormal(PERSONAL_SD) });
  });
  return out;
}

/** A receipt opened by a repurchase gets other lines too: a basket of this share of the retailer's usual size, minus one. */
export const CYCLE_TRIP_BASKET = 0.4;
/** Cyclic products go to the customer's favourite retailers: weights are raised to this power. */
export const CYCLE_RETAILER_SHARPEN = 2;

/** Days a repurchase may move to join an existing trip at the same retailer (same day first, then ±1, ±2). */
export const ATTACH_OFFSETS: readonly number[] = [0, -1, 1, -2, 2];

function nearbyTrip(s: Shopping, day: number, retailer: number, online: boolean): number {
  for (const off of ATTACH_OFFSETS) {
    const d = day + off;
    if (d < s.prof.start || d > s.prof.end) continue;
    for (const ch of [online, !online]) {
      if (ch && retailer === R_CONV) continue;
      if (!ch && retailer === R_ONLINE) continue;
      if (ch && s.offlineOnly) continue;
      const rc = s.trips.get(TripIndex.key(d, retailer, ch, RETAILERS.length));
      if (rc >= 0) return rc;
    }
  }
  return -1;
}

/**
 * A repurchase that needs its own trip happens on one of the days d−2…d+2, drawn by the
 * archetype's day weights and the retailer's weekday pattern, so repurchase runs follow the
 * same weekly, yearly and holiday patterns as other trips.
 */
function likelyDay(s: Shopping, day: number, retailer: number, online: boolean): number {
  const cum = s.w.tripDayCum[s.ai];
  let total = 0;
  const weights = ATTACH_OFFSETS.map((off) => {
    const d = day + off;
    if (d < s.prof.start || d > s.prof.end || isClosed(retailer, online, d, s.w.cal.lunarMain, s.w.cal.closingSunday)) return 0;
    const v = (cum[d] - (d > 0 ? cum[d - 1] : 0)) * (online ? 1 : RETAILER_WEEKDAY[retailer][weekday(d)]);
    total += v;
    return v;
  });
  let u = s.rng.next() * total;
  for (let k = 0; k < weights.length; k++) if ((u -= weights[k]) < 0 && weights[k] > 0) return day + ATTACH_OFFSETS[k];
  return day;
}

/** Repurchase days: first within one cycle of the window's start, then personal cycle × (1 + jitter) apart. */
export function buyOnCycles(s: Shopping, adoptions: readonly Adoption[], homes: Int32Array): void {
  const { rng, prof, w } = s;
  const opened: number[] = [];
  for (const ad of adoptions) {
    const c = CYCLES[ad.cycle];
    let day = prof.start + Math.floor(rng.next() * ad.personalDays);
    while (day <= prof.end) {
      const online = ad.retailer === R_ONLINE || (ad.retailer !== R_CONV && !s.offlineOnly && rng.next() < prof.online);
      let d = day;
      while (d <= prof.end && isClosed(ad.retailer, online, d, w.cal.lunarMain, w.cal.closingSunday)) d++;
      if (d > prof.end) break;
      let rc = nearbyTrip(s, d, ad.retailer, online);
      if (rc < 0) {
        rc = openReceipt(s, likelyDay(s, d, ad.retailer, online), ad.retailer, online, homes);
        opened.push(rc);
      }
      const qty = c.qty[0] + rng.int(c.qty[1] - c.qty[0] + 1);
      s.lines.add(rc, ad.product, qty, lineAmount(s, ad.product, ad.retailer, qty));
      day += Math.max(1, Math.round(ad.personalDays * (1 + GAP_JITTER * rng.normal())));
    }
  }
  // A repurchase run is a shopping trip too: it picks up a smaller basket of other things.
  for (const rc of opened) {
    const extra = rng.countAtLeastOne(BASKET_MEAN[s.receipts.retailer[rc]] * s.a.basket * CYCLE_TRIP_BASKET) - 1;
    for (let k = 0; k < extra; k++) addRandomLine(s, rc);
  }
}
