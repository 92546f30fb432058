/**
 * Rule metrics as mlxtend defines them (mlxtend.frequent_patterns.association_rules, docs:
 * rasbt.github.io/mlxtend/user_guide/frequent_patterns/association_rules), from three supports
 * (fractions of baskets): sA of the antecedent, sC of the consequent, sAC of both.
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

export function ruleMetrics(sA: number, sC: number, sAC: number): RuleMetrics {
  const confidence = sAC / sA;
  const leverage = sAC - sA * sC;
  const denominator = Math.max(sAC * (1 - sA), sA * (sC - sAC));
  return {
    antecedentSupport: sA,
    consequentSupport: sC,
    support: sAC,
    confidence,
    lift: confidence / sC,
    leverage,
    conviction: confidence < 1 ? (1 - sC) / (1 - confidence) : Infinity,
    zhangsMetric: denominator === 0 ? 0 : leverage / denominator,
  };
}
