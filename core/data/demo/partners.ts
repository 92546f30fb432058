import type { HourBump } from './archetype-types.js';
import { DATE_STR, DAYS } from './calendar.js';
import type { ReceiptCounter } from './emit-purchases.js';
import { REGIONS } from './regions.js';
import { cumulative } from './rng.js';
import type { Shopping } from './shopping.js';
import { homeStore, PARTNERS } from './stores.js';

/**
 * Partner-service use (COP_U): lodging B01, entertainment C01–C02, food & beverage D01–D02,
 * rental E01. Uses per year and partner mix come from the archetype (archetypes.ts).
 */

/** Per partner: P(online booking), amount range in won, visit lead time for online bookings (max days), hour bumps. */
const PARTNER_SPEC: readonly { online: number; amount: readonly [number, number]; lead: number; hours: readonly HourBump[] }[] = [
  { online: 0.85, amount: [80_000, 400_000], lead: 45, hours: [[15, 2, 0.6], [21.5, 1.5, 0.4]] },
  { online: 0.55, amount: [10_000, 45_000], lead: 7, hours: [[14, 2, 0.4], [19.5, 1.5, 0.6]] },
  { online: 0.5, amount: [30_000, 180_000], lead: 14, hours: [[11, 1.5, 0.7], [15, 2, 0.3]] },
  { online: 0.1, amount: [4_000, 25_000], lead: 0, hours: [[10, 1.5, 0.3], [14, 2, 0.5], [19, 1.5, 0.2]] },
  { online: 0.15, amount: [5_000, 30_000], lead: 0, hours: [[12.5, 1, 0.55], [18.5, 1.5, 0.45]] },
  { online: 0.7, amount: [40_000, 350_000], lead: 30, hours: [[10, 2, 0.6], [20, 2, 0.4]] },
];
const HOUR_CUM = PARTNER_SPEC.map((p) => cumulative(Array.from({ length: 24 }, (_, h) => p.hours.reduce((s, [c, sd, wt]) => {
  const d = Math.min(Math.abs(h - c), 24 - Math.abs(h - c));
  return s + wt * Math.exp(-0.5 * (d / sd) * (d / sd));
}, 0.002))));
/** Partner shops are the companies after the five retailers in the store table. */
const FIRST_PARTNER_COMPANY = 5;
/** Share of offline partner visits in the customer's home region. */
export const HOME_REGION_P = 0.7;
/** Partner uses grow with the square root of a customer's shopping activity. */
export const PARTNER_ACTIVITY_POWER = 0.5;

export interface PartnerUse {
  partner: number;
  day: number;
  hour: number;
  online: boolean;
  rct: string;
  amount: number;
}

/** The customer's partner-service uses, written as COP_U rows in (date, hour, partner) order. */
export function emitPartnerUses(s: Shopping, cust: string, counter: ReceiptCounter, out: string[]): PartnerUse[] {
  const { a, prof, rng, w } = s;
  const span = prof.end - prof.start + 1;
  const n = rng.poisson(a.partnerUses * Math.pow(prof.activity, PARTNER_ACTIVITY_POWER) * w.size.activity * (span / DAYS));
  const partnerCum = cumulative(a.partners);
  const raw: { partner: number; day: number; hour: number; online: boolean; visit: number; store: string; amount: number }[] = [];
  for (let k = 0; k < n; k++) {
    const partner = rng.pick(partnerCum);
    const spec = PARTNER_SPEC[partner];
    const day = rng.pick(w.cal.dayCum[s.ai], prof.start, prof.end + 1);
    const online = rng.next() < spec.online;
    const visit = online ? Math.min(DAYS - 1, day + rng.int(spec.lead + 1)) : day;
    const region = rng.next() < HOME_REGION_P ? prof.region : rng.int(REGIONS.length);
    const store = online ? '' : w.stores.code[homeStore(w.stores, FIRST_PARTNER_COMPANY + partner, region, rng)];
    const [lo, hi] = spec.amount;
    const amount = Math.round((lo * Math.exp(rng.next() * Math.log(hi / lo))) / 100) * 100;
    raw.push({ partner, day, hour: rng.pick(HOUR_CUM[partner]), online, visit, store, amount });
  }
  raw.sort((x, y) => x.day - y.day || x.hour - y.hour || x.partner - y.partner);
  return raw.map((u) => {
    const company = PARTNERS[u.partner];
    const rct = counter.take(company);
    out.push(`${cust},${rct},${company},${u.store},${u.online ? 2 : 1},${DATE_STR[u.day]},${DATE_STR[u.visit]},${u.hour},${u.amount}\n`);
    return { partner: u.partner, day: u.day, hour: u.hour, online: u.online, rct, amount: u.amount };
  });
}
