import { analysePriceSpread, median, PRICE_SPREAD_DEFAULTS, priceSpreadPanel, spreadRuleText } from '../analysis/eda/index.js';
import type { Db } from '../data/store/open.js';
import { dataCapabilities, missingFieldReason } from '../data/store/queries/capabilities.js';
import {
  channelTrendPanel, cohortRows, demographicsPanel, firstLevelPass, heatmapPanel, kpiPanel, lpayPanel, partnerSalesPanel, priceDistributions,
  priceSums, productMeta, receiptsContiguous, regionPanel, retailerSalesPanel, retailerThemesPanel, secondLevelPass, topCategoriesPanel, type PanelScope,
} from '../data/store/queries/overview/index.js';
import { OVERVIEW_DEFAULTS, type OverviewResult, type PriceSpreadPanel, type RetailerThemesPanel, type TopCategoriesPanel } from '../model/overview.js';

/**
 * The steps of computeOverview, in order: one per panel, plus 'receipt-layout' (a check the
 * category passes need) and a second pass over the lines for the top categories and the price
 * spread (see computeOverview).
 */
export const OVERVIEW_STEPS = [
  'kpis', 'demographics', 'regions', 'retailerSales', 'partnerSales', 'channelTrend', 'heatmap',
  'receipt-layout', 'categories-1', 'categories-2', 'prices-1', 'prices-2', 'lpay', 'cohort',
] as const;
export type OverviewStep = (typeof OVERVIEW_STEPS)[number];

export interface OverviewHooks {
  /** Before each step; may throw (cancel). */
  onStep?(step: OverviewStep, index: number, total: number): void;
  /** After each step, with its wall time. */
  onStepDone?(step: OverviewStep, ms: number): void;
  /** Between chunks of a long step; may throw (cancel). */
  onChunk?(step: OverviewStep, done: number, total: number): void;
  /** What 'receipt-layout' found (receiptsContiguous), so a caller's next pass need not walk the index again. */
  onLayout?(contiguous: boolean): void;
}

/**
 * Every panel of the Overview on an open project, in OVERVIEW_STEPS order. 'receipt-layout' checks
 * once whether receipts' lines are contiguous, which the category passes rely on. 'categories-1' is the
 * 대분류 × retailer pass behind both the top categories and the retailer themes, 'categories-2'
 * the 중분류 pass; 'prices-1' sums the unit-price powers of every product and flags the extreme
 * ones, 'prices-2' reads the flagged products' prices for exact percentiles. Aggregation is SQL
 * (core/data/store/queries/overview); what SQL cannot do well (price shape, percentiles, medians)
 * is pure functions (core/analysis/eda).
 *
 * Data without amounts or products (issue #10): product panels (top categories, retailer themes,
 * price spread) say in one sentence why they are empty; panels that chart only sales (regions,
 * monthly sales by retailer, online vs offline) are unavailable for the same one-sentence reason;
 * panels with a count to show as well (KPIs, demographics, weekday × hour, top categories by
 * baskets) keep their counts and carry `moneyReason` instead of showing sales of 0.
 */
export function computeOverview(db: Db, range: PanelScope, hooks: OverviewHooks = {}): Omit<OverviewResult, 'period'> {
  const caps = dataCapabilities(db);
  const productReason = missingFieldReason(caps, 'This panel', ['products']);
  const priceReason = missingFieldReason(caps, 'The price spread', ['products', 'amounts']);
  const moneyReason = caps.amounts || !caps.lines ? null : "Sales are unknown: this project's data has no amounts (no amount or unit price column was imported).";
  const money = <T extends object>(panel: T): T => (moneyReason === null ? panel : { ...panel, moneyReason });
  const salesOnly = <T extends { available: boolean; reason?: string }>(panel: T): T => (moneyReason === null || !panel.available ? panel : { ...panel, available: false, reason: moneyReason });
  let index = 0;
  const step = <T>(name: OverviewStep, fn: () => T): T => {
    hooks.onStep?.(name, index++, OVERVIEW_STEPS.length);
    const t0 = performance.now();
    const out = fn();
    hooks.onStepDone?.(name, performance.now() - t0);
    return out;
  };
  const kpis = money(step('kpis', () => kpiPanel(db, range)));
  const demographics = money(step('demographics', () => demographicsPanel(db, range)));
  const regions = salesOnly(step('regions', () => regionPanel(db, range)));
  const retailerSales = salesOnly(step('retailerSales', () => retailerSalesPanel(db, range)));
  const partnerSales = step('partnerSales', () => partnerSalesPanel(db, range));
  const channelTrend = salesOnly(step('channelTrend', () => channelTrendPanel(db, range)));
  const heatmap = money(step('heatmap', () => heatmapPanel(db, range)));
  const retailers = retailerSales.series.map((x) => x.key).filter((k) => k !== 'unknown');
  let topCategories: TopCategoriesPanel, retailerThemes: RetailerThemesPanel, priceSpread: PriceSpreadPanel;
  if (productReason !== null) {
    // Every step still reports, so progress bars count the same steps on every project.
    for (const s of ['receipt-layout', 'categories-1', 'categories-2'] as const) step(s, () => null);
    topCategories = { available: false, reason: productReason, basis: 'product', level1: { bySales: [], byReceipts: [] }, level2: null };
    retailerThemes = { available: false, reason: productReason, retailers: [] };
  } else {
    const contiguous = step('receipt-layout', () => receiptsContiguous(db));
    hooks.onLayout?.(contiguous);
    const first = step('categories-1', () => firstLevelPass(db, range, retailers, contiguous));
    topCategories = money(step('categories-2', () => topCategoriesPanel(first, secondLevelPass(db, range, contiguous), kpis.purchaseReceipts, OVERVIEW_DEFAULTS.topN)));
    retailerThemes = salesOnly(retailerThemesPanel(first, OVERVIEW_DEFAULTS.themeTopN));
  }
  if (priceReason !== null) {
    for (const s of ['prices-1', 'prices-2'] as const) step(s, () => null);
    priceSpread = { available: false, reason: priceReason, minPurchases: PRICE_SPREAD_DEFAULTS.minPurchases, productsAnalysed: 0, productsFlagged: 0, rule: spreadRuleText(PRICE_SPREAD_DEFAULTS), flagged: [], skewHistogram: [] };
  } else {
    const spread = step('prices-1', () => analysePriceSpread(priceSums(db, range, (done, total) => hooks.onChunk?.('prices-1', done, total))));
    priceSpread = step('prices-2', () => priceSpreadPanel(spread, priceDistributions(db, range, spread.flaggedIds), productMeta(db, spread.flaggedIds)));
  }
  const lpay = step('lpay', () => lpayPanel(db, range));
  const cohort = step('cohort', () => {
    const c = cohortRows(db, range, OVERVIEW_DEFAULTS.cohortAmount);
    return { ...c.panel, medianDaysToSecond: c.gapsDays.length > 0 ? median(c.gapsDays) : null };
  });
  return { kpis, demographics, regions, retailerSales, partnerSales, channelTrend, heatmap, topCategories, priceSpread, lpay, cohort, retailerThemes };
}
