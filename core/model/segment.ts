/**
 * The contract of the segmentation analyses (issue #4; SPEC §3.2 steps 1–5, §3.5, §3.6): what a
 * run's summary holds (printed by `run … --json`, stored in the run), and what the Segments and
 * Compare pages read. Names marked "contract" are read by checks outside the project.
 */

import type { ClvComparisonRow } from './value.js';

/** The segmentation analyses, by job id (contract). */
/** The K-medoids algorithms of lrfmv-kmedoids; `auto` is PAM up to exactUpTo customers, FasterPAM beyond. */
export const KMEDOIDS_METHODS = ['auto', 'pam', 'fasterpam', 'clara'] as const;
export type KmedoidsMethod = Exclude<(typeof KMEDOIDS_METHODS)[number], 'auto'>;

export const SEGMENT_ANALYSES = ['stratified-kmeans', 'kprototypes', 'lrfmv-kmedoids', 'kmeans'] as const;
export type SegmentAnalysis = (typeof SEGMENT_ANALYSES)[number];

export function isSegmentAnalysis(id: string): id is SegmentAnalysis {
  return (SEGMENT_ANALYSES as readonly string[]).includes(id);
}

/**
 * Feature sets of the plain `kmeans` analysis (contract: `--param features=…`). `imported`: the
 * project's customer-features table (`import --format customer-features`, issue #16).
 */
export const KMEANS_FEATURE_SETS = ['rfm', 'lrfmv', 'category', 'category2', 'clv', 'imported'] as const;
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
  /** LRFMV runs: the sign pattern of the segment's mean z-scores, "L+ R− F+ M+ V+" (shown beside the name). */
  pattern?: string;
}

/**
 * Why a customer is in no segment (contract: the keys of `excluded.byReason` and the `reason`
 * column of the `segments` export). A customer has exactly one reason, the first that applies.
 */
export const EXCLUSION_REASONS = {
  /** Known (customers file or lines) but no purchase receipt at all. */
  noPurchases: 'no purchases',
  /** Purchases, but returns and cancellations take net spend to ≤ 0. */
  netNotPositive: 'net spend ≤ 0 (returns exceed purchases)',
  /** The same without amounts in the data: net items ≤ 0. */
  netItemsNotPositive: 'net items ≤ 0 (returns exceed purchases)',
} as const;

/** The note a run carries when M is the number of items (docs/segmentation.md, issue #10 point 2); the UI translates it. */
export const ITEMS_AS_MONETARY_NOTE = 'The data has no amounts: M (monetary) is the net number of items bought, a purchase is a receipt with items, and spend figures are unknown.';

/** Customers set aside before clustering, by reason (contract: `excluded.total`, `excluded.byReason`). */
export interface ExcludedCustomers {
  total: number;
  /** Counts per reason (EXCLUSION_REASONS values); reasons with no customer are left out. */
  byReason: Record<string, number>;
  /**
   * Customers the method itself set aside (segment −1, counted in `noise` and `customers`, not in
   * `total`), by reason: "DBSCAN noise", "small cluster (≤ 3 customers)". Absent when none.
   */
  setAside?: Record<string, number>;
}

/** The seed-004 sign of each of L, R, F, M, V: +1 above the overall mean, −1 below. */
export type LrfmvSigns = readonly number[];

/** "L+ R− F+ M+ V+" (U+2212 minus) for five signs. */
export function lrfmvPattern(signs: LrfmvSigns): string {
  return signs.map((s, f) => `${'LRFMV'[f]}${s > 0 ? '+' : '\u2212'}`).join(' ');
}

/** The five signs of a pattern written by lrfmvPattern, or null when the text is not one. */
export function parseLrfmvPattern(text: string): number[] | null {
  const m = /^L([+\u2212]) R([+\u2212]) F([+\u2212]) M([+\u2212]) V([+\u2212])$/.exec(text);
  return m ? m.slice(1).map((c) => (c === '+' ? 1 : -1)) : null;
}

/**
 * The words of a descriptive LRFMV name, as keys the UI translates (segments.word.*): one for
 * L (long-standing / short), one for R (recent / lapsed), then F, M and V together when they share
 * a sign (heavy / light), else one each (frequent / infrequent, big-spending / low-spending,
 * large baskets / small baskets). "short, lapsed, light" is L− R+ F− M− V−.
 */
export function lrfmvPatternWords(signs: LrfmvSigns): string[] {
  const sign = (f: number) => (signs[f] > 0 ? '+' : '-');
  const words = [`L${sign(0)}`, `R${sign(1)}`];
  if (signs[2] > 0 === signs[3] > 0 && signs[3] > 0 === signs[4] > 0) words.push(`FMV${sign(2)}`);
  else words.push(`F${sign(2)}`, `M${sign(3)}`, `V${sign(4)}`);
  return words;
}

/** The English words of lrfmvPatternWords (default names are stored in English; the UI translates). */
export const LRFMV_WORDS_EN: Record<string, string> = {
  'L+': 'long-standing', 'L-': 'short', 'R+': 'lapsed', 'R-': 'recent',
  'FMV+': 'heavy', 'FMV-': 'light', 'F+': 'frequent', 'F-': 'infrequent',
  'M+': 'big-spending', 'M-': 'low-spending', 'V+': 'large baskets', 'V-': 'small baskets',
};

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
  /** Chosen k (for stratified-kmeans: the segments kept over the strata, = `segments`; the clusters fitted are in `clustersFitted`). */
  k: number;
  /** Number of segments (outliers not counted). */
  segments: number;
  /** Customers set aside as noise or outliers (listed in the `segments` export with outlier = 1). */
  noise: number;
  /** Customers segmented (noise included). */
  customers: number;
  /**
   * Customers no segmentation can place, with counts per reason (EXCLUSION_REASONS; the method's
   * own set-asides such as DBSCAN noise are in `noise`, not here). Listed in the `segments` export
   * with an empty segment and the reason.
   */
  excluded: ExcludedCustomers;
  /** What the run had to adapt to the data, one sentence each (e.g. M = items when amounts are unknown). */
  notes?: string[];
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
  /** stratified-kmeans: clusters fitted over the strata (Σ strata[].k), before tiny clusters were set aside as outliers. */
  clustersFitted?: number;
  /** Offline-only vs any-online split sizes and median spend. */
  channelGroups?: { channel: 'offline' | 'online'; customers: number; medianSpend: number }[];
  // kprototypes
  gamma?: number;
  // lrfmv-kmedoids
  method?: KmedoidsMethod;
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
  /** LRFMV runs: the segment's sign pattern (see SegmentInfo.pattern). */
  pattern?: string;
  customers: number;
  customerShare: number;
  /** Null when the data has no amounts (issue #10: unknown, not 0). */
  spend: number | null;
  spendShare: number | null;
  meanSpend: number | null;
  features: ProfileFeature[];
  topCategories: { category: string; amount: number; share: number }[];
  gender: { key: string; customers: number }[];
  ageBands: { key: string; customers: number }[];
  /** Receipts by weekday, Monday = 0 … Sunday = 6. */
  weekday: number[];
  /** Receipts by hour 0–23 (receipts without an hour are not counted). */
  hour: number[];
  /** Customer attributes beyond the fixed fields (issue #10 point 3); absent when the data has none. */
  attributes?: AttributeProfile[];
}

/** One customer attribute in a segment: numeric mean/median over the customers with a value, or category counts. */
export interface AttributeProfile {
  name: string;
  kind: 'numeric' | 'categorical';
  /** Customers of the segment with a value. */
  known: number;
  mean?: number;
  median?: number;
  /** Categorical: customers per value ("unknown" for none), by value. */
  counts?: { key: string; customers: number }[];
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
  /** Chi-square tests of independence of demographics and segment (categorical attributes included, by name). */
  demographics: { variable: string; statistic: number; dof: number; pValue: number; cramersV: number; table: { key: string; a: number; b: number }[] }[];
  /** Numeric customer attributes: Mann–Whitney U test as for the categories (customers without a value left out), Holm-adjusted. */
  attributes?: { name: string; meanA: number; meanB: number; u: number; pValue: number; pAdjusted: number; effect: number }[];
  /** With a clv run (issue #13): CLV, P(alive) and expected purchases compared (core/service/value.ts). */
  clv?: ClvComparisonRow[];
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
