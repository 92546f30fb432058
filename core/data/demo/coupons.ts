import { ARCHETYPES } from './archetypes.js';
import { MONTH_OF, YEAR } from './calendar.js';
import { csvField } from './csv-sink.js';
import { COUPON_DISCOUNTS, PLANTED_RESPONSE } from './planted-response.js';
import { Rng } from './rng.js';
import type { World } from './world.js';

/**
 * The optional coupon offers (DISCOUNT_COUPON.csv, shaped like Kaggle's Discount_Coupon.csv but
 * with a year: Month as YYYY-MM) and each purchase line's coupon status (PDDE's trailing
 * `coupon` column), with one planted coupon-sensitive archetype.
 */

export const COUPON_FILE_NAME = 'DISCOUNT_COUPON.csv';
export const COUPON_HEADER = ['Month', 'Product_Category', 'Coupon_Code', 'Discount_pct'] as const;
/** The optional trailing PDDE column the importer reads into lines.coupon. */
export const PDDE_COUPON_COLUMN = 'coupon';
/** Offers' discounts come from their own stream of the seed; each customer's statuses from COUPON_STREAM + i. */
const OFFER_STREAM = 0x0a12;
const COUPON_STREAM = 0x2000_0000;
/** Spending groups that get no coupons: tobacco may not be discounted in Korea, so its lines stay empty. */
export const NO_COUPON_GROUPS: readonly string[] = ['tobacco'];

/** One offer per (month, 대분류): discount % (0 = no offer) at month × tops + top. */
export interface CouponOffers {
  discount: Uint8Array;
  tops: number;
}

/** Draws each month × 대분류 offer's discount uniformly from COUPON_DISCOUNTS (none for NO_COUPON_GROUPS). */
export function buildCouponOffers(seed: number, w: World): CouponOffers {
  const rng = new Rng(seed, OFFER_STREAM);
  const tops = w.catalogue.tops.length;
  const discount = new Uint8Array(12 * tops);
  for (let m = 0; m < 12; m++) {
    for (let t = 0; t < tops; t++) {
      const pct = COUPON_DISCOUNTS[rng.int(COUPON_DISCOUNTS.length)];
      if (!NO_COUPON_GROUPS.includes(w.catalogue.tops[t].group)) discount[m * tops + t] = pct;
    }
  }
  return { discount, tops };
}

/** The offers file's rows (month order, then 대분류 in catalogue order), each ending in a newline. */
export function couponRows(offers: CouponOffers, w: World): string[] {
  const rows: string[] = [];
  for (let m = 0; m < 12; m++) {
    const month = `${YEAR}-${String(m + 1).padStart(2, '0')}`;
    for (let t = 0; t < offers.tops; t++) {
      const pct = offers.discount[m * offers.tops + t];
      if (pct === 0) continue;
      const code = `C${String(YEAR).slice(2)}${String(m + 1).padStart(2, '0')}T${String(t + 1).padStart(2, '0')}D${pct}`;
      rows.push(`${month},${csvField(w.catalogue.tops[t].name)},${code},${pct}\n`);
    }
  }
  return rows;
}

/** The PDDE values of lines.coupon 2 / 1 / 0 (the importer also reads Korean and other spellings). */
export const COUPON_STATUS = ['Not Used', 'Clicked', 'Used'] as const;

/**
 * One customer's coupon draws: `status(product, day, isReturn)` is the text of the line's
 * trailing column — empty for returns and where no offer applies, else Used / Clicked / Not Used
 * with P(Used) by discount for the sensitive archetype and flat for the others.
 */
export class CouponDraws {
  private readonly rng: Rng;
  private readonly sensitive: boolean;

  constructor(seed: number, customer: number, archetype: number, private readonly offers: CouponOffers, private readonly w: World) {
    this.rng = new Rng(seed, COUPON_STREAM + customer);
    this.sensitive = ARCHETYPES[archetype].id === PLANTED_RESPONSE.couponArchetype;
  }

  status(product: number, day: number, isReturn: boolean): string {
    if (isReturn) return '';
    const pct = this.offers.discount[MONTH_OF[day] * this.offers.tops + this.w.catalogue.top[product]];
    if (pct === 0) return '';
    const used = this.sensitive ? PLANTED_RESPONSE.useRates[pct as 10 | 20 | 30] : PLANTED_RESPONSE.flatUseRate;
    const u = this.rng.next();
    return u < used ? COUPON_STATUS[2] : u < used + PLANTED_RESPONSE.clickRate ? COUPON_STATUS[1] : COUPON_STATUS[0];
  }
}
