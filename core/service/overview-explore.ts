import type { Cell } from '../data/export/csv-writer.js';
import { epochDay, isoDate } from '../data/import/values.js';
import type { Db } from '../data/store/open.js';
import { dataCapabilities } from '../data/store/queries/capabilities.js';
import { receiptsContiguous } from '../data/store/queries/overview/category-pass.js';
import { amountEdges, basketBins } from '../data/store/queries/overview/explore-basket.js';
import { sliceCustomers } from '../data/store/queries/overview/explore-customers.js';
import { productTotals, segmentTotals, topBy } from '../data/store/queries/overview/explore-products.js';
import { timePanels } from '../data/store/queries/overview/explore-time.js';
import { dropSlice, sliceSource, type SliceFilter } from '../data/store/queries/overview/slice.js';
import { ALL_DAYS } from '../data/store/queries/overview/calendar.js';
import type { PanelScope } from '../data/store/queries/overview/scope.js';
import { computeOverview } from './overview-panels.js';
import { dataFingerprint, latestRun, listRuns } from '../data/store/runs.js';
import { sha256Text } from '../data/hash.js';
import { readNames, requireSegmentationRun } from '../data/store/segments.js';
import { EXPLORE_DEFAULTS, type OverviewCustomers, type OverviewExplore, type OverviewFilterOptions, type OverviewFilters, type OverviewSlice, type OverviewSliceDimension } from '../model/overview-explore.js';
import { WorkbenchError } from '../model/result.js';
import { isSegmentAnalysis } from '../model/segment.js';

const NO_AMOUNTS = "Sales are unknown: this project's data has no amounts (no amount or unit price column was imported); receipts and items are shown instead.";

/**
 * The Overview for every file (issue #14) on an open project with `filters`: every panel is an SQL
 * aggregate over one slice of the receipts (sliceSource), so the filters apply to all of them and
 * nothing row-sized reaches JavaScript. With a filter, the Overview's other panels are computed
 * under it too (`panels`, computeOverview), so the page's one filter bar reaches every panel.
 * Runs inside one read transaction (one snapshot). `known.contiguous`: receiptsContiguous already
 * found in the same snapshot (the overview job's panels walk it first).
 */
export function overviewExplore(db: Db, filters: OverviewFilters, known: { contiguous?: boolean } = {}): OverviewExplore {
  const t0 = performance.now();
  const caps = dataCapabilities(db);
  const itemsBasis = hasQuantities(db) ? 'quantity' : 'lines';
  const segmentName = segmentNamer(db, filters.segmentRun);
  return inSnapshot(db, () => {
    try {
      const f = sliceFilter(filters);
      const scope = panelScope(f);
      const src = sliceSource(db, f, itemsBasis);
      const time = timePanels(db, src);
      let contiguous = known.contiguous;
      const panels = scope === null ? null : computeOverview(db, scope, { onLayout: (c) => (contiguous = c) });
      const products = caps.products ? productTotals(db, f, contiguous ?? receiptsContiguous(db)) : null;
      const n = EXPLORE_DEFAULTS.topProducts;
      const money = caps.amounts;
      const bins = basketBins(db, src, EXPLORE_DEFAULTS.itemEdges, money ? amountEdges(time.amountRange) : []);
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      return {
        filters,
        options: filterOptions(db, filters.segmentRun),
        hasAmounts: money,
        moneyReason: money ? null : NO_AMOUNTS,
        totals: { sales: money ? Math.round(sum(time.monthly.sales) * 100) / 100 : null, receipts: sum(time.monthly.receipts), customers: time.customers },
        monthly: time.monthly,
        weekly: time.weekly,
        weekdays: time.weekdays,
        hours: time.hours,
        basket: { itemsBasis, items: bins.items, amount: money ? bins.amount : null },
        newReturning: time.newReturning,
        products: products === null ? null : { bySales: money ? topBy(products, 'sales', n) : null, byReceipts: topBy(products, 'receipts', n) },
        segments: filters.segmentRun === undefined ? null : segmentTotals(db, src, filters.segmentRun, segmentName),
        panels,
        ms: Math.round(performance.now() - t0),
      };
    } finally {
      dropSlice(db);
    }
  });
}

/**
 * The scope of the Overview's other panels under the filters (computeOverview), or null when no
 * filter restricts anything (a segmentation run alone only adds the segments panel): then the
 * overview run's panels are the answer and nothing is recomputed.
 */
function panelScope(f: SliceFilter): PanelScope | null {
  const { segmentRun: _run, ...restricting } = f;
  if (Object.values(restricting).every((v) => v === undefined)) return null;
  return { from: f.from ?? ALL_DAYS.from, to: f.to ?? ALL_DAYS.to, retailer: f.retailer, region: f.region, segmentRun: f.segmentRun, segment: f.segment, category: f.category };
}

/** The field of an unfiltered overview run's stored summary that holds the unfiltered explore answer (overview-job.ts). */
export const STORED_EXPLORE_FIELD = 'explore';

/**
 * getOverviewExplore's answer: without a filter, the one the latest unfiltered overview run on the
 * same data (fingerprint) stored — it takes as long as computing the panels on a large project
 * (docs/decisions/0022-overview-explore.md) — with the filter bar's options read now (segmentation
 * runs come and go); otherwise, or without such a run, computed by overviewExplore.
 */
export function exploreAnswer(db: Db, filters: OverviewFilters): OverviewExplore {
  const unfiltered = Object.values(filters).every((v) => v === undefined);
  return (unfiltered ? storedExplore(db, filters) : undefined) ?? overviewExplore(db, filters);
}

function storedExplore(db: Db, filters: OverviewFilters): OverviewExplore | undefined {
  const t0 = performance.now();
  const run = latestRun(db, 'overview', dataFingerprint(db, sha256Text));
  if (run === undefined || run.params.from !== undefined || run.params.to !== undefined) return undefined;
  const kept = (run.summary as Record<string, unknown> | null)?.[STORED_EXPLORE_FIELD] as OverviewExplore | undefined;
  if (kept === undefined) return undefined;
  // Days, regions, retailers and categories are the data's (same fingerprint); segmentation runs come and go.
  return { ...kept, filters, options: { ...kept.options, segmentRuns: segmentRunOptions(db) }, ms: Math.round(performance.now() - t0) };
}

/** The customers behind one bar of the Overview for every file, under the same filters. */
export function overviewCustomers(db: Db, filters: OverviewFilters, slice: OverviewSlice, limit: number = EXPLORE_DEFAULTS.customerLimit): OverviewCustomers {
  const rows = customersOf(db, filters, slice);
  const money = dataCapabilities(db).amounts;
  return { slice, total: rows.length, rows: rows.slice(0, limit).map((r) => ({ customer: r.customer, receipts: r.receipts, sales: money ? r.sales : null })) };
}

/**
 * The `overview-customers` export: every customer behind a bar as CSV rows (customer, receipts,
 * sales). `params` are strings (CLI `--param`, the app's exportCsv): from, to, segmentRun,
 * segment, region, retailer, category as the filters, and dimension + value as the bar (without
 * them: every customer under the filters).
 */
export function overviewCustomerExportRows(db: Db, params: Record<string, string>): { header: string[]; rows: Cell[][] } {
  const { filters, slice } = exportRequest(params);
  const money = dataCapabilities(db).amounts;
  const rows = customersOf(db, filters, slice);
  return { header: ['customer', 'receipts', ...(money ? ['sales'] : [])], rows: rows.map((r) => [r.customer, r.receipts, ...(money ? [r.sales] : [])]) };
}

/** A download name that says which bar and filters it holds. */
export function overviewCustomerFileSuffix(params: Record<string, string>): string {
  const safe = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '_');
  const keys = ['dimension', 'value', 'from', 'to', 'segmentRun', 'segment', 'region', 'retailer', 'category'] as const;
  return keys.filter((k) => params[k] !== undefined && params[k] !== '').map((k) => `-${k === 'dimension' || k === 'value' ? '' : `${k}-`}${safe(params[k])}`).join('');
}

function customersOf(db: Db, filters: OverviewFilters, slice: OverviewSlice | null) {
  if (slice?.dimension === 'segment' && filters.segmentRun === undefined) throw new WorkbenchError('invalid-input', 'A segment bar needs segmentRun (the segmentation its segments belong to).');
  if (filters.segmentRun !== undefined) requireSegmentationRun(db, filters.segmentRun);
  return inSnapshot(db, () => {
    try {
      const f = sliceFilter(filters);
      return sliceCustomers(db, sliceSource(db, f, hasQuantities(db) ? 'quantity' : 'lines'), f, slice, filters.segmentRun);
    } catch (err) {
      if (err instanceof RangeError) throw new WorkbenchError('invalid-input', err.message);
      throw err;
    } finally {
      dropSlice(db);
    }
  });
}

const DIMENSIONS: readonly OverviewSliceDimension[] = ['month', 'week', 'weekday', 'hour', 'items', 'amount', 'product', 'segment', 'new', 'returning'];

function exportRequest(params: Record<string, string>): { filters: OverviewFilters; slice: OverviewSlice | null } {
  const dimension = params.dimension as OverviewSliceDimension | undefined;
  if (dimension === undefined && params.value !== undefined) throw new WorkbenchError('invalid-input', 'value needs dimension (what the bar is: month, week, weekday, …).');
  if (dimension !== undefined && !DIMENSIONS.includes(dimension)) throw new WorkbenchError('invalid-input', `overview-customers needs dimension=${DIMENSIONS.join('|')}, got '${params.dimension ?? ''}'.`);
  if (dimension !== undefined && params.value === undefined) throw new WorkbenchError('invalid-input', 'overview-customers needs value= (the bar: a month YYYY-MM, a week\'s Monday, a weekday 0–6, a bin lo:hi, a product code, a segment id).');
  const int = (k: string): number | undefined => {
    if (params[k] === undefined || params[k] === '') return undefined;
    if (!/^-?\d+$/.test(params[k])) throw new WorkbenchError('invalid-input', `${k} must be an integer, got '${params[k]}'.`);
    return Number(params[k]);
  };
  const text = (k: string): string | undefined => (params[k] === undefined || params[k] === '' ? undefined : params[k]);
  const filters: OverviewFilters = { from: text('from'), to: text('to'), segmentRun: int('segmentRun'), segment: int('segment'), region: text('region'), retailer: text('retailer'), category: text('category') };
  for (const k of Object.keys(filters) as (keyof OverviewFilters)[]) if (filters[k] === undefined) delete filters[k];
  return { filters, slice: dimension === undefined ? null : { dimension, value: params.value } };
}

/** The filters in store terms; a bad date or a segment without its run is an input error. */
function sliceFilter(f: OverviewFilters): SliceFilter {
  const day = (s: string | undefined, name: string): number | undefined => {
    if (s === undefined) return undefined;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    const d = m ? epochDay(+m[1], +m[2], +m[3]) : undefined;
    if (d === undefined) throw new WorkbenchError('invalid-input', `${name} must be a date YYYY-MM-DD, got '${s}'.`);
    return d;
  };
  if (f.segment !== undefined && f.segmentRun === undefined) throw new WorkbenchError('invalid-input', 'segment needs segmentRun (the segmentation the segment belongs to).');
  const from = day(f.from, 'from'), to = day(f.to, 'to');
  if (from !== undefined && to !== undefined && from > to) throw new WorkbenchError('invalid-input', `from (${f.from}) must not be after to (${f.to}).`);
  return { from, to, segmentRun: f.segmentRun, segment: f.segment, region: f.region, retailer: f.retailer, category: f.category };
}

/** What the filter bar offers: only fields the data has (an empty list hides a filter). */
function filterOptions(db: Db, segmentRun: number | undefined): OverviewFilterOptions {
  const col = (sql: string): string[] => (db.prepare(sql).raw().all() as [string][]).map((r) => r[0]);
  const span = db.prepare('SELECT min(day) AS lo, max(day) AS hi FROM receipts').get() as { lo: number | null; hi: number | null };
  const names = segmentRun === undefined ? null : readNames(db, segmentRun);
  return {
    firstDay: span.lo === null ? null : isoDate(span.lo),
    lastDay: span.hi === null ? null : isoDate(span.hi),
    regions: col('SELECT DISTINCT region FROM customers WHERE region IS NOT NULL ORDER BY 1'),
    retailers: col('SELECT DISTINCT retailer FROM receipts WHERE retailer IS NOT NULL ORDER BY 1'),
    categories: col('SELECT DISTINCT category FROM products WHERE category IS NOT NULL ORDER BY 1'),
    segmentRuns: segmentRunOptions(db),
    segments:
      segmentRun === undefined
        ? []
        : (db.prepare('SELECT segment AS id, count(*) AS customers FROM segment_members WHERE run_id = ? GROUP BY segment ORDER BY segment').all(segmentRun) as { id: number; customers: number }[]).map((s) => ({
            ...s,
            name: names?.get(s.id) ?? (s.id < 0 ? 'outliers' : `segment ${s.id}`),
          })),
  };
}

/** The finished segmentation runs a segment filter may use, newest first. */
function segmentRunOptions(db: Db): OverviewFilterOptions['segmentRuns'] {
  return listRuns(db)
    .filter((r) => r.status === 'done' && isSegmentAnalysis(r.analysis))
    .reverse()
    .map((r) => ({ id: r.id, analysis: r.analysis, title: r.title ?? null }));
}

function segmentNamer(db: Db, segmentRun: number | undefined): (segment: number) => string {
  if (segmentRun === undefined) return (s) => `segment ${s}`;
  requireSegmentationRun(db, segmentRun);
  const names = readNames(db, segmentRun);
  return (s) => names.get(s) ?? (s < 0 ? 'outliers' : `segment ${s}`);
}

function hasQuantities(db: Db): boolean {
  return db.prepare('SELECT 1 FROM lines WHERE quantity IS NOT NULL LIMIT 1').get() !== undefined;
}

/** One read snapshot for every query of a request (an import committing meanwhile is not seen half). */
function inSnapshot<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn();
  db.exec('BEGIN');
  try {
    return fn();
  } finally {
    db.exec('COMMIT');
  }
}
