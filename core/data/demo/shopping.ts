import type { Archetype } from './archetype-types.js';
import { Lines, Receipts, TripIndex } from './buffers.js';
import { DAYS } from './calendar.js';
import type { Profile } from './customer.js';
import { RETAILERS } from './retailers.js';
import type { Rng } from './rng.js';
import type { World } from './world.js';

/** Share of lines taken from the customer's three favourite 대분류, and from a favourite product of the 대분류. */
export const FAVOURITE_TOP_P = 0.2, FAVOURITE_PRODUCT_P = 0.55;

/** One customer's generation state; the arrays are scratch space shared by all customers of a run. */
export interface Shopping {
  w: World;
  a: Archetype;
  ai: number;
  prof: Profile;
  rng: Rng;
  offlineOnly: boolean;
  receipts: Receipts;
  lines: Lines;
  trips: TripIndex;
  favTop: Int32Array;
  /** Two favourite products per 대분류, -1 until first needed. */
  favProduct: Int32Array;
  /** 1 for products the customer buys on a repurchase cycle (kept out of random picks). */
  adopted: Uint8Array;
  adoptedList: number[];
}

export interface Scratch {
  receipts: Receipts;
  lines: Lines;
  trips: TripIndex;
  favProduct: Int32Array;
  adopted: Uint8Array;
  adoptedList: number[];
}

/** Allocates the scratch space once per run, so generating a customer allocates almost nothing. */
export function makeScratch(w: World): Scratch {
  return {
    receipts: new Receipts(), lines: new Lines(), trips: new TripIndex(DAYS, RETAILERS.length),
    favProduct: new Int32Array(w.catalogue.tops.length * 2).fill(-1), adopted: new Uint8Array(w.catalogue.name.length), adoptedList: [],
  };
}

/** Clears the scratch space and binds it to the next customer. */
export function startShopping(s: Scratch, w: World, a: Archetype, ai: number, prof: Profile, rng: Rng, offlineOnly: boolean): Shopping {
  s.receipts.n = 0;
  s.lines.n = 0;
  s.trips.clear();
  s.favProduct.fill(-1);
  for (const p of s.adoptedList) s.adopted[p] = 0;
  s.adoptedList.length = 0;
  const favTop = new Int32Array(3);
  const main = prof.retailerWeight.indexOf(Math.max(...prof.retailerWeight));
  const cum = w.tables.catCum[((ai * 2 + (prof.female ? 1 : 0)) * RETAILERS.length + main) * 12 + 5];
  for (let k = 0; k < 3; k++) favTop[k] = rng.pick(cum);
  return { w, a, ai, prof, rng, offlineOnly, ...s, favTop };
}
