/**
 * The Overview / EDA result (SPEC §3.1): what the `overview` job returns and the Overview page
 * renders. Plain JSON: numbers are numbers, dates are ISO strings ("YYYY-MM-DD", months
 * "YYYY-MM"), series are parallel arrays aligned on a `periods` array.
 *
 * Definitions shared by every panel (so the numbers add up across panels):
 * - **Period**: only rows whose day lies in [from, to] (both inclusive; default: everything).
 * - **Line**: one purchase line (L.point PDDE row, one row of a generic transactions file).
 * - **Receipt**: one basket (L.point `rct_no`, UCI `InvoiceNo`); its amount is the sum of its lines.
 * - **Customer**: a customer id with at least one receipt in the period (any line, returns
 *   included). A receipt's customer and day are its lines' (the importer reports a line that
 *   disagrees). Lines without a customer id count in sales and receipts but belong to no customer.
 * - **Sales**: the net sum of line amounts: returns and cancellations are negative and are
 *   subtracted; zero-price and non-product lines (postage, fees) are money and are included.
 * - **Returns**: lines flagged RETURN or CANCELLATION; `returnsAmount` is minus their sum (a
 *   positive number), `grossSales` the sum of all other lines.
 * - **Purchase receipt**: a receipt whose amount is > 0. Receipt counts in time panels and per
 *   customer count purchase receipts; mean basket value is the mean amount of purchase receipts.
 * - **Product panels** (top categories, retailer themes, price spread) leave out NON_PRODUCT
 *   lines: postage and fees are not products. A category's receipts are the receipts holding at
 *   least one of its lines with amount > 0.
 * - **L.pay user**: a customer id with at least one L.pay payment in the period.
 */

/**
 * Whether the data supports a panel; when it does not, `reason` says why in one sentence. A panel
 * that is available but whose money figures are not (a file without amounts, issue #10) carries
 * `moneyReason`: its sales are then unknown, never zeros to show, and the page says so instead.
 */
export interface PanelStatus {
  available: boolean;
  reason?: string;
  moneyReason?: string;
}

/** Defaults of the Overview, documented where the numbers are chosen. */
export const OVERVIEW_DEFAULTS = {
  /** Rows in each top-categories list. */
  topN: 20,
  /** Categories listed per retailer in the retailer themes. */
  themeTopN: 5,
  /** Products need at least this many priced lines for a price-shape estimate (skewness and kurtosis are noise below ~30). */
  minPurchases: 30,
  /** Flagged products listed (by kurtosis, largest first). */
  flaggedLimit: 20,
  /** The promotion amount of the first-payment cohort (seed 002: 100 won). */
  cohortAmount: 100,
} as const;

/** Labels of the L.point codes, as inferred in the seeds (SPEC §2.1). */
export const RETAILER_LABELS: Readonly<Record<string, string>> = {
  A01: 'Department store', A02: 'Hypermarket', A03: 'Supermarket', A04: 'Convenience store', A05: 'Electronics', A06: 'Online mall',
  B01: 'Lodging', C01: 'Entertainment 1', C02: 'Entertainment 2', D01: 'Food & beverage 1', D02: 'Food & beverage 2', E01: 'Rental',
  L00: 'Other partner', L01: 'Non-partner',
};

export interface KpiPanel extends PanelStatus {
  customers: number;
  /** Rows of the customer table: known customers, with or without purchases. */
  registeredCustomers: number;
  receipts: number;
  purchaseReceipts: number;
  lines: number;
  linesWithoutCustomer: number;
  sales: number;
  grossSales: number;
  returnsAmount: number;
  returnLines: number;
  /** returnsAmount / grossSales; 0 when there are no gross sales. */
  returnShare: number;
  /** Mean amount of purchase receipts; null without any. */
  meanBasketValue: number | null;
  /** Purchase receipts of customers / customers; null without customers. */
  receiptsPerCustomer: number | null;
  /** Sales of customers' receipts / customers; null without customers. */
  salesPerCustomer: number | null;
  firstDate: string | null;
  lastDate: string | null;
  /** Calendar days from firstDate to lastDate inclusive. */
  days: number;
  /** Catalogue sizes: rows of the product and store tables. */
  products: number;
  stores: number;
  /** Customers with an L.pay payment; null when the data has no payments. */
  lpayUsers: number | null;
}

export interface DemographicsPanel extends PanelStatus {
  /** 'F', 'M', then 'unknown' when some customers have no gender. */
  genders: string[];
  /** Decade bands ('20-29' …), then 'unknown'. */
  ageBands: string[];
  /** One cell per (gender, age band) that has customers. */
  cells: { gender: string; ageBand: string; customers: number; sales: number }[];
}

export interface RegionPanel extends PanelStatus {
  /** By sales, largest first; 'unknown' collects customers without a region. */
  rows: { region: string; customers: number; sales: number; salesShare: number }[];
}

/** Monthly series: every calendar month from the first to the last month of the period, no gaps. */
export interface MonthlySeriesPanel extends PanelStatus {
  periods: string[];
  series: { key: string; label: string | null; sales: number[]; receipts: number[] }[];
}

export interface ChannelSeries {
  channel: 'offline' | 'online' | 'unknown';
  sales: number[];
  receipts: number[];
}

export interface ChannelTrendPanel extends PanelStatus {
  /** Months "YYYY-MM". */
  monthly: { periods: string[]; series: ChannelSeries[]; onlineSalesShare: number[] };
  /** ISO weeks, each named by its Monday "YYYY-MM-DD". */
  weekly: { periods: string[]; series: ChannelSeries[]; onlineSalesShare: number[] };
}

export interface HeatmapPanel extends PanelStatus {
  /** Row labels, Monday first (1970-01-01, day 0, was a Thursday). */
  weekdays: string[];
  hours: number[];
  /** [weekday][hour] purchase receipts. */
  receipts: number[][];
  /** [weekday][hour] net sales. */
  sales: number[][];
  /** Purchase receipts of the period without an hour (not in the grid). */
  receiptsWithoutHour: number;
}

export interface CategoryRow {
  name: string;
  /** The product code when the rows are products (basis 'product'); null for categories. */
  code: string | null;
  /** The 대분류 of a 중분류 row; null on the first level and for products. */
  parent: string | null;
  sales: number;
  /** sales / sales of all products. */
  salesShare: number;
  receipts: number;
  /** receipts / purchase receipts (basket penetration). */
  receiptShare: number;
}

export interface CategoryLevel {
  bySales: CategoryRow[];
  byReceipts: CategoryRow[];
}

export interface TopCategoriesPanel extends PanelStatus {
  /** 'product' when the data has no categories: level1 then ranks products by name. */
  basis: 'category' | 'product';
  level1: CategoryLevel;
  /** 중분류; null when the data has no second level. */
  level2: CategoryLevel | null;
}

export interface PriceStatsRow {
  product: string;
  name: string | null;
  category: string | null;
  /** Priced lines (see PriceSpreadPanel). */
  n: number;
  mean: number;
  median: number;
  p5: number;
  p95: number;
  /** Sample standard deviation / mean. */
  cv: number;
  /** Bias-adjusted Fisher–Pearson G1 (pandas skew()); null when the price is practically constant. */
  skewness: number | null;
  /** Bias-adjusted excess kurtosis G2 (pandas kurt()); null when the price is practically constant. */
  kurtosis: number | null;
  extreme: boolean;
}

export interface PriceSpreadPanel extends PanelStatus {
  /** Products need this many priced lines (unit price = amount / quantity over lines with quantity > 0, amount > 0 and no RETURN, CANCELLATION, ZERO_PRICE, NEGATIVE_PRICE or NON_PRODUCT flag). */
  minPurchases: number;
  productsAnalysed: number;
  productsFlagged: number;
  /** The flag rule in words, for the UI. */
  rule: string;
  /** Flagged products, largest kurtosis first, at most OVERVIEW_DEFAULTS.flaggedLimit. */
  flagged: PriceStatsRow[];
  /** Skewness of the analysed products; `from`/`to` null for the open-ended first and last bins. */
  skewHistogram: { from: number | null; to: number | null; count: number }[];
}

export interface LpayPanel extends PanelStatus {
  users: number;
  payments: number;
  paymentAmount: number;
  customers: number;
  usersAmongCustomers: number;
  /** usersAmongCustomers / customers. */
  adoptionShare: number;
  /** Users by the month of their first payment in the period. */
  firstUse: { periods: string[]; newUsers: number[]; cumulativeUsers: number[] };
  /** Customers split by L.pay use; sales and purchase receipts of their retail receipts. */
  groups: { group: 'lpay' | 'other'; customers: number; sales: number; purchaseReceipts: number; salesPerCustomer: number | null; salesPerReceipt: number | null }[];
  /** Payments by merchant code (A01…, B01…, L00, L01), largest amount first. */
  byMerchant: { merchant: string; label: string | null; payments: number; amount: number }[];
}

export interface CohortPanel extends PanelStatus {
  amount: number;
  /** Customers whose first L.pay payment of the period (by day, hour, file order) was exactly `amount`. */
  cohort: number;
  /** Cohort members with any later payment. */
  repeaters: number;
  /** repeaters / cohort; 0 for an empty cohort. */
  repeatShare: number;
  /** Median days from the first to the second payment of repeaters; null without repeaters. */
  medianDaysToSecond: number | null;
  /** Customers with any payment of exactly `amount` (the cohort and later promotion payments). */
  customersWithAnyPaymentOfAmount: number;
  /** Cohort members by the month of their first payment. */
  byMonth: { periods: string[]; cohort: number[] };
}

export interface RetailerThemesPanel extends PanelStatus {
  retailers: {
    retailer: string;
    label: string | null;
    sales: number;
    /** Top categories by sales within the retailer; lift = share / overallShare. */
    categories: { name: string; sales: number; share: number; overallShare: number; lift: number }[];
  }[];
}

export interface OverviewResult {
  /** The period asked for, as ISO dates (null: open end). */
  period: { from: string | null; to: string | null };
  kpis: KpiPanel;
  demographics: DemographicsPanel;
  regions: RegionPanel;
  retailerSales: MonthlySeriesPanel;
  partnerSales: MonthlySeriesPanel;
  channelTrend: ChannelTrendPanel;
  heatmap: HeatmapPanel;
  topCategories: TopCategoriesPanel;
  priceSpread: PriceSpreadPanel;
  lpay: LpayPanel;
  cohort: CohortPanel;
  retailerThemes: RetailerThemesPanel;
}
