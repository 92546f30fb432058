import { fpGrowth, type BasketSet, type FrequentItemsets } from './fpgrowth.js';
import { longTail } from './long-tail.js';
import { generateRules, type RuleSet } from './rules.js';

/** Defaults of the rules analysis (issue #11; seed 004 used minSupport 0.01 and confidence ≥ 0.9 as a filter in the app). */
export const RULES_DEFAULTS = {
  /** Fraction of baskets an itemset must appear in. */
  minSupport: 0.01,
  minConfidence: 0,
  minLift: 0,
  maxLength: 4,
  excludeTop: 0,
  maxItemSupport: 1,
  maxItemsets: 1_000_000,
};

export type RulesOptions = typeof RULES_DEFAULTS;

export interface MinedRules {
  /** Baskets mined (after the long-tail removal dropped the empty ones). */
  baskets: number;
  droppedBaskets: number;
  /** Items removed by excludeTop / maxItemSupport, most frequent first. */
  excluded: number[];
  /** Distinct items in the mined baskets. */
  items: number;
  /** The support count an itemset needed: the smallest c with c / baskets ≥ minSupport. */
  minCount: number;
  itemsets: FrequentItemsets;
  rules: RuleSet;
}

/** Smallest count c ≥ 1 with c / n ≥ minSupport, exactly as a fraction comparison decides (mlxtend compares support ≥ min_support). */
export function minCountOf(minSupport: number, n: number): number {
  let c = Math.ceil(minSupport * n);
  while (c > 1 && (c - 1) / n >= minSupport) c--;
  while (c / n < minSupport) c++;
  return Math.max(1, c);
}

/**
 * Frequent itemsets (FP-growth) and association rules of a basket set, after the optional
 * long-tail removal. `onPhase` reports progress between phases and lets the caller cancel (throw).
 */
export function mineRules(input: BasketSet, options: Partial<RulesOptions> = {}, onPhase?: (phase: 'itemsets' | 'rules', done: number, total: number) => void): MinedRules {
  const o: RulesOptions = { ...RULES_DEFAULTS, ...options };
  if (!(o.minSupport > 0 && o.minSupport <= 1)) throw new RangeError(`minSupport must be in (0, 1], got ${o.minSupport}`);
  if (!(o.minConfidence >= 0 && o.minConfidence <= 1)) throw new RangeError(`minConfidence must be in [0, 1], got ${o.minConfidence}`);
  if (!(o.minLift >= 0)) throw new RangeError(`minLift must be ≥ 0, got ${o.minLift}`);
  if (!Number.isInteger(o.maxLength) || o.maxLength < 1 || o.maxLength > 16) throw new RangeError(`maxLength must be an integer in 1..16, got ${o.maxLength}`);
  if (!Number.isInteger(o.maxItemsets) || o.maxItemsets < 1) throw new RangeError(`maxItemsets must be an integer ≥ 1, got ${o.maxItemsets}`);
  const tail = longTail(input, { excludeTop: o.excludeTop, maxItemSupport: o.maxItemSupport });
  const b = tail.baskets;
  const n = b.start.length - 1;
  const seen = new Uint8Array(b.itemCount);
  let items = 0;
  for (let i = 0; i < b.items.length; i++) {
    if (seen[b.items[i]]) continue;
    seen[b.items[i]] = 1;
    items++;
  }
  const minCount = n === 0 ? 1 : minCountOf(o.minSupport, n);
  const empty = { start: new Int32Array(1), items: new Int32Array(0), count: new Int32Array(0) };
  const itemsets = n === 0 ? empty : fpGrowth(b, { minCount, maxLength: o.maxLength, maxItemsets: o.maxItemsets, onItem: (d, t) => onPhase?.('itemsets', d, t) });
  onPhase?.('rules', 0, itemsets.count.length);
  const rules = generateRules(itemsets, n, o, (k) => onPhase?.('rules', k, itemsets.count.length));
  return { baskets: n, droppedBaskets: tail.droppedBaskets, excluded: tail.excluded, items, minCount, itemsets, rules };
}
