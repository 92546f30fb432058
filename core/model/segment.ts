/**
 * The contract of the segmentation analyses (issue #4; SPEC §3.2 steps 1–5, §3.5, §3.6): what a
 * run's summary holds (printed by `run … --json`, stored in the run), and what the Segments and
 * Compare pages read. Names marked "contract" are read by checks outside the project.
 */

/** The segmentation analyses, by job id (contract). */
export const SEGMENT_ANALYSES = ['stratified-kmeans', 'kprototypes', 'lrfmv-kmedoids', 'kmeans'] as const;
export type SegmentAnalysis = (typeof SEGMENT_ANALYSES)[number];

export function isSegmentAnalysis(id: string): id is SegmentAnalysis {
  return (SEGMENT_ANALYSES as readonly string[]).includes(id);
}

/** Feature sets of the plain `kmeans` analysis (contract: `--param features=…`). */
export const KMEANS_FEATURE_SETS = ['rfm', 'lrfmv', 'category', 'category2'] as const;
export type KMeansFeatureSet = (typeof KMEANS_FEATURE_SETS)[number];

/** Segment id of customers set aside as noise or outliers (in exports and memberships). */
export const OUTLIER_SEGMENT = -1;

/** Validity of one k of a sweep (K-means/K-medoids/K-prototypes). */
export interface ValidityPoint {
  k: number;
  /** K-means: inertia; K-medoids: total deviation; K-prototypes: cost. */
  cost: number;
  /** Null when not computed (k-prototypes: mixed data has no Euclidean silhouette). */
  silhouette: number | null;
  calinskiHarabasz: number | null;
  daviesBouldin: number | null;
  /** Wall time of the fit at this k. */
  seconds: number;
}

/** How k was chosen, in words the UI shows. */
export interface KChoice {
  k: number;
  rule: 'given' | 'elbow';
  why: string;
}

/** One segment as listed in a summary. */
export interface SegmentInfo {
  id: number;
  name: string;
  customers: number;
  /** Stratum of a stratified run. */
  stratum?: number;
}

/** A stratum of `stratified-kmeans`: channel group × spend grade (contract: `strata[].k`). */
export interface StratumSummary {
  id: number;
  channel: 'offline' | 'online';
  grade: 1 | 2 | 3 | 4;
  label: string;
  customers: number;
  k: number;
  /** Customers in clusters of ≤ smallCluster customers, set aside as outliers. */
  outliers: number;
  /** Spend range of the grade within its channel group (won). */
  spendFrom: number;
  spendTo: number;
  curve: ValidityPoint[];
  choice: KChoice;
}

/** The summary of a segmentation run (contract for `runId`, `k`, `segments`, `noise`, `seconds`, `eps`, `ksStatistic`, `ksPValue`, `strata`). */
export interface SegmentationSummary {
  runId: number;
  analysis: SegmentAnalysis;
  /** Chosen k (for stratified-kmeans: the total number of clusters over the strata). */
  k: number;
  /** Number of segments (outliers not counted). */
  segments: number;
  /** Customers set aside as noise or outliers (listed in the `segments` export with outlier = 1). */
  noise: number;
  /** Customers segmented (noise included). */
  customers: number;
  /** Customers with no purchase line (or no positive net spend) that no segmentation can place. */
  excluded: number;
  seconds: number;
  featureSet: string;
  featureNames: string[];
  scaling: string;
  segmentList: SegmentInfo[];
  /** k-sweep with validity (absent when k was given for one fit). */
  curve?: ValidityPoint[];
  choice?: KChoice;
  // stratified-kmeans
  eps?: number;
  minSamples?: number;
  noiseShare?: number;
  ksStatistic?: number;
  ksPValue?: number;
  strata?: StratumSummary[];
  /** Offline-only vs any-online split sizes and median spend. */
  channelGroups?: { channel: 'offline' | 'online'; customers: number; medianSpend: number }[];
  // kprototypes
  gamma?: number;
  // lrfmv-kmedoids
  method?: 'pam' | 'clara';
  referenceDay?: string;
  /** Explained variance ratio of the 2-D PCA view. */
  pcaExplained?: number[];
}

/** One feature of a profile: mean and median in the segment, marked against the overall mean. */
export interface ProfileFeature {
  name: string;
  mean: number;
  median: number;
  overallMean: number;
  /** 'high' / 'low' when the segment mean is above / below the overall mean by ≥ 10 % of it. */
  mark: 'high' | 'low' | '';
}

/** What a segment looks like (SPEC §3.6 profiles). */
export interface SegmentProfile {
  segment: number;
  name: string;
  customers: number;
  customerShare: number;
  spend: number;
  spendShare: number;
  meanSpend: number;
  features: ProfileFeature[];
  topCategories: { category: string; amount: number; share: number }[];
  gender: { key: string; customers: number }[];
  ageBands: { key: string; customers: number }[];
  /** Receipts by weekday, Monday = 0 … Sunday = 6. */
  weekday: number[];
  /** Receipts by hour 0–23 (receipts without an hour are not counted). */
  hour: number[];
}

/** What the Segments page reads of one run. */
export interface SegmentationView {
  runId: number;
  analysis: SegmentAnalysis;
  params: Record<string, unknown>;
  summary: SegmentationSummary;
  profiles: SegmentProfile[];
  /** 2-D PCA view, one point per segmented customer (outliers included with segment −1). */
  points: { x: number[]; y: number[]; segment: number[] };
}

/** Two segments of one run side by side. */
export interface SegmentComparison {
  runId: number;
  a: SegmentProfile;
  b: SegmentProfile;
  /** Per category: spend per customer in each segment, Mann–Whitney U test, Holm-adjusted p. */
  categories: { category: string; meanA: number; meanB: number; u: number; pValue: number; pAdjusted: number; effect: number }[];
  /** Chi-square tests of independence of demographics and segment. */
  demographics: { variable: string; statistic: number; dof: number; pValue: number; cramersV: number; table: { key: string; a: number; b: number }[] }[];
}

/** Two runs' memberships cross-tabulated. */
export interface RunComparison {
  runA: number;
  runB: number;
  /** Customers in both runs (the cross-tab and ARI are over these). */
  customers: number;
  ari: number;
  rows: { segment: number; name: string }[];
  columns: { segment: number; name: string }[];
  /** counts[row][column]. */
  counts: number[][];
}
