import type { ReasonLang } from '../recommend/reasons.js';
import type { Recommender, TrainingData } from '../recommend/types.js';
import { mineRules } from './mine.js';
import { pick } from './rules.js';

/** Defaults of the `rules` recommender (issue #11 "Use"). */
export const RULES_RECOMMENDER_DEFAULTS = {
  /** Support of an itemset as a share of the training receipts (at least 3 receipts). */
  minSupport: 0.0005,
  minConfidence: 0.05,
  maxLength: 3,
  maxItemsets: 1_000_000,
};

export const RULE_REASONS = {
  rule: (antecedent: string, consequent: string, confidence: number) => ({
    en: `bought ${antecedent} → ${consequent}, confidence ${confidence.toFixed(2)}`,
    ko: `${antecedent} 구매 → ${consequent}, 신뢰도 ${confidence.toFixed(2)}`,
  }),
  popular: (n: number) => ({ en: `no rule applies; popular: in ${n} receipts`, ko: `적용되는 규칙 없음; 인기 상품: 영수증 ${n}건에 포함` }),
};

/**
 * Association rules as a recommender (seed 004's use of its rules; SPEC §3.8 "rule A→B,
 * confidence 0.93"): rules A → {c} are mined on the training receipts (FP-growth, mlxtend's
 * metrics, core/analysis/rules); a customer is offered the consequents of the rules whose whole
 * antecedent they have bought, best rule first (confidence, then lift, then support), then the
 * most popular products to fill the list. The reason names the rule.
 */
export function rulesRecommender(options: Partial<typeof RULES_RECOMMENDER_DEFAULTS> = {}): Recommender & { readonly ruleCount: number } {
  const o = { ...RULES_RECOMMENDER_DEFAULTS, ...options };
  let labels: readonly string[] = [];
  let antecedents: number[][] = [];
  let consequent = new Int32Array(0);
  let confidence = new Float64Array(0);
  let byFirst = new Map<number, number[]>();
  let history: Set<number>[] = [];
  let popular = new Int32Array(0);
  let counts = new Int32Array(0);
  let cache: { customer: number; best: Map<number, number> } | null = null;

  /** The best applicable rule per consequent for a customer: consequent → rule index (rules are in rank order). */
  const bestRules = (customer: number): Map<number, number> => {
    if (cache?.customer === customer) return cache.best;
    const hist = history[customer] ?? new Set<number>();
    const best = new Map<number, number>();
    for (const p of hist) {
      for (const r of byFirst.get(p) ?? []) {
        const c = consequent[r];
        const seen = best.get(c);
        if (seen !== undefined && seen <= r) continue;
        if (antecedents[r].every((a) => hist.has(a))) best.set(c, r);
      }
    }
    cache = { customer, best };
    return best;
  };

  return {
    name: 'rules',
    get ruleCount() {
      return consequent.length;
    },
    fit(train: TrainingData) {
      const P = train.codes.length;
      labels = train.labels ?? train.codes;
      const R = train.receiptCustomer.length;
      const m = mineRules({ start: train.receiptStart, items: train.receiptItems, itemCount: P }, { minSupport: Math.max(o.minSupport, R > 0 ? 3 / R : 1), minConfidence: o.minConfidence, maxLength: o.maxLength, maxItemsets: o.maxItemsets });
      const s = m.itemsets;
      const counted = new Map<string, number>();
      for (let k = 0; k < s.count.length; k++) counted.set(Array.prototype.join.call(s.items.subarray(s.start[k], s.start[k + 1]), ','), s.count[k]);
      const list: { a: number[]; c: number; conf: number; lift: number; support: number }[] = [];
      for (let r = 0; r < m.rules.itemset.length; r++) {
        const k = m.rules.itemset[r], mask = m.rules.antecedentMask[r];
        const len = s.start[k + 1] - s.start[k];
        const cons = pick(s, k, ((1 << len) - 1) & ~mask);
        if (cons.length !== 1) continue;
        const a = pick(s, k, mask);
        const conf = s.count[k] / counted.get(a.join(','))!;
        const cs = counted.get(String(cons[0]))! / m.baskets;
        list.push({ a, c: cons[0], conf, lift: conf / cs, support: s.count[k] });
      }
      // Rank: confidence, lift, support, then the items' codes (deterministic).
      const key = (x: (typeof list)[number]) => `${x.a.map((i) => train.codes[i]).join('\u0001')}\u0002${train.codes[x.c]}`;
      list.sort((x, y) => y.conf - x.conf || y.lift - x.lift || y.support - x.support || (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
      antecedents = list.map((x) => x.a);
      consequent = Int32Array.from(list, (x) => x.c);
      confidence = Float64Array.from(list, (x) => x.conf);
      byFirst = new Map();
      list.forEach((x, r) => {
        const first = x.a[0];
        if (!byFirst.has(first)) byFirst.set(first, []);
        byFirst.get(first)!.push(r);
      });
      history = Array.from({ length: train.customerCount }, () => new Set<number>());
      counts = new Int32Array(P);
      for (let r = 0; r < R; r++) {
        for (let j = train.receiptStart[r]; j < train.receiptStart[r + 1]; j++) {
          history[train.receiptCustomer[r]].add(train.receiptItems[j]);
          counts[train.receiptItems[j]]++;
        }
      }
      popular = Int32Array.from([...Array(P).keys()].sort((x, y) => counts[y] - counts[x] || (train.codes[x] < train.codes[y] ? -1 : train.codes[x] > train.codes[y] ? 1 : 0)));
      cache = null;
    },
    recommend(customer, k, exclude) {
      if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1, got ${k}`);
      const best = bestRules(customer);
      const ranked = [...best].filter(([c]) => !exclude?.has(c)).sort((x, y) => x[1] - y[1]).slice(0, k).map(([c]) => c);
      const chosen = new Set(ranked);
      for (let i = 0; i < popular.length && ranked.length < k; i++) {
        const p = popular[i];
        if (!chosen.has(p) && !exclude?.has(p)) ranked.push(p);
      }
      return Int32Array.from(ranked);
    },
    reason(customer, product, lang: ReasonLang = 'en') {
      const r = bestRules(customer).get(product);
      if (r === undefined) return RULE_REASONS.popular(counts[product] ?? 0)[lang];
      return RULE_REASONS.rule(antecedents[r].map((i) => labels[i]).join(lang === 'ko' ? ', ' : ' and '), labels[product], confidence[r])[lang];
    },
    score(customer, product) {
      const r = bestRules(customer).get(product);
      return r === undefined ? 0 : confidence[r];
    },
  };
}
