import type { Group } from './taxonomy-types.js';

/**
 * Retailer themes (SPEC §2.1): A01 department store, A02 hypermarket, A03 supermarket,
 * A04 convenience store, A05 electronics, A06 online mall. What each one sells, how big its
 * baskets are, when it is open and how it leans to weekends are planted here.
 */

export const RETAILERS = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06'] as const;
export const R_DEPT = 0, R_HYPER = 1, R_SUPER = 2, R_CONV = 3, R_ELEC = 4, R_ONLINE = 5;

/** How strongly each retailer carries each spending group (0 = never sold there). */
export const CARRY: Record<Group, readonly number[]> = {
  //          A01   A02   A03   A04   A05   A06
  fresh:     [0.5, 1.2, 1.3, 0.05, 0, 0.3],
  chilled:   [0.5, 1.1, 1.2, 0.6, 0, 0.4],
  pantry:    [0.3, 1.2, 1.1, 0.5, 0, 0.9],
  snack:     [0.4, 1.0, 0.9, 1.4, 0, 0.8],
  // Online liquor sales are banned in Korea (traditional liquor aside): almost none at A06.
  alcohol:   [0.4, 1.0, 0.8, 1.5, 0, 0.02],
  ready:     [0.2, 0.5, 0.5, 2.5, 0, 0.1],
  // Tobacco only at the convenience store (never online).
  tobacco:   [0, 0, 0, 3.0, 0, 0],
  household: [0.6, 1.2, 0.8, 0.2, 0, 1.2],
  beauty:    [1.2, 0.6, 0.3, 0.1, 0, 1.3],
  health:    [0.6, 0.5, 0.2, 0.2, 0, 1.2],
  baby:      [0.8, 1.0, 0.4, 0.02, 0, 1.3],
  fashion:   [1.5, 0.4, 0, 0, 0, 1.2],
  luxury:    [2.0, 0, 0, 0, 0, 0.3],
  // The electronics chain sells electronics only.
  digital:   [0.3, 0.4, 0, 0, 3.0, 0.8],
  leisure:   [0.6, 0.6, 0.05, 0, 0, 1.0],
  dining:    [2.0, 0.1, 0, 0, 0, 0],
  gift:      [1.5, 1.0, 0.6, 0.1, 0, 0.8],
};

/** Mean product lines per receipt. */
export const BASKET_MEAN: readonly number[] = [1.6, 4.6, 3.2, 1.7, 1.2, 2.2];
/** Which retailers take online orders, and how much a customer's weight counts online. A04 is walk-in only; A06 online only. */
export const ONLINE_WEIGHT: readonly number[] = [0.25, 0.5, 0.35, 0, 0.5, 1.5];
/** Offline opening hours [first, last] (A06 has no shops). */
export const OPEN_HOURS: readonly (readonly [number, number])[] = [[10, 20], [10, 23], [9, 23], [0, 23], [10, 21], [0, 23]];
/** Offline weekday multipliers, Mon…Sun: hypermarkets and department stores peak at weekends. */
export const RETAILER_WEEKDAY: readonly (readonly number[])[] = [
  [0.85, 0.85, 0.85, 0.9, 1.0, 1.45, 1.4],
  [0.8, 0.8, 0.8, 0.85, 1.0, 1.8, 1.6],
  [1.0, 1.0, 1.0, 1.0, 1.05, 1.05, 0.95],
  [1.05, 1.05, 1.05, 1.05, 1.1, 0.9, 0.85],
  [0.85, 0.85, 0.85, 0.9, 1.0, 1.45, 1.3],
  [1, 1, 1, 1, 1, 1, 1],
];
/** Price level of the same product at each retailer (department store dearer, online cheaper). */
export const PRICE_LEVEL: readonly number[] = [1.15, 0.95, 1.0, 1.1, 1.0, 0.92];

/**
 * Whether the retailer's shops are shut on that day: every shop except the convenience store
 * closes on the main day of Seollal and Chuseok, and hypermarkets also on the 2nd and 4th
 * Sunday of each month (대형마트 의무휴업). Online orders are always possible.
 */
export function isClosed(retailer: number, online: boolean, day: number, lunarMainDay: Uint8Array, closingSunday: Uint8Array): boolean {
  if (online || retailer === R_CONV) return false;
  if (lunarMainDay[day] === 1) return true;
  return retailer === R_HYPER && closingSunday[day] === 1;
}
