/**
 * The contract of the association-rules analysis `rules` (issue #11; SPEC §3.6): what `run rules
 * --json` prints and the run stores, and what the Rules page reads. Fields marked "contract" are
 * read by checks outside the project.
 */

export const RULE_BASKETS = ['receipt', 'customer-day', 'customer'] as const;
export type RuleBasket = (typeof RULE_BASKETS)[number];
export const RULE_LEVELS = ['product', 'category', 'category2'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** One mined basket set: the whole data, or one segment of a segmentation run. */
export interface RulesPart {
  /** 'all', or 'seg<id>' for a segment. */
  key: string;
  /** Segment id and name, or null for the whole data. */
  segment: number | null;
  name: string;
  baskets: number;
  droppedBaskets: number;
  items: number;
  itemsets: number;
  rules: number;
  /** segment=each: rules that hold in this segment and in no other. */
  uniqueRules?: number;
}

/** Summary of a `rules` run (contract: runId, baskets, items, itemsets, rules, seconds). */
export interface RulesSummary {
  runId: number;
  basket: RuleBasket;
  level: RuleLevel;
  /** Baskets mined, summed over the parts (after long-tail removal). */
  baskets: number;
  /** Distinct items in the mined baskets (over all parts). */
  items: number;
  itemsets: number;
  rules: number;
  /** Baskets left empty by excludeTop / maxItemSupport, dropped. */
  droppedBaskets: number;
  /** Names of the items the long-tail mode removed, most frequent first. */
  excludedItems: string[];
  /** The support count an itemset needed (of the whole data, or the first part). */
  minCount: number;
  segmentRun: number | null;
  parts: RulesPart[];
  seconds: number;
}

export const RULE_SORT_KEYS = ['support', 'confidence', 'lift', 'leverage', 'conviction', 'zhangsMetric', 'antecedentSupport', 'consequentSupport'] as const;
export type RuleSortKey = (typeof RULE_SORT_KEYS)[number];

/**
 * A rule's metrics as mlxtend defines them (mlxtend.frequent_patterns.association_rules), from
 * three supports (fractions of baskets): sA of the antecedent, sC of the consequent, sAC of both
 * (computed by core/analysis/rules/metrics.ts).
 */
export interface RuleMetrics {
  antecedentSupport: number;
  consequentSupport: number;
  support: number;
  /** sAC / sA: share of baskets with A that also hold C. */
  confidence: number;
  /** confidence / sC: 1 when A and C are independent. */
  lift: number;
  /** sAC − sA·sC (Piatetsky-Shapiro): 0 when independent. */
  leverage: number;
  /** (1 − sC) / (1 − confidence); Infinity when confidence = 1 (Brin et al. 1997). */
  conviction: number;
  /**
   * Zhang's metric (Zhang 2000, "Association rules in the presence of negative relationships"):
   * leverage / max(sAC·(1 − sA), sA·(sC − sAC)), in −1..1; 0 when the denominator is 0 (as mlxtend).
   */
  zhangsMetric: number;
}

/** One rule as the Rules page shows it; conviction null = infinite (confidence 1). */
export type RuleRow = Omit<RuleMetrics, 'conviction'> & {
  antecedents: string[];
  consequents: string[];
  conviction: number | null;
  /** segment=each: whether no other segment holds this rule. */
  unique?: boolean;
};

/** A page of one part's rules, sorted and filtered, with points for the scatter. */
export interface RulesView {
  summary: RulesSummary;
  part: string;
  /** Rules after the view's filters (before paging). */
  total: number;
  rows: RuleRow[];
  /** [support, confidence, lift] of up to `RULES_SCATTER_MAX` filtered rules, in the view's order. */
  points: [number, number, number][];
}

export const RULES_SCATTER_MAX = 20_000;
