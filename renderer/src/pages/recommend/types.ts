/** The summaries of the recommender runs, as core/model/recommend.ts defines them. */
export type { ModelResult, RecommendEvalSummary, RecommendSummary } from '../../../../core/model/recommend.js';
export type { PreferenceValidation } from '../../../../core/model/recommend.js';
export type { ScoreModelExample, ScoreModelProduct, ScoreModelRetailer, ScoreModelSummary } from '../../../../core/model/recommend.js';
