import type Database from 'better-sqlite3';
import { BatchInserter } from '../store/batch-insert.js';
import type { Db } from '../store/open.js';
import { DESCRIBE_COLUMNS, LAYOUT, unpackStrings, type EncodedBatch, type TableRows } from './encoded.js';
import type { EncoderState } from './encoder.js';
import { MarketingSink } from './marketing-sink.js';

/** The project's dictionaries and next ids, for a new Encoder. */
export function loadEncoderState(db: Db): EncoderState {
  const pairs = (table: string): [string, number][] => (db.prepare(`SELECT code, id FROM ${table}`).raw().all() as [string, number][]);
  const next = (table: string): number => ((db.prepare(`SELECT max(id) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0) + 1;
  return {
    customers: pairs('customers'), products: pairs('products'), stores: pairs('stores'),
    nextCustomerId: next('customers'), nextProductId: next('products'), nextStoreId: next('stores'),
    nextReceiptId: next('receipts'), nextLineId: next('lines'),
  };
}

/**
 * Writes encoded batches of one import into the project, inside the caller's transaction. Rows
 * go through prepared multi-row INSERTs; dictionary entries first, so descriptive updates and
 * lines always find their rows. Table and column names are ours, never the user's.
 */
export class Sink {
  private readonly lines: BatchInserter;
  private readonly receipts: BatchInserter;
  private readonly partnerUses: BatchInserter;
  private readonly payments: BatchInserter;
  private readonly extras: BatchInserter;
  private readonly attribute: Database.Statement;
  private readonly issues: BatchInserter;
  private readonly newRow: Record<'customers' | 'products' | 'stores', Database.Statement>;
  private readonly replace: Record<'customers' | 'products' | 'stores', Database.Statement>;
  private readonly fill: Record<'customers' | 'products' | 'stores', Database.Statement>;
  /** Marketing spend and coupon offers (issue #11). */
  readonly marketing: MarketingSink;
  linesWritten = 0;
  receiptsWritten = 0;
  /** Distinct receipt codes of this import that carry lines of more than one customer (set by finish). */
  sharedReceiptIds = 0;

  constructor(private readonly db: Db, private readonly importId: number) {
    this.lines = new BatchInserter(db, 'lines', LAYOUT.lines.nums, 100);
    this.receipts = new BatchInserter(db, 'receipts', ['import_id', ...LAYOUT.receipts.nums, ...LAYOUT.receipts.strs]);
    this.partnerUses = new BatchInserter(db, 'partner_uses', ['import_id', ...LAYOUT.partnerUses.nums, ...LAYOUT.partnerUses.strs]);
    this.payments = new BatchInserter(db, 'payments', ['import_id', ...LAYOUT.payments.nums, ...LAYOUT.payments.strs]);
    this.extras = new BatchInserter(db, 'raw_extra', ['import_id', 'line', 'data'], 20);
    // Customers files are small (one row per customer): one statement per value is enough. A
    // customer described again (a later customers file) gets the new value.
    this.attribute = db.prepare('INSERT OR REPLACE INTO customer_attributes (customer_id, name, num, text) VALUES (?, ?, ?, ?)');
    this.marketing = new MarketingSink(db, importId);
    this.issues = new BatchInserter(db, 'import_issues', ['import_id', 'severity', 'line', 'column_name', 'value', 'reason'], 20);
    const tables = ['customers', 'products', 'stores'] as const;
    const by = <T>(f: (t: (typeof tables)[number]) => T) => Object.fromEntries(tables.map((t) => [t, f(t)])) as Record<(typeof tables)[number], T>;
    this.newRow = by((t) => db.prepare(`INSERT INTO ${t} (id, code) VALUES (?, ?)`));
    this.replace = by((t) => db.prepare(`UPDATE ${t} SET ${DESCRIBE_COLUMNS[t].map((c) => `${c} = ?`).join(', ')} WHERE id = ?`));
    this.fill = by((t) => db.prepare(`UPDATE ${t} SET ${DESCRIBE_COLUMNS[t].map((c) => `${c} = coalesce(${c}, ?)`).join(', ')} WHERE id = ?`));
  }

  apply(b: EncodedBatch): void {
    for (const [id, code] of b.newCustomers) this.newRow.customers.run(id, code);
    for (const [id, code] of b.newProducts) this.newRow.products.run(id, code);
    for (const [id, code] of b.newStores) this.newRow.stores.run(id, code);
    for (const d of b.describes) (d.overwrite ? this.replace : this.fill)[d.table].run(...d.values, d.id);
    this.linesWritten += insertRows(this.lines, b.lines, LAYOUT.lines.nums.length, 0, null);
    this.receiptsWritten += insertRows(this.receipts, b.receipts, LAYOUT.receipts.nums.length, LAYOUT.receipts.strs.length, this.importId);
    insertRows(this.partnerUses, b.partnerUses, LAYOUT.partnerUses.nums.length, LAYOUT.partnerUses.strs.length, this.importId);
    insertRows(this.payments, b.payments, LAYOUT.payments.nums.length, LAYOUT.payments.strs.length, this.importId);
    for (const [line, data] of b.extras) this.extras.push(this.importId, line, data);
    for (const [customer, name, num, text] of b.attributes ?? []) this.attribute.run(customer, name, num, text);
    if (b.spend.length > 0 || b.offers.length > 0) this.marketing.apply(b);
    for (const [severity, line, column, value, reason] of b.issues) this.issues.push(this.importId, severity, line, column, value, reason);
  }

  /**
   * Flushes every buffer, merges receipts whose lines were not contiguous and counts the receipt
   * codes shared by several customers; returns how many receipts the merge removed.
   */
  finish(suspects: readonly string[], expectedLastLineId: number): number {
    for (const out of [this.lines, this.receipts, this.partnerUses, this.payments, this.extras, this.issues]) out.flush();
    const last = (this.db.prepare('SELECT max(id) AS m FROM lines').get() as { m: number | null }).m ?? 0;
    if (last !== expectedLastLineId) throw new Error(`line ids out of step: expected the last line id ${expectedLastLineId}, found ${last}`);
    const merged = suspects.length > 0 ? this.mergeSplitReceipts(suspects) : 0;
    this.receiptsWritten -= merged;
    return merged;
  }

  /**
   * Merges receipts of this import that share a code AND a customer into the one with the lowest
   * id (a line never changes its customer), then counts the suspect codes left with receipts of
   * several customers. Only suspects can be shared: a second customer on a code opens a second
   * receipt with that code, which the encoder's hash set reports.
   */
  private mergeSplitReceipts(suspects: readonly string[]): number {
    const db = this.db;
    db.exec('CREATE TEMP TABLE IF NOT EXISTS split_codes (code TEXT PRIMARY KEY) WITHOUT ROWID');
    db.exec('DELETE FROM split_codes');
    const addCode = db.prepare('INSERT OR IGNORE INTO split_codes (code) VALUES (?)');
    for (const code of suspects) addCode.run(code);
    // One scan of the import's receipts; both steps below read this small table.
    db.exec('DROP TABLE IF EXISTS temp.split_receipts');
    db.prepare('CREATE TEMP TABLE split_receipts AS SELECT id, code, customer_id FROM receipts WHERE import_id = ? AND code IN (SELECT code FROM split_codes)').run(this.importId);
    db.exec('CREATE TEMP TABLE IF NOT EXISTS receipt_merge (dup INTEGER PRIMARY KEY, keep INTEGER NOT NULL)');
    db.exec('DELETE FROM receipt_merge');
    db.exec(`INSERT INTO receipt_merge (dup, keep)
      SELECT r.id, k.keep FROM split_receipts r
      JOIN (SELECT code, customer_id, min(id) AS keep FROM split_receipts GROUP BY code, customer_id) k ON k.code = r.code AND k.customer_id IS r.customer_id
      WHERE r.id <> k.keep`);
    this.sharedReceiptIds = (db.prepare('SELECT count(*) AS n FROM (SELECT code FROM split_receipts GROUP BY code HAVING count(DISTINCT coalesce(customer_id, -1)) > 1)').get() as { n: number }).n;
    db.exec('DROP TABLE temp.split_receipts');
    const dups = db.prepare('SELECT m.keep, d.amount, d.quantity, d.lines, d.flags FROM receipt_merge m JOIN receipts d ON d.id = m.dup').all() as { keep: number; amount: number; quantity: number; lines: number; flags: number }[];
    if (dups.length === 0) return 0;
    const update = db.prepare('UPDATE receipts SET amount = amount + ?, quantity = quantity + ?, lines = lines + ?, flags = flags | ? WHERE id = ?');
    for (const d of dups) update.run(d.amount, d.quantity, d.lines, d.flags, d.keep);
    db.exec('UPDATE lines SET receipt_id = (SELECT keep FROM receipt_merge WHERE dup = lines.receipt_id) WHERE receipt_id IN (SELECT dup FROM receipt_merge)');
    db.exec('DELETE FROM receipts WHERE id IN (SELECT dup FROM receipt_merge)');
    return dups.length;
  }
}

/** Inserts encoded rows (NaN → NULL), prefixed with the import id when given; returns the row count. */
function insertRows(out: BatchInserter, rows: TableRows, numCols: number, strCols: number, importId: number | null): number {
  const { n, nums } = rows;
  const strs = strCols > 0 ? unpackStrings(rows) : [];
  const lead = importId === null ? 0 : 1;
  for (let r = 0; r < n; r++) {
    const b = out.buffer, o = out.slot();
    if (lead) b[o] = importId;
    const base = r * numCols;
    for (let c = 0; c < numCols; c++) {
      const v = nums[base + c];
      b[o + lead + c] = v !== v ? null : v;
    }
    for (let c = 0; c < strCols; c++) b[o + lead + numCols + c] = strs[r * strCols + c];
    out.done();
  }
  return n;
}
