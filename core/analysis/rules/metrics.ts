import type { RuleMetrics } from '../../model/rules.js';

export type { RuleMetrics };

/**
 * Rule metrics as mlxtend defines them (mlxtend.frequent_patterns.association_rules, docs:
 * rasbt.github.io/mlxtend/user_guide/frequent_patterns/association_rules), from three supports
 * (fractions of baskets): sA of the antecedent, sC of the consequent, sAC of both.
 */
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
