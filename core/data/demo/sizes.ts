import type { DemoSize } from './types.js';

export interface DemoSizeSpec {
  customers: number;
  /** Products in PD_CLAC (the full real catalogue at every size). */
  products: number;
  /** Share of the real 8,808 shops written to BR. */
  storeScale: number;
  /** Multiplier on every customer's trips, partner uses and cycle adoption (tiny is lighter to stay near 20k lines). */
  activity: number;
}

/**
 * The demo sizes. `full` matches the real extract (29,913 customers, ~4.4M purchase lines,
 * 1,933 products, 8,808 shops); docs/demo-data.md lists the row counts each size produces.
 */
export const DEMO_SIZES: Record<DemoSize, DemoSizeSpec> = {
  tiny: { customers: 200, products: 1933, storeScale: 0.1, activity: 0.65 },
  demo: { customers: 3000, products: 1933, storeScale: 0.3, activity: 1 },
  full: { customers: 29913, products: 1933, storeScale: 1, activity: 1 },
};
