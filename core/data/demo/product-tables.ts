import { ARCHETYPES, GENDER_BOOST } from './archetypes.js';
import { topMonthFactor, type Catalogue } from './catalogue.js';
import { CARRY, RETAILERS } from './retailers.js';
import { cumulative } from './rng.js';
import { SEASON_SHAPES } from './seasonality.js';
import { GROUPS } from './taxonomy-types.js';

/**
 * What a line is: P(대분류 | archetype, gender, retailer, month) is the archetype's group spend
 * share × the 대분류's share of its group ÷ the 대분류's mean price × archetype and gender boosts
 * × the retailer's theme × the month's seasonality; P(product | 대분류, month) is popularity ×
 * the product's season shape.
 */
export interface ProductTables {
  /** catCum[catTable(a, female, retailer, month)] over 대분류 indexes. */
  catCum: Float64Array[];
  /** prodCum[top * 12 + month] over that 대분류's products (catalogue.tops[top].products). */
  prodCum: Float64Array[];
  /** CARRY of each 대분류 at each retailer: carried[retailer][top] > 0 when sold there. */
  carried: Float64Array[];
}

/** Index into catCum: what is bought depends on archetype, gender, retailer and month. */
export function catTable(archetype: number, female: boolean, retailer: number, month: number): number {
  return ((archetype * 2 + (female ? 1 : 0)) * RETAILERS.length + retailer) * 12 + month;
}

/** Builds the category and product sampling tables once per run. */
export function buildProductTables(c: Catalogue): ProductTables {
  const nTop = c.tops.length;
  const groupPop = new Float64Array(GROUPS.length);
  for (const t of c.tops) groupPop[t.groupIndex] += t.pop;
  const monthFactor = c.tops.map((_, ti) => Array.from({ length: 12 }, (_, m) => topMonthFactor(c, ti, m)));
  // Mixes are spend shares: dividing by a 대분류's mean price turns them into line probabilities.
  const meanPrice = c.tops.map((t) => t.products.reduce((x, p) => x + c.pop[p] * c.price[p], 0) / t.products.reduce((x, p) => x + c.pop[p], 0));
  const carried = RETAILERS.map((_, r) => Float64Array.from(c.tops, (t) => CARRY[t.group][r]));
  const catCum: Float64Array[] = [];
  ARCHETYPES.forEach((a, ai) => {
    for (const female of [false, true]) {
      const gender = GENDER_BOOST[female ? 'female' : 'male'];
      const base = c.tops.map((t, ti) => ((a.mix[t.group] * t.pop) / groupPop[t.groupIndex] / meanPrice[ti]) * (a.boost[t.name] ?? 1) * (gender[t.name] ?? 1));
      for (let r = 0; r < RETAILERS.length; r++) {
        for (let m = 0; m < 12; m++) {
          const w = new Float64Array(nTop);
          for (let ti = 0; ti < nTop; ti++) w[ti] = base[ti] * carried[r][ti] * monthFactor[ti][m];
          catCum[catTable(ai, female, r, m)] = cumulative(w);
        }
      }
    }
  });
  const prodCum: Float64Array[] = [];
  c.tops.forEach((t, ti) => {
    for (let m = 0; m < 12; m++) prodCum[ti * 12 + m] = cumulative(t.products.map((p) => c.pop[p] * SEASON_SHAPES[c.season[p]][m]));
  });
  return { catCum, prodCum, carried };
}
