import { LineFlag } from '../../../model/flags.js';
import type { Db } from '../open.js';
import { attributeDefs, type AttributeDef } from './attributes.js';

export interface DataSummary {
  customers: number;
  customersWithPurchases: number;
  products: number;
  stores: number;
  receipts: number;
  lines: number;
  partnerUses: number;
  payments: number;
  firstDay: string | null;
  lastDay: string | null;
  /** Net sales; null when no line has an amount (a file without amounts: unknown, not 0). */
  amountNet: number | null;
  amountReturns: number | null;
  linesWithoutCustomer: number;
  /** Lines whose amount, product or date is unknown (files without those columns, issue #10). */
  linesWithoutAmount: number;
  linesWithoutProduct: number;
  linesWithoutDate: number;
  /** Attributes of customers beyond the fixed fields (name and kind). */
  attributes: AttributeDef[];
  /** One sentence per field the data lacks, saying which analyses cannot use it. */
  notes: string[];
  flagged: Record<string, number>;
  byChannel: { channel: string; receipts: number; amount: number }[];
  byRetailer: { retailer: string; receipts: number; amount: number }[];
}

/**
 * Headline counts of a project, aggregated in SQL (one pass per table). Unknown amounts (NULL)
 * are never summed as 0: with none known, the net and returns are null and a note says why.
 */
export function dataSummary(db: Db): DataSummary {
  const one = <T>(sql: string): T => db.prepare(sql).get() as T;
  const lines = one<{ n: number; first: number | null; last: number | null; net: number | null; returns: number | null; anon: number | null; cust: number; noAmount: number; noProduct: number; noDate: number }>(
    `SELECT count(*) AS n, min(day) AS first, max(day) AS last, total(amount) AS net,
            total(CASE WHEN flags & ${LineFlag.RETURN} THEN amount END) AS returns,
            total(customer_id IS NULL) AS anon, count(DISTINCT customer_id) AS cust,
            count(*) - count(amount) AS noAmount, count(*) - count(product_id) AS noProduct, count(*) - count(day) AS noDate FROM lines`,
  );
  const flagged: Record<string, number> = {};
  for (const [name, bit] of Object.entries(LineFlag)) {
    flagged[name] = one<{ n: number }>(`SELECT count(*) AS n FROM lines WHERE flags & ${bit}`).n;
  }
  // Money is known when any line has an amount; an all-unknown total is not a total of 0.
  const moneyKnown = lines.n === 0 || lines.noAmount < lines.n;
  const notes: string[] = [];
  const share = (k: number): string => `${k.toLocaleString('en-US')} of ${lines.n.toLocaleString('en-US')} lines`;
  if (lines.noAmount > 0) notes.push(`${share(lines.noAmount)} have no amount (the file had no amount or unit price): sales, spend and price analyses leave them out or say so.`);
  if (lines.noProduct > 0) notes.push(`${share(lines.noProduct)} have no product (the file had no product column): product analyses (rules, recommendations, categories) leave them out or say so.`);
  if (lines.noDate > 0) notes.push(`${share(lines.noDate)} have no date (basket data): time-based analyses (recency, trends, cohorts) leave them out.`);
  const iso = (d: number | null): string | null => (d === null ? null : new Date(d * 86_400_000).toISOString().slice(0, 10));
  return {
    customers: one<{ n: number }>('SELECT count(*) AS n FROM customers').n,
    customersWithPurchases: lines.cust,
    products: one<{ n: number }>('SELECT count(*) AS n FROM products').n,
    stores: one<{ n: number }>('SELECT count(*) AS n FROM stores').n,
    receipts: one<{ n: number }>('SELECT count(*) AS n FROM receipts').n,
    lines: lines.n,
    partnerUses: one<{ n: number }>('SELECT count(*) AS n FROM partner_uses').n,
    payments: one<{ n: number }>('SELECT count(*) AS n FROM payments').n,
    firstDay: iso(lines.first),
    lastDay: iso(lines.last),
    amountNet: moneyKnown ? Math.round((lines.net ?? 0) * 100) / 100 : null,
    amountReturns: moneyKnown ? Math.round((lines.returns ?? 0) * 100) / 100 : null,
    linesWithoutCustomer: lines.anon ?? 0,
    linesWithoutAmount: lines.noAmount,
    linesWithoutProduct: lines.noProduct,
    linesWithoutDate: lines.noDate,
    attributes: attributeDefs(db),
    notes,
    flagged,
    byChannel: (db.prepare(`SELECT coalesce(CASE channel WHEN 1 THEN 'offline' WHEN 2 THEN 'online' END, 'unknown') AS channel, count(*) AS receipts, round(total(amount), 2) AS amount FROM receipts GROUP BY 1 ORDER BY 1`).all() as DataSummary['byChannel']),
    byRetailer: (db.prepare(`SELECT coalesce(retailer, 'unknown') AS retailer, count(*) AS receipts, round(total(amount), 2) AS amount FROM receipts GROUP BY 1 ORDER BY 1`).all() as DataSummary['byRetailer']),
  };
}
