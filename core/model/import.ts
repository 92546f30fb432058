import type { Currency } from './currency.js';

/** The six tables of the L.point format, detected by header. */
export const LPOINT_TABLES = ['DEMO', 'PDDE', 'COP_U', 'PD_CLAC', 'BR', 'LPAY'] as const;
export type LpointTable = (typeof LPOINT_TABLES)[number];

/** The columns of each L.point table (SPEC §2.1), as the real files name them, in file order. */
export const LPOINT_COLUMNS: Record<LpointTable, readonly string[]> = {
  DEMO: ['cust', 'ma_fem_dv', 'ages', 'zon_hlv'],
  PDDE: ['cust', 'rct_no', 'chnl_dv', 'cop_c', 'br_c', 'pd_c', 'de_dt', 'de_hr', 'buy_am', 'buy_ct'],
  COP_U: ['cust', 'rct_no', 'cop_c', 'br_c', 'chnl_dv', 'de_dt', 'vst_dt', 'de_hr', 'buy_am'],
  PD_CLAC: ['pd_c', 'pd_nm', 'clac_hlv_nm', 'clac_mcls_nm'],
  BR: ['br_c', 'cop_c', 'zon_hlv', 'zon_mcls'],
  LPAY: ['cust', 'rct_no', 'cop_c', 'chnl_dv', 'de_dt', 'de_hr', 'buy_am'],
};

/**
 * Columns an L.point table may have beyond LPOINT_COLUMNS: PDDE's `coupon` (issue #11: the line's
 * coupon status, used / clicked / not used), written by `demo --with coupons`. Detection accepts
 * the table with or without them.
 */
export const LPOINT_OPTIONAL_COLUMNS: Partial<Record<LpointTable, readonly string[]>> = {
  PDDE: ['coupon'],
};

/** Generic-import roles and the mapping fields each role understands (a contract: keep the names). */
export const GENERIC_FIELDS = {
  transactions: ['customer', 'receipt', 'date', 'product', 'productName', 'category', 'category2', 'quantity', 'amount', 'unitPrice', 'channel', 'store', 'region', 'coupon'],
  customers: ['customer', 'gender', 'age', 'region'],
  products: ['product', 'productName', 'category', 'category2'],
  /** Daily marketing spend (issue #11): the date column; every other column is a channel named by its header. */
  marketing: ['date'],
  /** Coupon offers (issue #11): a month or a from–to date range, a product category, a code, a discount. */
  coupons: ['month', 'from', 'to', 'category', 'code', 'discount'],
} as const;
export type GenericRole = keyof typeof GENERIC_FIELDS;
export type TransactionField = (typeof GENERIC_FIELDS.transactions)[number];
export type CustomerField = (typeof GENERIC_FIELDS.customers)[number];
export type ProductField = (typeof GENERIC_FIELDS.products)[number];
export type MarketingField = (typeof GENERIC_FIELDS.marketing)[number];
export type CouponField = (typeof GENERIC_FIELDS.coupons)[number];
export type GenericField = TransactionField | CustomerField | ProductField | MarketingField | CouponField;

/**
 * The fields a role cannot do without: the import refuses a file whose mapping lacks one (the
 * one list both the mapping check in core/data/import/mapping.ts and `import --help` read).
 * Transactions need only customer and date (SPEC §2.2, issue #10): files without amounts (item
 * logs) or without products (customer, date, quantity, amount) import.
 */
export const REQUIRED_FIELDS: Record<GenericRole, readonly GenericField[]> = {
  transactions: ['customer', 'date'],
  customers: ['customer'],
  products: ['product'],
  marketing: ['date'],
  coupons: ['category', 'discount'],
};

/**
 * Fields a role needs one group of, besides REQUIRED_FIELDS: a coupons file must give each offer's
 * period as a month column, or as both a from and a to column (a date range). The mapping check
 * refuses a file with no complete group, and `import --help` prints the alternatives.
 */
export const REQUIRED_ONE_OF: Partial<Record<GenericRole, readonly (readonly GenericField[])[]>> = {
  coupons: [['month'], ['from', 'to']],
};

/** What a role's file holds beyond its fields, one line (shown by `import --help`). */
export const ROLE_NOTES: Partial<Record<GenericRole, string>> = {
  marketing: 'every column besides date is a channel named by its header (Offline_Spend, Online_Spend): one number per day; days and channels already stored are refused',
};

/** What each mapping field means, one line each (shown by `import --help`). */
export const FIELD_MEANINGS: Record<GenericField, string> = {
  customer: 'customer or member id',
  receipt: 'receipt, order or invoice id; without it one customer\'s purchases on one day form one receipt',
  date: 'purchase date or date-time (marketing: the day of the spend)',
  product: 'product code (SKU, stock code); unmapped: lines without product (product analyses say so)',
  productName: 'product name or description',
  category: 'product category (top level; coupons: the category the offer applies to)',
  category2: 'product sub-category (second level)',
  quantity: 'units bought (1 when unmapped; negative = return)',
  amount: 'line amount (money); unmapped: quantity × unitPrice, or unknown (empty, not 0) without a price',
  unitPrice: 'price of one unit',
  channel: 'sales channel: offline/online (or 1/2)',
  store: 'store or branch code',
  region: 'the customer\'s region, city or country',
  gender: 'the customer\'s gender: F/M, female/male, 여성/남성',
  age: 'the customer\'s age in years or age band (30s, 30-39, 30대)',
  coupon: 'coupon status of the line: used / clicked / not used (사용 / 클릭 / 미사용); empty = unknown',
  month: 'the month of an offer: YYYY-MM, YYYY/MM, Jan…Dec, January…, 1월…12월 (no year: that month of every year)',
  from: 'first day of an offer (a date); with to, instead of month',
  to: 'last day of an offer (a date, inclusive); with from, instead of month',
  code: 'the coupon code',
  discount: 'the discount in percent: 10, 10% (0.1 is read as 10% only when every value of the file is at most 1)',
};

/** The validated import request (schema in import-request.ts, kept apart so the import threads load no zod). */
export interface ImportOptions {
  project: string;
  files: string[];
  format: 'auto' | 'lpoint' | 'generic' | 'baskets';
  /** field → column header; fields the user does not map are guessed from the headers. */
  map: Record<string, string>;
  role: 'auto' | GenericRole;
  encoding: 'auto' | 'utf8' | 'cp949';
  /** The sheet of .xlsx workbooks to read (default: the first sheet); CSV files ignore it. */
  sheet?: string;
  onError: 'abort' | 'skip';
  /** Import a file again even when its fingerprint is already in the project. */
  allowDuplicate: boolean;
}

/**
 * One row the importer rejected or flagged: where it is (file, 1-based physical line, column
 * header) and why. Rejected rows are not in the canonical model; flagged rows are (returns,
 * cancellations, zero prices, …) and carry the flag there too.
 */
export interface RowIssue {
  file: string;
  line: number;
  column: string;
  value: string;
  reason: string;
}

/** What the importer decided about one file. */
export interface FileImportReport {
  file: string;
  format: 'lpoint' | 'generic' | 'baskets';
  /** L.point table, or generic role. */
  table: string;
  /** The text encoding ('utf8', 'cp949', +bom), or 'xlsx' for a workbook. */
  encoding: string;
  /** '' for a workbook. */
  delimiter: string;
  /** .xlsx: the sheet that was read. */
  sheet?: string;
  /** field → column actually used (generic), or the L.point header. */
  mapping: Record<string, string>;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsFlagged: number;
  /**
   * Physical lines that could not be read as records: after a CSV syntax error the reader skips
   * lines until one reads as a record again (issue #15 §3); each skipped line is also a rejected
   * row of the report. 0 when the whole file was read.
   */
  linesNotRead: number;
  fingerprint: string;
  /** Receipt ids of this file that carry lines of more than one customer (issue #10; 0 for non-purchase files). */
  sharedReceiptIds?: number;
  /** Customer attributes this file created (customers files: columns beyond the fixed fields). */
  attributes?: ImportedAttribute[];
  /** Purchase files: the currency sign or code seen in the first rows' amounts or prices ("$", "₩", "USD"…), issue #14. */
  currencySymbol?: string;
  /** What the importer decided and did, one sentence each (date format read, amounts missing, receipts split by customer, …). */
  notes?: string[];
  /** Marketing files (issue #11): the channels and days this file stored. */
  marketing?: MarketingImport;
  /** Coupons files (issue #11): the offers this file stored. */
  coupons?: CouponImport;
  /** Purchase files with a coupon column (generic `coupon`, L.point PDDE `coupon`): lines per coupon status. */
  couponStatus?: CouponStatusCounts;
}

/** Daily marketing spend stored (issue #11): of one file, or of the whole project. */
export interface MarketingImport {
  /** Channel names as the headers wrote them, sorted. */
  channels: string[];
  /** The first and last day with spend (YYYY-MM-DD). */
  firstDay: string;
  lastDay: string;
  /** Distinct days with spend. */
  days: number;
  /** Stored (day, channel) rows. */
  spendRows: number;
}

/** Coupon offers stored (issue #11): of one file, or of the whole project. */
export interface CouponImport {
  offers: number;
  /** The distinct discounts in percent, ascending (10 = 10%). */
  discountLevels: number[];
  /** The distinct product categories the offers name, sorted. */
  categories: string[];
}

/** Purchase lines of a file by coupon status (lines.coupon). */
export interface CouponStatusCounts {
  used: number;
  clicked: number;
  notUsed: number;
  /** Empty or unrecognised (flagged) values. */
  unknown: number;
}

/**
 * A customer attribute beyond the fixed fields (tenure, loyalty tier…): numeric when every
 * non-empty value of the column is a number, else categorical.
 */
export interface ImportedAttribute {
  name: string;
  kind: 'numeric' | 'categorical';
}

/** The `import --json` summary of SPEC §6 (a contract: keep the names). */
export interface ImportSummary {
  /** Rows landed per canonical table: purchases, customers, products, stores, partnerUses, payments. */
  tables: Record<string, number>;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsFlagged: number;
  /** Physical lines of the files that could not be read as records (see FileImportReport.linesNotRead). */
  linesNotRead: number;
  /** The rejected rows (the first 100,000; the import report in the project lists all). */
  rejected: RowIssue[];
  /** The first 10,000 flagged rows; the import report lists all. */
  flagged: RowIssue[];
  /** Distinct customers in the project after the import. */
  customers: number;
  /** Receipts in the project after the import. */
  receipts: number;
  /**
   * Sum of imported purchase amounts (returns included, negative); null when the imported purchase
   * files carry no money at all (no amount or unit price column: amounts are unknown, not 0).
   */
  amountTotal: number | null;
  /** Sum of the amounts of rejected purchase rows that had a readable amount. */
  amountRejected: number;
  /**
   * Receipt ids carrying lines of more than one customer, over the imported files. Each line keeps
   * its customer: such a receipt id is split into one receipt per (receipt id, customer).
   */
  sharedReceiptIds: number;
  /** Customer attributes created or updated by this import, sorted by name. */
  attributes: ImportedAttribute[];
  /** sha256 over the imported files' fingerprints (one file: its own sha256). */
  fingerprint: string;
  files: FileImportReport[];
  /** When the import held a marketing file: the project's spend after the import (issue #11). */
  marketing?: MarketingImport;
  /** When the import held a coupons file: the project's coupon offers after the import (issue #11). */
  coupons?: CouponImport;
  /** The first currency sign or code seen in the imported purchase files' amounts or prices (issue #14). */
  currencySymbol?: string;
  /**
   * The project's currency after the import: the user's choice if made, else the first guess
   * (L.point files: KRW; generic files: from the sign their amounts carry), else 'none'.
   */
  currency: Currency;
  runId?: number;
  seconds: number;
}
