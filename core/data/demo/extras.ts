import { hourTable } from './calendar-tables.js';
import { DAYS } from './calendar.js';
import { lineAmount } from './pricing.js';
import { isClosed, R_CONV, R_ELEC } from './retailers.js';
import type { Shopping } from './shopping.js';

/** P(a returnable line is returned), offline; online returns are ONLINE_RETURN_FACTOR times as likely. */
export const RETURN_P = 0.04, ONLINE_RETURN_FACTOR = 1.6;
/** A return happens 1…RETURN_MAX_DAYS days after the purchase, at the same retailer, shop and channel. */
export const RETURN_MAX_DAYS = 14;
/** Gift sets per purchase: 1…GIFT_MAX_QTY, or up to GIFT_MAX_QTY_PREMIUM for archetypes with a price level above 1.2. */
export const GIFT_MAX_QTY = 2, GIFT_MAX_QTY_PREMIUM = 4;

/** Gift sets before Seollal and Chuseok: added to trips in the gift window with the archetype's probability. */
export function addGiftSets(s: Shopping): void {
  const { w, rng, a } = s;
  const products = w.catalogue.tops[w.giftTop].products;
  const n = s.receipts.n;
  for (let rc = 0; rc < n; rc++) {
    const r = s.receipts.retailer[rc];
    if (r === R_CONV || r === R_ELEC || w.cal.giftWindow[s.receipts.day[rc]] === 0 || rng.next() >= a.gift) continue;
    const product = products[rng.int(products.length)];
    const qty = 1 + rng.int(a.priceLevel > 1.2 ? GIFT_MAX_QTY_PREMIUM : GIFT_MAX_QTY);
    s.lines.add(rc, product, qty, lineAmount(s, product, r, qty));
  }
}

/**
 * Returns: a returnable line may come back on a later receipt (its own return receipt) at the
 * same retailer, shop and channel, with negative quantity and amount (part of the units).
 */
export function addReturns(s: Shopping): void {
  const { w, rng } = s;
  const n = s.lines.n;
  for (let i = 0; i < n; i++) {
    const p = s.lines.product[i];
    if (w.returnable[p] === 0) continue;
    const rc = s.lines.receipt[i];
    const online = s.receipts.online[rc] === 1;
    if (rng.next() >= RETURN_P * (online ? ONLINE_RETURN_FACTOR : 1)) continue;
    const r = s.receipts.retailer[rc];
    let day = s.receipts.day[rc] + 1 + rng.int(RETURN_MAX_DAYS);
    while (day < DAYS && isClosed(r, online, day, w.cal.lunarMain, w.cal.closingSunday)) day++;
    if (day >= DAYS) continue;
    const hour = rng.pick(w.cal.hourCum[hourTable(s.ai, w.cal.restDay[day], r, online)]);
    const back = s.receipts.add(day, hour, r, online, s.receipts.store[rc], true);
    const qty = s.lines.qty[i];
    const k = 1 + rng.int(qty);
    s.lines.add(back, p, -k, -Math.round((s.lines.amount[i] * k) / qty));
  }
}
