import { hourTable } from './calendar-tables.js';
import { DATE_STR, DAYS, dayOfIso, MONTH_OF } from './calendar.js';
import type { ReceiptCounter, WrittenReceipt } from './emit-purchases.js';
import type { PartnerUse } from './partners.js';
import { PARTNERS } from './stores.js';
import { R_CONV, R_ONLINE, RETAILERS } from './retailers.js';
import type { Shopping } from './shopping.js';

/** The 100-won promotion ran in these two windows (inclusive); cohort members make their first L.pay payment in one. */
export const PROMO_WINDOWS: readonly (readonly [string, string])[] = [['2021-04-12', '2021-05-31'], ['2021-10-01', '2021-10-31']];
/** Share of L.pay users already using it on 1 January; the others start on a uniform day up to ADOPT_LAST_DAY. */
export const USING_FROM_JANUARY = 0.65, ADOPT_LAST_DAY = 300;
/** A user pays this share of their retail receipts by L.pay, drawn uniformly per user. */
export const PAY_SHARE_LOW = 0.3, PAY_SHARE_HIGH = 0.8;
/** Partner uses are paid by L.pay at PARTNER_PAY_FACTOR × the user's pay share. */
export const PARTNER_PAY_FACTOR = 0.7;
/** December convenience-store L.pay promotion (seed 002): pay share × DECEMBER_A04_FACTOR there (capped at 0.95). */
export const DECEMBER_A04_FACTOR = 1.6;
/** Mean yearly payments outside the coalition: L01 non-partner merchants, L00 other partners. */
export const NON_PARTNER_PAYMENTS = 6, OTHER_PARTNER_PAYMENTS = 3;
const OWN_AMOUNT: readonly [number, number] = [3_000, 150_000];

interface Payment { day: number; hour: number; rct: string; company: string; online: boolean; amount: number }

function promoDay(s: Shopping): number {
  const [from, to] = PROMO_WINDOWS[s.rng.int(PROMO_WINDOWS.length)].map(dayOfIso);
  return from + s.rng.int(to - from + 1);
}

function ownPayment(s: Shopping, company: string, day: number, amount: number, counter: ReceiptCounter): Payment {
  const online = s.rng.next() < 0.6;
  const hour = s.rng.pick(s.w.cal.hourCum[hourTable(s.ai, s.w.cal.restDay[day], online ? R_ONLINE : R_CONV, online)]);
  return { day, hour, rct: counter.take(company), company, online, amount };
}

/**
 * The customer's L.pay payments: retail receipts (same rct_no as in PDDE, the receipt total),
 * partner uses (same rct_no as in COP_U) and payments outside the coalition (L00, L01). The
 * 100-won cohort's first payment is exactly 100 won in a promotion window and everything else
 * comes strictly later; non-repeaters pay nothing else.
 */
export function emitPayments(
  s: Shopping, cust: string, cohort: number, later100: boolean, receipts: readonly WrittenReceipt[], uses: readonly PartnerUse[],
  counter: ReceiptCounter, out: string[],
): number {
  const { rng, prof, w } = s;
  const pays: Payment[] = [];
  let from = rng.next() < USING_FROM_JANUARY ? 0 : rng.int(ADOPT_LAST_DAY + 1);
  if (cohort > 0) {
    const d0 = promoDay(s);
    pays.push(ownPayment(s, 'L00', d0, 100, counter));
    from = d0 + 1;
  }
  if (cohort !== 1) {
    const share = rng.range(PAY_SHARE_LOW, PAY_SHARE_HIGH);
    for (const r of receipts) {
      if (r.isReturn || r.day < from) continue;
      const p = r.retailer === R_CONV && MONTH_OF[r.day] === 11 ? Math.min(0.95, share * DECEMBER_A04_FACTOR) : share;
      if (rng.next() < p) pays.push({ day: r.day, hour: r.hour, rct: r.rct, company: RETAILERS[r.retailer], online: r.online, amount: r.total });
    }
    for (const u of uses) {
      if (u.day >= from && rng.next() < share * PARTNER_PAY_FACTOR) pays.push({ day: u.day, hour: u.hour, rct: u.rct, company: PARTNERS[u.partner], online: u.online, amount: u.amount });
    }
    const lo = Math.max(from, prof.start);
    const span = prof.end - lo + 1;
    const scale = prof.activity * w.size.activity * (Math.max(0, span) / DAYS);
    for (const [company, mean] of [['L01', NON_PARTNER_PAYMENTS], ['L00', OTHER_PARTNER_PAYMENTS]] as const) {
      const n = span > 0 ? rng.poisson(mean * scale) : 0;
      for (let k = 0; k < n; k++) {
        const amount = Math.round((OWN_AMOUNT[0] * Math.exp(rng.next() * Math.log(OWN_AMOUNT[1] / OWN_AMOUNT[0]))) / 10) * 10;
        pays.push(ownPayment(s, company, lo + rng.int(span), amount, counter));
      }
    }
    // A repeater must pay again: when nothing fell after the promotion, one payment outside the coalition does.
    if (cohort === 2 && pays.length === 1 && from < DAYS) pays.push(ownPayment(s, 'L01', from + rng.int(DAYS - from), 10_000 + 100 * rng.int(400), counter));
  }
  pays.sort((x, y) => x.day - y.day || x.hour - y.hour || (x.rct < y.rct ? -1 : x.rct > y.rct ? 1 : 0));
  if (later100 && pays.length > 0 && pays[0].day < DAYS - 1) {
    const day = pays[0].day + 1 + rng.int(DAYS - 1 - pays[0].day);
    pays.push(ownPayment(s, 'L00', day, 100, counter));
    pays.sort((x, y) => x.day - y.day || x.hour - y.hour || (x.rct < y.rct ? -1 : x.rct > y.rct ? 1 : 0));
  }
  for (const p of pays) out.push(`${cust},${p.rct},${p.company},${p.online ? 2 : 1},${DATE_STR[p.day]},${p.hour},${p.amount}\n`);
  return pays.length;
}
