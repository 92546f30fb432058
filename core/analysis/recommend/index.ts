export type { Recommender, TrainingData } from './types.js';
export { evaluate, type Evaluation, type MetricValues } from './metrics.js';
export { gTopFreq, pTopFreq, segmentPop, itemKnn, ease, chooseLambda, DEFAULT_LAMBDAS, type ItemKnnOptions, type EaseOptions } from './baselines.js';
export { easeWeights, choleskyInPlace, invertLowerInPlace } from './ease.js';
export { historyOf, codeRanks, compareCodes } from './ranking.js';
export { clusterKnn, type ClusterKnnOptions } from './cluster-knn.js';
export { preferenceScores, preferenceTable, tableRows, preferenceRecommender, validationTable, buyLevel, type PreferenceScore, type PreferencePurchase, type PreferenceTable, type PurchaseColumns } from './preference.js';
export {
  trainScoreModel, scoreModelRecommender, pairsFromScores, meanBaselineRmse, pickRetailer, weightedSampleTop, topPredictions, stampMission, ScoreNet, ScoreGrads, SCORE_MODEL_DEFAULTS,
  type ScoreModel, type ScoreModelOptions, type ScoreModelRecommenderOptions, type ScorePairs, type Demographics, type EpochReport, type Prediction, type StampCategory,
} from './score-model.js';
export { tifuKnn, pifVectors, chooseTifu, TIFU_DEFAULTS, DEFAULT_TIFU_GRID, type TifuOptions, type TifuModel, type TifuGrid } from './tifu-knn.js';
export { REASONS, REASON_LANGS, say, type ReasonLang } from './reasons.js';
