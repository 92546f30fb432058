import { LineFlag } from '../../../model/flags.js';
import type { Db } from '../open.js';

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
  amountNet: number;
  amountReturns: number;
  linesWithoutCustomer: number;
  flagged: Record<string, number>;
  byChannel: { channel: string; receipts: number; amount: number }[];
  byRetailer: { retailer: string; receipts: number; amount: number }[];
}

/** Headline counts of a project, aggregated in SQL (one pass per table). */
export function dataSummary(db: Db): DataSummary {
  const one = <T>(sql: string): T => db.prepare(sql).get() as T;
  const lines = one<{ n: number; first: number | null; last: number | null; net: number | null; returns: number | null; anon: number | null; cust: number }>(
    `SELECT count(*) AS n, min(day) AS first, max(day) AS last, total(amount) AS net,
            total(CASE WHEN flags & ${LineFlag.RETURN} THEN amount END) AS returns,
            total(customer_id IS NULL) AS anon, count(DISTINCT customer_id) AS cust FROM lines`,
  );
  const flagged: Record<string, number> = {};
  for (const [name, bit] of Object.entries(LineFlag)) {
    flagged[name] = one<{ n: number }>(`SELECT count(*) AS n FROM lines WHERE flags & ${bit}`).n;
  }
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
    amountNet: Math.round((lines.net ?? 0) * 100) / 100,
    amountReturns: Math.round((lines.returns ?? 0) * 100) / 100,
    linesWithoutCustomer: lines.anon ?? 0,
    flagged,
    byChannel: (db.prepare(`SELECT coalesce(CASE channel WHEN 1 THEN 'offline' WHEN 2 THEN 'online' END, 'unknown') AS channel, count(*) AS receipts, round(total(amount), 2) AS amount FROM receipts GROUP BY 1 ORDER BY 1`).all() as DataSummary['byChannel']),
    byRetailer: (db.prepare(`SELECT coalesce(retailer, 'unknown') AS retailer, count(*) AS receipts, round(total(amount), 2) AS amount FROM receipts GROUP BY 1 ORDER BY 1`).all() as DataSummary['byRetailer']),
  };
}
