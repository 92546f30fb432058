import { createRandom } from '../../analysis/common/random.js';
import { chooseLambda, ease, evaluate, historyOf } from '../../analysis/recommend/index.js';
import type { Baskets } from '../../data/store/queries/baskets.js';
import type { ModelResult } from '../../model/recommend.js';
import { temporalSplit } from './split.js';

/** What recommend-eval's EASE step needs: the baskets (typed arrays and codes, no database) and its settings. */
export interface EaseEvalInput {
  b: Pick<Baskets, 'productCodes' | 'customerIds' | 'receiptCustomer' | 'receiptDay' | 'receiptStart' | 'receiptItems'>;
  cutoff: number;
  ks: number[];
  validationDays: number;
  validationCustomers: number;
  lambdas: number[];
  easeItems: number;
  seed: number;
}

export interface EaseEvalOutput {
  result: Omit<ModelResult, 'id'>;
  /** nDCG at the largest K per evaluated customer, in the holdout's customer order (for the paired bootstrap). */
  perCustomer: Float64Array;
}

/**
 * EASE in recommend-eval (issue #5 §2, #10 §5): λ chosen among `lambdas` by nDCG at the largest K on
 * the `validationDays` before the cutoff (at most `validationCustomers` of them, a seeded sample;
 * never the test period), then fitted on everything before the cutoff and scored on the holdout.
 * Pure of the database, so it can run on a thread of its own beside the other models (issue #16;
 * ease-thread.ts); `check` is called between the λ fits (cancel).
 */
export function evaluateEase(input: EaseEvalInput, check: () => void = () => undefined): EaseEvalOutput {
  const { cutoff, ks, validationDays: days, validationCustomers, lambdas, easeItems, seed } = input;
  const b = input.b as Baskets;
  const P = b.productCodes.length;
  const kMax = Math.max(...ks);
  const t0 = performance.now();
  const val = temporalSplit(b, cutoff - days, cutoff);
  const truth = sampleCustomers(val.truth, validationCustomers, seed);
  const valHistory = historyOf(val.train);
  const chosen = truth.size === 0
    ? { lambda: lambdas[0], scores: [] }
    : chooseLambda(lambdas, (lambda) => {
        check();
        const m = ease({ lambda, maxItems: easeItems });
        m.fit(val.train);
        return evaluate((u) => m.recommend(u, kMax), truth, valHistory, [kMax], P).all[`ndcg@${kMax}`];
      });
  const selectSeconds = (performance.now() - t0) / 1000;
  check();
  const h = temporalSplit(b, cutoff);
  const model = ease({ lambda: chosen.lambda, maxItems: easeItems });
  const t1 = performance.now();
  model.fit(h.train);
  const trainSeconds = (performance.now() - t1) / 1000;
  const e = evaluate((u) => model.recommend(u, kMax), h.truth, historyOf(h.train), ks, P);
  return {
    result: {
      metrics: e.all, repeat: e.repeat, new: e.new, trainSeconds: Math.round(trainSeconds * 1000) / 1000, evaluated: e.counts,
      notes: `λ = ${chosen.lambda} chosen on the ${days} days before the cutoff (${truth.size.toLocaleString('en')} of ${val.truth.size.toLocaleString('en')} validation customers; nDCG@${kMax}: ${chosen.scores.map((s) => `${s.lambda} → ${s.score.toFixed(4)}`).join(', ')}; ${selectSeconds.toFixed(1)} s); ${Math.min(easeItems, P)} most popular products modelled`,
    },
    perCustomer: e.perCustomer,
  };
}

/** At most `n` entries of `truth`, drawn without replacement by a seeded shuffle of the customers (all when fewer). */
export function sampleCustomers(truth: Map<number, Set<number>>, n: number, seed: number): Map<number, Set<number>> {
  if (truth.size <= n) return truth;
  const keys = [...truth.keys()].sort((a, b) => a - b);
  const random = createRandom(seed);
  for (let i = 0; i < n; i++) {
    const j = i + random.int(keys.length - i);
    [keys[i], keys[j]] = [keys[j], keys[i]];
  }
  return new Map(keys.slice(0, n).map((u) => [u, truth.get(u)!]));
}
