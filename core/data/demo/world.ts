import { buildCalendarTables, type CalendarTables } from './calendar-tables.js';
import { buildCatalogue, productIndex, type Catalogue } from './catalogue.js';
import { CYCLES } from './cycles.js';
import { buildProductTables, type ProductTables } from './product-tables.js';
import { RULES } from './rules.js';
import { DEMO_SIZES, type DemoSizeSpec } from './sizes.js';
import { buildStores, type StoreTable } from './stores.js';
import { GROUPS, type Group } from './taxonomy-types.js';
import type { DemoSize } from './types.js';

/** Products whose price spread is planted as extreme (seed 001's skew table): a few lines at 6–25× the usual price. */
export const SPREAD_PRODUCTS = ['한우등심', '기타남성의류세트', '커피음료', '캡슐원두커피', '레드와인', '골드바'];
/** Groups whose lines can be returned (durables; food and consumables are not). */
const RETURNABLE: readonly Group[] = ['household', 'beauty', 'baby', 'fashion', 'luxury', 'digital', 'leisure'];

export interface RuleIndex {
  antecedentMask: number;
  consequent: number;
  consequentBit: number;
  p: number;
}

/** Everything that does not depend on the customer: built once per run. */
export interface World {
  size: DemoSizeSpec;
  catalogue: Catalogue;
  stores: StoreTable;
  cal: CalendarTables;
  /**
   * Cumulative day weights of purchase trips per archetype: cal.dayCum, except that with the
   * marketing file the online archetype's follow the previous day's online spend (marketing.ts).
   * Partner-service uses keep cal.dayCum.
   */
  tripDayCum: Float64Array[];
  tables: ProductTables;
  /** Product index of each cycle in CYCLES order. */
  cycleProduct: number[];
  /** Rule slot (bit) of each product, -1 for products in no rule. */
  ruleSlot: Int8Array;
  rules: RuleIndex[];
  spread: Uint8Array;
  returnable: Uint8Array;
  giftTop: number;
  groupOf: Int32Array;
}

/** Builds the catalogue, shops and sampling tables for a size; none of it depends on the seed. */
export function buildWorld(size: DemoSize): World {
  const catalogue = buildCatalogue();
  const n = catalogue.name.length;
  const ruleSlot = new Int8Array(n).fill(-1);
  const slotOf = (name: string): number => {
    const p = productIndex(catalogue, name);
    if (ruleSlot[p] < 0) ruleSlot[p] = Math.max(-1, ...ruleSlot) + 1;
    return ruleSlot[p];
  };
  const rules = RULES.map((r) => {
    const antecedentMask = r.antecedents.reduce((m, a) => m | (1 << slotOf(a)), 0);
    const bit = slotOf(r.consequent);
    return { antecedentMask, consequent: productIndex(catalogue, r.consequent), consequentBit: 1 << bit, p: r.p };
  });
  const cycleProduct = CYCLES.map((c) => productIndex(catalogue, c.product));
  const spread = new Uint8Array(n);
  for (const name of SPREAD_PRODUCTS) spread[productIndex(catalogue, name)] = 1;
  const groupOf = Int32Array.from(catalogue.top, (t) => catalogue.tops[t].groupIndex);
  const returnable = new Uint8Array(n);
  const cyclic = new Set(cycleProduct);
  for (let p = 0; p < n; p++) {
    returnable[p] = RETURNABLE.includes(GROUPS[groupOf[p]]) && !cyclic.has(p) && ruleSlot[p] < 0 ? 1 : 0;
  }
  const cal = buildCalendarTables();
  return {
    size: DEMO_SIZES[size], catalogue, stores: buildStores(DEMO_SIZES[size].storeScale), cal, tripDayCum: cal.dayCum,
    tables: buildProductTables(catalogue), cycleProduct, ruleSlot, rules, spread, returnable,
    giftTop: catalogue.tops.findIndex((t) => t.group === 'gift'), groupOf,
  };
}
