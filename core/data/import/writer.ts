import { BatchInserter } from '../store/batch-insert.js';
import type { Db } from '../store/open.js';
import { SeenCodes } from './seen-codes.js';

/** One purchase line as the format converters hand it over (codes, not ids). */
export interface LineInput {
  line: number;
  receipt: string;
  customer: string | null;
  product: string;
  day: number;
  hour: number | null;
  channel: number | null;
  retailer: string | null;
  store: string | null;
  quantity: number | null;
  amount: number;
  unitPrice: number | null;
  flags: number;
}

interface OpenReceipt {
  id: number;
  code: string;
  customerId: number | null;
  day: number;
  hour: number | null;
  channel: number | null;
  retailer: string | null;
  storeId: number | null;
  amount: number;
  quantity: number;
  lines: number;
  flags: number;
}

/**
 * Writes one import into the canonical model, inside the caller's transaction. Customers,
 * products and stores are dictionaries (code → integer id) created on first sight in any order of
 * files; descriptive files (customers, products, stores) fill them in later or earlier.
 *
 * Receipts are formed from consecutive lines with the same receipt code (extracts list a
 * receipt's lines together). A code that reappears after another receipt is caught by a hash set
 * and merged at the end, so an unsorted file still yields one receipt per code.
 */
export class ProjectWriter {
  private readonly customers = new Map<string, number>();
  private readonly products = new Map<string, number>();
  private readonly stores = new Map<string, number>();
  private readonly seen = new SeenCodes();
  private readonly suspects = new Set<string>();
  private readonly linesOut: BatchInserter;
  private readonly receiptsOut: BatchInserter;
  private readonly partnerOut: BatchInserter;
  private readonly paymentsOut: BatchInserter;
  private readonly extraOut: BatchInserter;
  private readonly newCustomer;
  private readonly newProduct;
  private readonly newStore;
  private readonly upsertCustomer;
  private readonly fillCustomer;
  private readonly upsertProduct;
  private readonly fillProduct;
  private readonly upsertStore;
  private nextReceiptId: number;
  private receipt: OpenReceipt | null = null;
  amountTotal = 0;
  private amountComp = 0;

  constructor(readonly db: Db, readonly importId: number) {
    for (const r of db.prepare('SELECT id, code FROM customers').iterate() as Iterable<{ id: number; code: string }>) this.customers.set(r.code, r.id);
    for (const r of db.prepare('SELECT id, code FROM products').iterate() as Iterable<{ id: number; code: string }>) this.products.set(r.code, r.id);
    for (const r of db.prepare('SELECT id, code FROM stores').iterate() as Iterable<{ id: number; code: string }>) this.stores.set(r.code, r.id);
    this.nextReceiptId = ((db.prepare('SELECT max(id) AS m FROM receipts').get() as { m: number | null }).m ?? 0) + 1;
    this.newCustomer = db.prepare('INSERT INTO customers (code) VALUES (?)');
    this.newProduct = db.prepare('INSERT INTO products (code) VALUES (?)');
    this.newStore = db.prepare('INSERT INTO stores (code) VALUES (?)');
    const upsert = (table: string, cols: string[], how: (c: string) => string) =>
      db.prepare(`INSERT INTO ${table} (code, ${cols.join(', ')}) VALUES (?${', ?'.repeat(cols.length)})
        ON CONFLICT (code) DO UPDATE SET ${cols.map((c) => `${c} = ${how(c)}`).join(', ')} RETURNING id`);
    const replace = (c: string) => `excluded.${c}`;
    const fill = (c: string) => `coalesce(${c}, excluded.${c})`;
    this.upsertCustomer = upsert('customers', ['gender', 'age_band', 'age', 'region'], replace);
    this.fillCustomer = upsert('customers', ['gender', 'age_band', 'age', 'region'], fill);
    this.upsertProduct = upsert('products', ['name', 'category', 'category2'], replace);
    this.fillProduct = upsert('products', ['name', 'category', 'category2'], fill);
    this.upsertStore = upsert('stores', ['retailer', 'region', 'region2'], replace);
    this.linesOut = new BatchInserter(db, 'lines', ['import_id', 'receipt_id', 'customer_id', 'product_id', 'day', 'hour', 'channel', 'retailer', 'store_id', 'quantity', 'amount', 'unit_price', 'flags', 'line']);
    this.receiptsOut = new BatchInserter(db, 'receipts', ['id', 'import_id', 'code', 'customer_id', 'day', 'hour', 'channel', 'retailer', 'store_id', 'amount', 'quantity', 'lines', 'flags']);
    this.partnerOut = new BatchInserter(db, 'partner_uses', ['import_id', 'code', 'customer_id', 'partner', 'store_id', 'channel', 'day', 'visit_day', 'hour', 'amount', 'line']);
    this.paymentsOut = new BatchInserter(db, 'payments', ['import_id', 'code', 'customer_id', 'merchant', 'channel', 'day', 'hour', 'amount', 'line']);
    this.extraOut = new BatchInserter(db, 'raw_extra', ['import_id', 'line', 'data'], 20);
  }

  customerId(code: string): number {
    let id = this.customers.get(code);
    if (id === undefined) {
      id = Number(this.newCustomer.run(code).lastInsertRowid);
      this.customers.set(code, id);
    }
    return id;
  }

  productId(code: string): number {
    let id = this.products.get(code);
    if (id === undefined) {
      id = Number(this.newProduct.run(code).lastInsertRowid);
      this.products.set(code, id);
    }
    return id;
  }

  storeId(code: string): number {
    let id = this.stores.get(code);
    if (id === undefined) {
      id = Number(this.newStore.run(code).lastInsertRowid);
      this.stores.set(code, id);
    }
    return id;
  }

  /**
   * Sets a customer's demographics. `overwrite` (descriptive files) replaces what is known;
   * otherwise (a region column in a transactions file) only empty attributes are filled.
   */
  describeCustomer(code: string, d: { gender?: string | null; ageBand?: string | null; age?: number | null; region?: string | null }, overwrite = true): void {
    const v = [code, d.gender ?? null, d.ageBand ?? null, d.age ?? null, d.region ?? null] as const;
    const row = (overwrite ? this.upsertCustomer : this.fillCustomer).get(...v) as { id: number };
    this.customers.set(code, row.id);
  }

  describeProduct(code: string, d: { name: string | null; category: string | null; category2: string | null }, overwrite = true): void {
    const row = (overwrite ? this.upsertProduct : this.fillProduct).get(code, d.name, d.category, d.category2) as { id: number };
    this.products.set(code, row.id);
  }

  describeStore(code: string, d: { retailer: string | null; region: string | null; region2: string | null }): void {
    const row = this.upsertStore.get(code, d.retailer, d.region, d.region2) as { id: number };
    this.stores.set(code, row.id);
  }

  addLine(l: LineInput): void {
    const customerId = l.customer === null ? null : this.customerId(l.customer);
    const storeId = l.store === null ? null : this.storeId(l.store);
    let r = this.receipt;
    if (r === null || r.code !== l.receipt) {
      if (r !== null) this.closeReceipt(r);
      if (this.seen.addIfNew(l.receipt)) this.suspects.add(l.receipt);
      r = this.receipt = {
        id: this.nextReceiptId++, code: l.receipt, customerId, day: l.day, hour: l.hour, channel: l.channel,
        retailer: l.retailer, storeId, amount: 0, quantity: 0, lines: 0, flags: 0,
      };
    }
    r.amount += l.amount;
    r.quantity += l.quantity ?? 0;
    r.lines++;
    r.flags |= l.flags;
    // Neumaier summation: the total of millions of amounts stays exact to the cent.
    const t = this.amountTotal + l.amount;
    this.amountComp += Math.abs(this.amountTotal) >= Math.abs(l.amount) ? this.amountTotal - t + l.amount : l.amount - t + this.amountTotal;
    this.amountTotal = t;
    this.linesOut.push(this.importId, r.id, customerId, this.productId(l.product), l.day, l.hour, l.channel, l.retailer, storeId, l.quantity, l.amount, l.unitPrice, l.flags, l.line);
  }

  /** The exact sum of the amounts of every line added so far. */
  get amount(): number {
    return this.amountTotal + this.amountComp;
  }

  private closeReceipt(r: OpenReceipt): void {
    this.receiptsOut.push(r.id, this.importId, r.code, r.customerId, r.day, r.hour, r.channel, r.retailer, r.storeId, r.amount, r.quantity, r.lines, r.flags);
  }

  addPartnerUse(u: { line: number; code: string; customer: string | null; partner: string; store: string | null; channel: number | null; day: number; visitDay: number | null; hour: number | null; amount: number }): void {
    const customerId = u.customer === null ? null : this.customerId(u.customer);
    const storeId = u.store === null ? null : this.storeId(u.store);
    this.partnerOut.push(this.importId, u.code, customerId, u.partner, storeId, u.channel, u.day, u.visitDay, u.hour, u.amount, u.line);
  }

  addPayment(p: { line: number; code: string; customer: string | null; merchant: string; channel: number | null; day: number; hour: number | null; amount: number }): void {
    const customerId = p.customer === null ? null : this.customerId(p.customer);
    this.paymentsOut.push(this.importId, p.code, customerId, p.merchant, p.channel, p.day, p.hour, p.amount, p.line);
  }

  addExtra(line: number, data: Record<string, string>): void {
    this.extraOut.push(this.importId, line, JSON.stringify(data));
  }

  /** Flushes every buffer and merges receipts whose lines were not contiguous. */
  finish(): { lines: number; receipts: number; partnerUses: number; payments: number } {
    if (this.receipt !== null) this.closeReceipt(this.receipt);
    this.receipt = null;
    for (const out of [this.linesOut, this.receiptsOut, this.partnerOut, this.paymentsOut, this.extraOut]) out.flush();
    const merged = this.suspects.size > 0 ? this.mergeSplitReceipts() : 0;
    return { lines: this.linesOut.inserted, receipts: this.receiptsOut.inserted - merged, partnerUses: this.partnerOut.inserted, payments: this.paymentsOut.inserted };
  }

  /** Merges receipts of this import that share a code into the one with the lowest id; returns how many were removed. */
  private mergeSplitReceipts(): number {
    const db = this.db;
    db.exec('CREATE TEMP TABLE IF NOT EXISTS split_codes (code TEXT PRIMARY KEY) WITHOUT ROWID');
    db.exec('DELETE FROM split_codes');
    const addCode = db.prepare('INSERT OR IGNORE INTO split_codes (code) VALUES (?)');
    for (const code of this.suspects) addCode.run(code);
    db.exec('CREATE TEMP TABLE IF NOT EXISTS receipt_merge (dup INTEGER PRIMARY KEY, keep INTEGER NOT NULL)');
    db.exec('DELETE FROM receipt_merge');
    db.prepare(`INSERT INTO receipt_merge (dup, keep)
      SELECT r.id, k.keep FROM receipts r
      JOIN (SELECT code, min(id) AS keep FROM receipts WHERE import_id = ? AND code IN (SELECT code FROM split_codes) GROUP BY code) k ON k.code = r.code
      WHERE r.import_id = ? AND r.id <> k.keep`).run(this.importId, this.importId);
    const removed = (db.prepare('SELECT count(*) AS n FROM receipt_merge').get() as { n: number }).n;
    if (removed === 0) return 0;
    const update = db.prepare('UPDATE receipts SET amount = amount + ?, quantity = quantity + ?, lines = lines + ?, flags = flags | ? WHERE id = ?');
    const dups = db.prepare('SELECT m.keep, d.amount, d.quantity, d.lines, d.flags FROM receipt_merge m JOIN receipts d ON d.id = m.dup').all() as { keep: number; amount: number; quantity: number; lines: number; flags: number }[];
    for (const d of dups) update.run(d.amount, d.quantity, d.lines, d.flags, d.keep);
    db.exec('UPDATE lines SET receipt_id = (SELECT keep FROM receipt_merge WHERE dup = lines.receipt_id) WHERE receipt_id IN (SELECT dup FROM receipt_merge)');
    db.exec('DELETE FROM receipts WHERE id IN (SELECT dup FROM receipt_merge)');
    return removed;
  }
}
