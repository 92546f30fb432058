export type { Recommender, TrainingData } from './types.js';
export { evaluate, type Evaluation, type MetricValues } from './metrics.js';
export { gTopFreq, pTopFreq, segmentPop, itemKnn, ease, chooseLambda, DEFAULT_LAMBDAS, type ItemKnnOptions, type EaseOptions } from './baselines.js';
export { easeWeights, choleskyInPlace, invertLowerInPlace } from './ease.js';
export { historyOf, codeRanks, compareCodes } from './ranking.js';
export { clusterKnn, type ClusterKnnOptions } from './cluster-knn.js';
export { preferenceScores, preferenceRecommender, validationTable, buyLevel, type PreferenceScore, type PreferencePurchase } from './preference.js';
