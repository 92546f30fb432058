import { Rng } from './rng.js';
import { SEASON_SHAPES } from './seasonality.js';
import { FASHION_TOPS } from './taxonomy-fashion.js';
import { FRESH_TOPS } from './taxonomy-fresh.js';
import { GROCERY_TOPS } from './taxonomy-grocery.js';
import { LIVING_TOPS } from './taxonomy-living.js';
import { TECH_TOPS } from './taxonomy-tech.js';
import { GROUPS, type Group, type RawTop, type Season } from './taxonomy-types.js';

/** The real extract's product count (SPEC §2.1); every size uses the full catalogue. */
export const PRODUCT_COUNT = 1933;
/** Fixed, so product codes, names and prices never depend on the user's seed. */
const CATALOGUE_SEED = 0x5eed_c47;

const FOOD_GROUPS = new Set<Group>(['fresh', 'chilled', 'pantry', 'snack', 'alcohol', 'ready', 'gift']);
/** Pack-size/grade variants used to reach PRODUCT_COUNT: [suffix, price multiplier]. */
const FOOD_VARIANTS: readonly [string, number][] = [['(대용량)', 1.8], ['(소포장)', 0.6], ['(프리미엄)', 1.6], ['(기획)', 1.2], ['(유기농)', 1.4], ['(묶음)', 2.5]];
const GOODS_VARIANTS: readonly [string, number][] = [['(고급형)', 1.7], ['(보급형)', 0.7], ['(세트)', 1.9], ['(기획)', 1.1], ['(대형)', 1.4], ['(소형)', 0.75]];

export interface Top {
  name: string;
  group: Group;
  groupIndex: number;
  pop: number;
  products: number[];
}

export interface Catalogue {
  tops: Top[];
  /** Per product: code, name, 대분류 index, 중분류 name, base unit price (won), popularity weight, season. */
  code: string[];
  name: string[];
  top: Int32Array;
  mid: string[];
  price: Float64Array;
  pop: Float64Array;
  season: Season[];
  midCount: number;
  byName: Map<string, number>;
}

function allTops(): RawTop[] {
  const tops = [...FRESH_TOPS, ...GROCERY_TOPS, ...LIVING_TOPS, ...FASHION_TOPS, ...TECH_TOPS];
  // Real pd_c numbering follows the 대분류 name in 가나다 order (PD0001 소파 / 거실가구 / 가구).
  return tops.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

interface Draft { names: string[]; prices: number[]; pops: number[] }

/** Builds the fixed 1,933-product catalogue: 60 대분류, 349 중분류, hand-named 소분류 plus pack-size variants. */
export function buildCatalogue(): Catalogue {
  const rng = new Rng(CATALOGUE_SEED);
  const raw = allTops();
  const drafts: { top: number; mid: string; season: Season; group: Group; base: number; written: number; d: Draft }[] = [];
  raw.forEach((t, ti) => {
    t.mids.forEach(([mid, price, products, season], mi) => {
      const names = products.split(' ');
      const midWeight = 1 / Math.pow(mi + 1, 0.45);
      const d: Draft = {
        names,
        prices: names.map(() => price * Math.exp(rng.range(-0.3, 0.3))),
        pops: names.map((_, r) => midWeight / Math.pow(r + 1, 0.9)),
      };
      drafts.push({ top: ti, mid, season: season ?? t.season ?? 'none', group: t.group, base: price, written: names.length, d });
    });
  });
  let total = drafts.reduce((s, x) => s + x.d.names.length, 0);
  // Pad the 중분류 with the fewest products first, so each ends near 1,933 / 349 ≈ 5.5.
  while (total < PRODUCT_COUNT) {
    let best = 0;
    for (let i = 1; i < drafts.length; i++) if (drafts[i].d.names.length < drafts[best].d.names.length) best = i;
    const x = drafts[best];
    const variants = FOOD_GROUPS.has(x.group) ? FOOD_VARIANTS : GOODS_VARIANTS;
    const k = x.d.names.length;
    const bases = Math.min(3, x.written);
    const [suffix, mult] = variants[Math.floor((k - x.written) / bases) % variants.length];
    x.d.names.push(`${x.d.names[(k - x.written) % bases]}${suffix}`);
    x.d.prices.push(x.base * mult * Math.exp(rng.range(-0.15, 0.15)));
    x.d.pops.push((x.d.pops[0] / Math.pow(k + 1, 0.9)) * 0.6);
    total++;
  }
  if (total !== PRODUCT_COUNT) throw new RangeError(`the demo taxonomy names ${total} products, more than ${PRODUCT_COUNT}`);

  const tops: Top[] = raw.map((t) => ({ name: t.name, group: t.group, groupIndex: GROUPS.indexOf(t.group), pop: t.pop, products: [] }));
  const c: Catalogue = {
    tops, code: [], name: [], top: new Int32Array(PRODUCT_COUNT), mid: [], price: new Float64Array(PRODUCT_COUNT),
    pop: new Float64Array(PRODUCT_COUNT), season: [], midCount: drafts.length, byName: new Map(),
  };
  let p = 0;
  for (const x of drafts) {
    for (let i = 0; i < x.d.names.length; i++, p++) {
      const name = x.d.names[i];
      if (c.byName.has(name)) throw new RangeError(`the demo taxonomy names product ${name} twice`);
      c.byName.set(name, p);
      c.code.push(`PD${String(p + 1).padStart(4, '0')}`);
      c.name.push(name);
      c.top[p] = x.top;
      c.mid.push(x.mid);
      c.price[p] = Math.max(500, Math.round(x.d.prices[i] / 10) * 10);
      c.pop[p] = x.d.pops[i];
      c.season.push(x.season);
      tops[x.top].products.push(p);
    }
  }
  return c;
}

/** Index of a named product; throws when the taxonomy lacks it (a planted structure would silently vanish). */
export function productIndex(c: Catalogue, name: string): number {
  const p = c.byName.get(name);
  if (p === undefined) throw new RangeError(`the demo catalogue has no product named ${name}`);
  return p;
}

/** Sum over a 대분류's products of popularity × season shape for month m, relative to its yearly-flat sum. */
export function topMonthFactor(c: Catalogue, top: number, month: number): number {
  let s = 0;
  let base = 0;
  for (const p of c.tops[top].products) {
    s += c.pop[p] * SEASON_SHAPES[c.season[p]][month];
    base += c.pop[p];
  }
  return base > 0 ? s / base : 0;
}
