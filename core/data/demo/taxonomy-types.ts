/**
 * Shapes of the hand-written product taxonomy (대분류 → 중분류 → 소분류). Every 대분류 belongs
 * to one spending group; archetypes and retailer themes are defined over groups, so a
 * handful of numbers per archetype drives ~60 categories.
 */

export const GROUPS = [
  'fresh', 'chilled', 'pantry', 'snack', 'alcohol', 'ready', 'tobacco', 'household', 'beauty',
  'health', 'baby', 'fashion', 'luxury', 'digital', 'leisure', 'dining', 'gift',
] as const;
export type Group = (typeof GROUPS)[number];

/** Yearly shapes (see seasonality.ts); `none` is flat. */
export type Season = 'none' | 'summer' | 'winter' | 'rainy' | 'spring' | 'kids' | 'school' | 'kimjang' | 'may' | 'gift';

/** [중분류 name, typical unit price in won, space-separated 소분류 names, season of the 중분류]. */
export type RawMid = readonly [name: string, price: number, products: string, season?: Season];

export interface RawTop {
  name: string;
  group: Group;
  /** Relative popularity of the 대분류 inside its group. */
  pop: number;
  season?: Season;
  mids: readonly RawMid[];
}
