import { ARCHETYPES } from './archetypes.js';
import { Rng } from './rng.js';

/**
 * The customer list and every planted share that must come out exact, not just on average:
 * archetype sizes, offline-only customers, L.pay users, the 100-won cohort and its repeaters.
 * Exact counts let tests assert the documented numbers at every size.
 */

/** Share of L.pay users whose first L.pay payment is the 100-won promotion (seed 001: 353 / 8,906). */
export const COHORT_SHARE = 0.04;
/** Share of the 100-won cohort who pay by L.pay again later (seed 001: 317 / 353 ≈ 0.90). */
export const COHORT_REPEAT_SHARE = 0.9;
/** Share of the other L.pay users who also make a 100-won payment, always after their first payment. */
export const LATER_100_SHARE = 0.1;
/** Customers with no purchase at all, taken from the light archetype (real extract: 39 of 29,913). */
export const INACTIVE_SHARE = 0.0013;

export interface Population {
  ids: string[];
  archetype: Uint8Array;
  offlineOnly: Uint8Array;
  lpay: Uint8Array;
  /** 0 none, 1 100-won cohort who never pays again, 2 cohort who pays again. */
  cohort: Uint8Array;
  later100: Uint8Array;
  inactive: Uint8Array;
}

/** Largest-remainder rounding of shares × n, so counts sum to n exactly. */
export function apportion(shares: readonly number[], n: number): number[] {
  const raw = shares.map((s) => s * n);
  const counts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = n - counts.reduce((a, b) => a + b, 0); k < left; k++) counts[order[k][1]]++;
  return counts;
}

/** Marks exactly round(share × |members|) of the members, chosen at random. */
function markShare(rng: Rng, members: number[], share: number, into: Uint8Array, value = 1): number[] {
  const chosen = rng.shuffle([...members]).slice(0, Math.round(share * members.length));
  for (const i of chosen) into[i] = value;
  return chosen;
}

/** Unique customer ids M + 9 digits, ascending (the order every file is written in). */
function customerIds(rng: Rng, n: number): string[] {
  const seen = new Set<number>();
  while (seen.size < n) seen.add(rng.int(1_000_000_000));
  return [...seen].sort((a, b) => a - b).map((x) => `M${String(x).padStart(9, '0')}`);
}

/** Draws the customer ids and the exact planted memberships for a seed (stream 0x0909 of the seed). */
export function buildPopulation(seed: number, n: number): Population {
  const rng = new Rng(seed, 0x0909);
  const ids = customerIds(rng, n);
  const archetype = new Uint8Array(n);
  const labels: number[] = [];
  apportion(ARCHETYPES.map((a) => a.share), n).forEach((count, a) => {
    for (let k = 0; k < count; k++) labels.push(a);
  });
  rng.shuffle(labels).forEach((a, i) => (archetype[i] = a));
  const pop: Population = {
    ids, archetype, offlineOnly: new Uint8Array(n), lpay: new Uint8Array(n), cohort: new Uint8Array(n),
    later100: new Uint8Array(n), inactive: new Uint8Array(n),
  };
  const members = ARCHETYPES.map((_, a) => labels.map((_, i) => i).filter((i) => archetype[i] === a));
  const light = ARCHETYPES.findIndex((a) => a.id === 'light_occasional');
  const inactive = markShare(rng, members[light], (INACTIVE_SHARE * n) / Math.max(1, members[light].length), pop.inactive);
  const isInactive = new Set(inactive);
  const adopters: number[] = [];
  ARCHETYPES.forEach((a, ai) => {
    const active = members[ai].filter((i) => !isInactive.has(i));
    markShare(rng, active, a.offlineOnly, pop.offlineOnly);
    adopters.push(...markShare(rng, active, a.lpay, pop.lpay));
  });
  adopters.sort((x, y) => x - y);
  const cohort = markShare(rng, adopters, COHORT_SHARE, pop.cohort, 1);
  markShare(rng, cohort, COHORT_REPEAT_SHARE, pop.cohort, 2);
  const inCohort = new Set(cohort);
  markShare(rng, adopters.filter((i) => !inCohort.has(i)), LATER_100_SHARE, pop.later100);
  return pop;
}
