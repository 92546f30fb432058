import { ColumnBuffer, LAYOUT, num, type Describe, type EncodedBatch, type IssueTuple, type OfferRow, type Severity } from './encoded.js';
import { SeenCodes } from './seen-codes.js';
import type { RowIssue } from '../../model/import.js';

/** One purchase line as the format converters hand it over (codes, not ids). */
export interface LineInput {
  receipt: string;
  customer: string | null;
  /** null: the file has no product column (issue #10). */
  product: string | null;
  /** null: the format has no date (baskets). */
  day: number | null;
  hour: number | null;
  channel: number | null;
  retailer: string | null;
  store: string | null;
  quantity: number | null;
  /** null: the file has no amount or unit price (item logs); stored NULL, never 0. */
  amount: number | null;
  flags: number;
  /** Coupon status (0 not used, 1 clicked, 2 used); null or absent: unknown (issue #11). */
  coupon?: number | null;
}

/**
 * A receipt attribute a line may disagree on with the receipt's first line. Not the customer: a
 * line of another customer opens a receipt of its own (receipts are keyed by code and customer).
 */
export type ReceiptAttribute = 'day' | 'hour' | 'channel' | 'retailer' | 'store';

/** What the encoder needs to know of the project before it starts: dictionaries and next ids. */
export interface EncoderState {
  customers: [string, number][];
  products: [string, number][];
  stores: [string, number][];
  nextCustomerId: number;
  nextProductId: number;
  nextStoreId: number;
  nextReceiptId: number;
  nextLineId: number;
}

/** The receipt being filled; one mutable object reused for every receipt (no garbage per receipt). */
interface OpenReceipt {
  open: boolean;
  id: number;
  code: string;
  customerId: number | null;
  day: number | null;
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
 * A copy of a string that shares no memory with the text it was cut from: V8 keeps substrings of
 * 13+ characters as slices of their parent (a 1 MiB chunk), which a long-lived dictionary key
 * would otherwise pin.
 */
function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

function buffer(layout: { nums: readonly string[]; strs: readonly string[] }): ColumnBuffer {
  return new ColumnBuffer(layout.nums.length, layout.strs.length);
}

/**
 * Turns converted rows into the canonical model's rows, in memory, without touching SQLite:
 * customers, products and stores are dictionaries (code → id) extended on first sight in any
 * order of files, ids are assigned here (the sink inserts them as given), and receipts are formed
 * from consecutive lines with the same code and the same customer (extracts list a receipt's
 * lines together). A line always keeps the customer it names: when one receipt code carries lines
 * of several customers (1,319 codes of the Kaggle Online_Sales file), each customer gets a
 * receipt of their own with that code. A code that reappears after another receipt is caught by a
 * hash set and reported as a suspect, which the sink merges at the end by (code, customer), so an
 * unsorted file still yields one receipt per code and customer.
 *
 * Keeping this free of the database lets it run in its own thread while the sink writes.
 */
export class Encoder {
  private readonly customers: Map<string, number>;
  private readonly products: Map<string, number>;
  private readonly stores: Map<string, number>;
  private readonly seen = new SeenCodes();
  private readonly suspects = new Set<string>();
  private next: EncoderState;
  readonly firstLineId: number;
  private linesCount = 0;
  private readonly receipt: OpenReceipt = { open: false, id: 0, code: '', customerId: null, day: 0, hour: null, channel: null, retailer: null, storeId: null, amount: 0, quantity: 0, lines: 0, flags: 0 };
  private lastCustomerCode = '';
  private lastCustomerId = 0;
  private lastStoreCode = '';
  private lastStoreId = 0;
  private amountSum = 0;
  private amountComp = 0;

  private newCustomers: [number, string][] = [];
  private newProducts: [number, string][] = [];
  private newStores: [number, string][] = [];
  private describes: Describe[] = [];
  private readonly lines = buffer(LAYOUT.lines);
  private readonly receipts = buffer(LAYOUT.receipts);
  private readonly partnerUses = buffer(LAYOUT.partnerUses);
  private readonly payments = buffer(LAYOUT.payments);
  private extras: [number, string][] = [];
  private attributes: [number, string, number | null, string][] = [];
  private spend: [number, string, number, number][] = [];
  private offers: OfferRow[] = [];
  private issues: IssueTuple[] = [];

  constructor(state: EncoderState) {
    this.customers = new Map(state.customers);
    this.products = new Map(state.products);
    this.stores = new Map(state.stores);
    this.next = { ...state, customers: [], products: [], stores: [] };
    this.firstLineId = state.nextLineId;
  }

  customerId(code: string): number {
    let id = this.customers.get(code);
    if (id === undefined) {
      id = this.next.nextCustomerId++;
      code = detach(code);
      this.customers.set(code, id);
      this.newCustomers.push([id, code]);
    }
    return id;
  }

  productId(code: string): number {
    let id = this.products.get(code);
    if (id === undefined) {
      id = this.next.nextProductId++;
      code = detach(code);
      this.products.set(code, id);
      this.newProducts.push([id, code]);
    }
    return id;
  }

  storeId(code: string): number {
    if (code === this.lastStoreCode) return this.lastStoreId;
    let id = this.stores.get(code);
    if (id === undefined) {
      id = this.next.nextStoreId++;
      code = detach(code);
      this.stores.set(code, id);
      this.newStores.push([id, code]);
    }
    this.lastStoreCode = code;
    return (this.lastStoreId = id);
  }

  /**
   * Sets a customer's demographics. `overwrite` (descriptive files) replaces what is known;
   * otherwise (a region column in a transactions file) only unknown attributes are filled.
   */
  describeCustomer(code: string, d: { gender?: string | null; ageBand?: string | null; age?: number | null; region?: string | null }, overwrite = true): void {
    this.describes.push({ table: 'customers', id: this.customerId(code), values: [d.gender ?? null, d.ageBand ?? null, d.age ?? null, d.region ?? null], overwrite });
  }

  /**
   * Sets a customer attribute beyond the fixed fields (a customers file's extra column). `num` is
   * the value read as a number when it is one; the attribute's kind is decided after the file.
   */
  setAttribute(code: string, name: string, num: number | null, text: string): void {
    this.attributes.push([this.customerId(code), name, num, text]);
  }

  describeProduct(code: string, d: { name: string | null; category: string | null; category2: string | null }, overwrite = true): void {
    this.describes.push({ table: 'products', id: this.productId(code), values: [d.name, d.category, d.category2], overwrite });
  }

  describeStore(code: string, d: { retailer: string | null; region: string | null; region2: string | null }): void {
    this.describes.push({ table: 'stores', id: this.storeId(code), values: [d.retailer, d.region, d.region2], overwrite: true });
  }

  /**
   * Adds a purchase line to the receipt it belongs to: the open receipt when it has the line's
   * code and customer, else a new one. Returns the first receipt attribute on which the line
   * disagrees with its receipt's first line (the receipt keeps the first value; the line keeps its
   * own day), or null. A null amount (no amount in the file) makes the receipt's amount NULL (NaN).
   */
  addLine(l: LineInput): ReceiptAttribute | null {
    let customerId: number | null = null;
    if (l.customer !== null) {
      if (l.customer === this.lastCustomerCode) customerId = this.lastCustomerId;
      else {
        customerId = this.lastCustomerId = this.customerId(l.customer);
        this.lastCustomerCode = l.customer;
      }
    }
    const storeId = l.store === null ? null : this.storeId(l.store);
    const r = this.receipt;
    let differs: ReceiptAttribute | null = null;
    if (r.open && r.code === l.receipt && r.customerId === customerId) {
      differs = r.day !== l.day ? 'day' : r.hour !== l.hour ? 'hour' : r.channel !== l.channel ? 'channel' : r.retailer !== l.retailer ? 'retailer' : r.storeId !== storeId ? 'store' : null;
    } else {
      if (r.open) this.closeReceipt();
      if (this.seen.addIfNew(l.receipt)) this.suspects.add(l.receipt);
      r.open = true;
      r.id = this.next.nextReceiptId++;
      r.code = l.receipt;
      r.customerId = customerId;
      r.day = l.day;
      r.hour = l.hour;
      r.channel = l.channel;
      r.retailer = l.retailer;
      r.storeId = storeId;
      r.amount = r.quantity = r.lines = r.flags = 0;
    }
    const amount = l.amount;
    r.quantity += l.quantity ?? 0;
    r.lines++;
    r.flags |= l.flags;
    if (amount === null) r.amount = NaN;
    else {
      r.amount += amount;
      // Neumaier summation: the total of millions of amounts stays exact to the cent.
      const t = this.amountSum + amount;
      this.amountComp += Math.abs(this.amountSum) >= Math.abs(amount) ? this.amountSum - t + amount : amount - t + this.amountSum;
      this.amountSum = t;
    }
    // Line ids are not written: SQLite gives the next rowids in order (this import holds the
    // write lock), so the lines of this import are firstLineId … firstLineId + lines − 1.
    const b = this.lines, o = b.row(), v = b.numbers;
    v[o] = r.id;
    v[o + 1] = num(customerId);
    v[o + 2] = l.product === null ? NaN : this.productId(l.product);
    v[o + 3] = num(l.day);
    v[o + 4] = num(l.quantity);
    v[o + 5] = num(amount);
    v[o + 6] = l.flags;
    v[o + 7] = num(l.coupon ?? null);
    this.linesCount++;
    return differs;
  }

  private closeReceipt(): void {
    const r = this.receipt, b = this.receipts, o = b.row(), v = b.numbers;
    v[o] = r.id;
    v[o + 1] = num(r.customerId);
    v[o + 2] = num(r.day);
    v[o + 3] = num(r.hour);
    v[o + 4] = num(r.channel);
    v[o + 5] = num(r.storeId);
    v[o + 6] = r.amount;
    v[o + 7] = r.quantity;
    v[o + 8] = r.lines;
    v[o + 9] = r.flags;
    b.pushString(r.code);
    b.pushString(r.retailer);
    r.open = false;
  }

  addPartnerUse(u: { line: number; code: string; customer: string | null; partner: string; store: string | null; channel: number | null; day: number; visitDay: number | null; hour: number | null; amount: number }): void {
    const b = this.partnerUses, o = b.row(), v = b.numbers;
    v[o] = u.customer === null ? NaN : this.customerId(u.customer);
    v[o + 1] = u.store === null ? NaN : this.storeId(u.store);
    v[o + 2] = num(u.channel);
    v[o + 3] = u.day;
    v[o + 4] = num(u.visitDay);
    v[o + 5] = num(u.hour);
    v[o + 6] = u.amount;
    v[o + 7] = u.line;
    b.pushString(u.code);
    b.pushString(u.partner);
  }

  addPayment(p: { line: number; code: string; customer: string | null; merchant: string; channel: number | null; day: number; hour: number | null; amount: number }): void {
    const b = this.payments, o = b.row(), v = b.numbers;
    v[o] = p.customer === null ? NaN : this.customerId(p.customer);
    v[o + 1] = num(p.channel);
    v[o + 2] = p.day;
    v[o + 3] = num(p.hour);
    v[o + 4] = p.amount;
    v[o + 5] = p.line;
    b.pushString(p.code);
    b.pushString(p.merchant);
  }

  /** One day's spend on one channel (a marketing file's cell). */
  addSpend(day: number, channel: string, spend: number, line: number): void {
    this.spend.push([day, channel, spend, line]);
  }

  /** One coupon offer (a coupons file's row). */
  addOffer(offer: OfferRow): void {
    this.offers.push(offer);
  }

  addExtra(line: number, data: Record<string, string>): void {
    this.extras.push([line, JSON.stringify(data)]);
  }

  /** Records an issue for the import report (the IssueLog's sink). */
  issue(severity: Severity, r: RowIssue): void {
    this.issues.push([severity, r.line, r.column, r.value, r.reason]);
  }

  /** The exact sum of the amounts of every line added so far. */
  get amount(): number {
    return this.amountSum + this.amountComp;
  }

  /** Hands out everything encoded since the last call; `final` also closes the open receipt. */
  take(progress: { rowsRead: number; rowsImported: number; bytesRead: number }, pack: boolean, final = false): EncodedBatch {
    if (final && this.receipt.open) this.closeReceipt();
    const batch: EncodedBatch = {
      newCustomers: this.newCustomers, newProducts: this.newProducts, newStores: this.newStores, describes: this.describes,
      lines: this.lines.take(pack), receipts: this.receipts.take(pack), partnerUses: this.partnerUses.take(pack), payments: this.payments.take(pack),
      extras: this.extras, attributes: this.attributes, spend: this.spend, offers: this.offers, issues: this.issues, ...progress,
    };
    this.spend = [];
    this.offers = [];
    this.newCustomers = [];
    this.newProducts = [];
    this.newStores = [];
    this.describes = [];
    this.extras = [];
    this.attributes = [];
    this.issues = [];
    return batch;
  }

  /** Receipt codes seen in more than one run of lines (to merge), and the line id range. */
  summary(): { suspects: string[]; amount: number; lines: number; firstLineId: number; lastLineId: number } {
    return { suspects: [...this.suspects], amount: this.amount, lines: this.linesCount, firstLineId: this.firstLineId, lastLineId: this.firstLineId + this.linesCount - 1 };
  }
}
