/**
 * The summaries of the recommend-eval and recommend runs as the renderer reads them. They mirror
 * RecommendEvalSummary / ModelResult (core/jobs/recommend/eval-job.ts) and RecommendSummary
 * (core/jobs/recommend/recommend-job.ts): the renderer may import core/model only, and those types
 * are not there yet. Keep in step when the jobs change (or move them to core/model).
 */
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
  customers: number;
  products: number;
  trainReceipts: number;
  testDays: number;
  ks: number[];
  models: ModelResult[];
  verdict: string;
}

export interface RecommendSummary {
  runId: number;
  model: string;
  top: number;
  customers: number;
  short: number;
  trainSeconds: number;
  seconds: number;
  notes?: string;
}
