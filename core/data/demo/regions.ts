import { cumulative, type Rng } from './rng.js';

/**
 * Seventeen residential regions Z01…Z17 (the real extract's zon_hlv) with 257 sub-regions
 * (zon_mcls, e.g. Z17024) shared out by population. Z10 and Z17 are the two big metropolitan
 * regions where most customers and shops are, as in the real data (seed 001).
 */

export const REGIONS = Array.from({ length: 17 }, (_, i) => `Z${String(i + 1).padStart(2, '0')}`);
export const REGION_WEIGHT: readonly number[] = [
  0.045, 0.04, 0.03, 0.035, 0.03, 0.025, 0.02, 0.03, 0.025, 0.25, 0.03, 0.035, 0.04, 0.045, 0.05, 0.03, 0.22,
];
export const Z10 = 9, Z17 = 16;
const SUB_REGIONS = 257;

/** Sub-region codes per region, at least 3 each, the rest proportional to population. */
export function subRegions(): string[][] {
  const extra = SUB_REGIONS - 3 * REGIONS.length;
  const counts = REGION_WEIGHT.map((w) => 3 + Math.floor(w * extra));
  let left = SUB_REGIONS - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i]++;
  return REGIONS.map((z, i) => Array.from({ length: counts[i] }, (_, k) => `${z}${String(k + 1).padStart(3, '0')}`));
}

/** Draws a region index from base weights times per-region multipliers (1 where absent). */
export function drawRegion(rng: Rng, skew: Readonly<Record<number, number>>): number {
  const w = REGION_WEIGHT.map((x, i) => x * (skew[i] ?? 1));
  return rng.pick(cumulative(w));
}
