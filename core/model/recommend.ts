/**
 * The contract of the recommender analyses (issue #5): model ids, and the summaries of
 * `recommend-eval`, `recommend` and `preference-score` runs as the CLI prints them and the app reads them.
 */

/** Model ids (contract). */
export const MODEL_IDS = ['g-topfreq', 'p-topfreq', 'segment-pop', 'item-knn', 'ease', 'cluster-knn', 'preference-score', 'score-model', 'sequence'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

/** The baselines shown beside every model (issue #5 §2). */
export const BASELINE_IDS: readonly ModelId[] = ['g-topfreq', 'p-topfreq', 'segment-pop', 'item-knn', 'ease'];

/** The models built so far (the others are listed by recommend-eval as skipped). */
export const BUILT_MODELS: readonly ModelId[] = ['g-topfreq', 'p-topfreq', 'segment-pop', 'item-knn', 'ease', 'cluster-knn', 'preference-score'];

export interface ModelResult {
  id: string;
  metrics?: Record<string, number>;
  repeat?: Record<string, number>;
  new?: Record<string, number>;
  trainSeconds?: number;
  evaluated?: { all: number; repeat: number; new: number };
  notes?: string;
  skipped?: string;
}

export interface RecommendEvalSummary {
  runId: number;
  cutoff: string;
  /** Customers evaluated: ≥ 1 purchase before the cutoff and ≥ 1 on or after it. */
  customers: number;
  products: number;
  trainReceipts: number;
  testDays: number;
  ks: number[];
  models: ModelResult[];
  /** The model with the best nDCG at the largest K over all evaluated customers, in words. */
  verdict: string;
}

export interface RecommendSummary {
  runId: number;
  model: string;
  top: number;
  customers: number;
  /** Customers who got fewer than `top` products (the model had no more candidates). */
  short: number;
  trainSeconds: number;
  seconds: number;
  notes?: string;
}

export interface PreferenceValidation {
  runId: number;
  /** Scores use purchases before this day; "bought again" means on or after it. */
  split: string;
  reference: string;
  retailers: { retailer: string; pairs: number; table: { threshold: number; pairs: number; share: number | null }[] }[];
}

/** One customer as the Recommend page shows them: who, what they bought when, what a run recommends and why. */
export interface CustomerView {
  code: string;
  gender: string | null;
  ageBand: string | null;
  region: string | null;
  receipts: number;
  spend: number;
  /** Purchase days, newest first (at most 60), with the distinct products bought that day. */
  timeline: { date: string; receipts: number; amount: number; products: { code: string; name: string | null; category: string | null }[] }[];
  /** The run's list for this customer (empty without a run or when the customer got none). */
  recommendations: { rank: number; product: string; name: string | null; category: string | null; score: number | null; reason: string }[];
}
