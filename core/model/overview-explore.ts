/**
 * The Overview for every file (issue #14): time, weekday, basket, new-vs-returning and product
 * panels that any data with dates supports, filtered by period, segment of a chosen run, region,
 * retailer and category, and the customers behind one bar of a panel ("click-through").
 *
 * Definitions (the ones of core/model/overview.ts, over the *slice*):
 * - **Slice**: the receipts that pass every filter. Period: the receipt's day in [from, to].
 *   Segment: the receipt's customer is in `segment` of segmentation run `segmentRun`. Region: the
 *   customer's region. Retailer: the receipt's retailer. Category: only the lines of products of
 *   that (top-level) category count, so a receipt is in the slice when it holds one, and its
 *   amount and items are those lines' sums.
 * - **Sales**: net sum of the slice's amounts (returns subtract). **Receipts**: purchase receipts
 *   (amount > 0, or quantity > 0 when amounts are unknown). **Customers**: distinct customer ids
 *   with a receipt in the slice.
 * - **New customer** of a month: the month holds the customer's first purchase receipt in the
 *   whole data (filters do not move it: someone who bought before the period is returning).
 * - **Items** of a receipt: the sum of its lines' quantities when the data has quantities, else
 *   its number of lines (`itemsBasis`).
 */

import type { OverviewResult } from './overview.js';

/** The filters of the Overview; each one only where the data has the field (`OverviewFilterOptions`). */
export interface OverviewFilters {
  /** First day "YYYY-MM-DD" (inclusive); absent: the data's first day. */
  from?: string;
  /** Last day "YYYY-MM-DD" (inclusive). */
  to?: string;
  /** A segmentation run: its segments become a panel, and `segment` can filter on one. */
  segmentRun?: number;
  segment?: number;
  region?: string;
  retailer?: string;
  category?: string;
}

/** What a bar of a panel stands for: the dimension and its value as the panel names it. */
export type OverviewSliceDimension = 'month' | 'week' | 'weekday' | 'hour' | 'items' | 'amount' | 'product' | 'segment' | 'new' | 'returning';

/**
 * One bar. `value`: month "YYYY-MM" (also for 'new' and 'returning'), week by its Monday
 * "YYYY-MM-DD", weekday 0–6 (Monday 0), hour 0–23, items/amount bin "lo:hi" (lo inclusive, hi
 * exclusive, either may be empty for an open end), product code, segment id.
 */
export interface OverviewSlice {
  dimension: OverviewSliceDimension;
  value: string;
}

export interface OverviewFilterOptions {
  /** Data days (ISO), for the period inputs. */
  firstDay: string | null;
  lastDay: string | null;
  regions: string[];
  retailers: string[];
  categories: string[];
  /** Segmentation runs of the project, newest first. */
  segmentRuns: { id: number; analysis: string; title: string | null }[];
  /** Segments of `filters.segmentRun` (outliers −1 included when there are any). */
  segments: { id: number; name: string; customers: number }[];
}

/** A time series panel: parallel arrays aligned on `periods`. */
export interface ExploreSeries {
  periods: string[];
  sales: number[];
  receipts: number[];
  customers: number[];
}

export interface ExploreBin {
  /** "lo:hi" as in OverviewSlice. */
  key: string;
  from: number | null;
  to: number | null;
  receipts: number;
}

export interface ExploreProductRow {
  code: string;
  name: string;
  sales: number;
  receipts: number;
}

export interface ExploreSegmentRow {
  id: number;
  name: string;
  customers: number;
  receipts: number;
  sales: number;
}

export interface OverviewExplore {
  filters: OverviewFilters;
  options: OverviewFilterOptions;
  /** False when the data has no amounts: sales are null everywhere and receipts are the measure. */
  hasAmounts: boolean;
  /** Null when the data has amounts; else the one sentence the page shows. */
  moneyReason: string | null;
  totals: { sales: number | null; receipts: number; customers: number };
  monthly: ExploreSeries;
  weekly: ExploreSeries;
  /** Purchase receipts and sales by weekday, Monday first (from dates: no time of day needed). */
  weekdays: { receipts: number[]; sales: number[] };
  /** Purchase receipts by hour 0–23; null when the data has no time of day. */
  hours: { receipts: number[]; sales: number[] } | null;
  basket: { itemsBasis: 'quantity' | 'lines'; items: ExploreBin[]; amount: ExploreBin[] | null };
  newReturning: { periods: string[]; newCustomers: number[]; returningCustomers: number[] };
  /** Top products by sales (null without amounts) and by receipts; null without products. */
  products: { bySales: ExploreProductRow[] | null; byReceipts: ExploreProductRow[] } | null;
  /** Per segment of `filters.segmentRun`; null without one. */
  segments: ExploreSegmentRow[] | null;
  /**
   * The Overview's other panels (core/model/overview.ts: KPIs, gender × age, regions, monthly by
   * retailer, channel, weekday × hour, categories, prices, L.pay, cohort) under the same filters
   * (issue #14), where a filter applies (core/data/store/queries/overview/scope.ts); absent or
   * null without a filter other than `segmentRun` alone (the overview run's panels are those).
   */
  panels?: Omit<OverviewResult, 'period'> | null;
  /** Wall time of the queries, for the page's footnote and the benchmark. */
  ms: number;
}

export interface OverviewCustomerRow {
  customer: string;
  receipts: number;
  /** Null when the data has no amounts. */
  sales: number | null;
}

export interface OverviewCustomers {
  slice: OverviewSlice;
  /** Every customer behind the bar, most sales (else receipts) first; capped at `limit`. */
  rows: OverviewCustomerRow[];
  /** Customers behind the bar, also when `rows` is capped. */
  total: number;
}

/** Defaults of the Overview for every file, documented where the numbers are chosen. */
export const EXPLORE_DEFAULTS = {
  /** Products listed per ranking. */
  topProducts: 15,
  /** Item-count bin edges: 1, 2, 3, 4, 5, 6–10, 11–20, 21–50, 51+ (small baskets one by one, the tail in widening bins). */
  itemEdges: [1, 2, 3, 4, 5, 6, 11, 21, 51],
  /** Rows of a customer list sent to the page (the CSV export has them all). */
  customerLimit: 100_000,
} as const;
