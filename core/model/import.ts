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

/** Generic-import roles and the mapping fields each role understands (a contract: keep the names). */
export const GENERIC_FIELDS = {
  transactions: ['customer', 'receipt', 'date', 'product', 'productName', 'category', 'category2', 'quantity', 'amount', 'unitPrice', 'channel', 'store', 'region'],
  customers: ['customer', 'gender', 'age', 'region'],
  products: ['product', 'productName', 'category', 'category2'],
} as const;
export type GenericRole = keyof typeof GENERIC_FIELDS;
export type TransactionField = (typeof GENERIC_FIELDS.transactions)[number];
export type CustomerField = (typeof GENERIC_FIELDS.customers)[number];
export type ProductField = (typeof GENERIC_FIELDS.products)[number];
export type GenericField = TransactionField | CustomerField | ProductField;

/** The validated import request (schema in import-request.ts, kept apart so the import threads load no zod). */
export interface ImportOptions {
  project: string;
  files: string[];
  format: 'auto' | 'lpoint' | 'generic';
  /** field → column header; fields the user does not map are guessed from the headers. */
  map: Record<string, string>;
  role: 'auto' | GenericRole;
  encoding: 'auto' | 'utf8' | 'cp949';
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
  format: 'lpoint' | 'generic';
  /** L.point table, or generic role. */
  table: string;
  encoding: string;
  delimiter: string;
  /** field → column actually used (generic), or the L.point header. */
  mapping: Record<string, string>;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsFlagged: number;
  fingerprint: string;
}

/** The `import --json` summary of SPEC §6 (a contract: keep the names). */
export interface ImportSummary {
  /** Rows landed per canonical table: purchases, customers, products, stores, partnerUses, payments. */
  tables: Record<string, number>;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsFlagged: number;
  /** The rejected rows (the first 100,000; the import report in the project lists all). */
  rejected: RowIssue[];
  /** The first 10,000 flagged rows; the import report lists all. */
  flagged: RowIssue[];
  /** Distinct customers in the project after the import. */
  customers: number;
  /** Receipts in the project after the import. */
  receipts: number;
  /** Sum of imported purchase amounts (returns included, negative). */
  amountTotal: number;
  /** Sum of the amounts of rejected purchase rows that had a readable amount. */
  amountRejected: number;
  /** sha256 over the imported files' fingerprints (one file: its own sha256). */
  fingerprint: string;
  files: FileImportReport[];
  runId?: number;
  seconds: number;
}
