import type { FrequentItemsets } from './fpgrowth.js';
import { ruleMetrics, type RuleMetrics } from './metrics.js';

/**
 * Rules as compact pairs: itemset k split by a bit mask over its items (bit j set: item j of the
 * itemset is in the antecedent). Every metric follows from the supports of the itemset and its two
 * parts, so a million rules cost 8 bytes each.
 */
export interface RuleSet {
  itemset: Int32Array;
  antecedentMask: Int32Array;
}

export interface RuleFilter {
  minConfidence: number;
  minLift: number;
}

/** Key of an itemset (ascending item ids) for support lookups. */
export const itemsetKey = (items: ArrayLike<number>): string => Array.prototype.join.call(items, ',');

/** Support count of every itemset, by key. */
export function supportIndex(sets: FrequentItemsets): Map<string, number> {
  const map = new Map<string, number>();
  for (let k = 0; k < sets.count.length; k++) map.set(itemsetKey(sets.items.subarray(sets.start[k], sets.start[k + 1])), sets.count[k]);
  return map;
}

/** The items of itemset k that `mask` selects (mask bit j ↔ item j), ascending. */
export function pick(sets: FrequentItemsets, k: number, mask: number): number[] {
  const out: number[] = [];
  for (let j = sets.start[k]; j < sets.start[k + 1]; j++) if (mask & (1 << (j - sets.start[k]))) out.push(sets.items[j]);
  return out;
}

/** Metrics of rule (itemset k, antecedent mask) with supports as fractions of `baskets`. */
export function metricsOf(sets: FrequentItemsets, index: Map<string, number>, baskets: number, k: number, mask: number): RuleMetrics {
  const len = sets.start[k + 1] - sets.start[k];
  const full = (1 << len) - 1;
  const a = index.get(itemsetKey(pick(sets, k, mask)));
  const c = index.get(itemsetKey(pick(sets, k, full & ~mask)));
  if (a === undefined || c === undefined) throw new Error(`a subset of itemset ${k} is missing: itemsets must be closed under subsets`);
  return ruleMetrics(a / baskets, c / baskets, sets.count[k] / baskets);
}

/**
 * Every rule A → C from every frequent itemset of two or more items, for every non-empty proper
 * subset A (as mlxtend's association_rules), kept when confidence ≥ minConfidence and lift ≥ minLift.
 * Every subset of a frequent itemset is frequent, so the supports come from the itemsets themselves.
 */
export function generateRules(sets: FrequentItemsets, baskets: number, filter: RuleFilter, onItemset?: (k: number) => void): RuleSet {
  const index = supportIndex(sets);
  const itemset: number[] = [], masks: number[] = [];
  for (let k = 0; k < sets.count.length; k++) {
    const len = sets.start[k + 1] - sets.start[k];
    if (len < 2) continue;
    if ((k & 0xffff) === 0) onItemset?.(k);
    const full = (1 << len) - 1;
    for (let mask = 1; mask < full; mask++) {
      const m = metricsOf(sets, index, baskets, k, mask);
      if (m.confidence >= filter.minConfidence && m.lift >= filter.minLift) {
        itemset.push(k);
        masks.push(mask);
      }
    }
  }
  return { itemset: Int32Array.from(itemset), antecedentMask: Int32Array.from(masks) };
}
