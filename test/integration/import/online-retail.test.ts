import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { LineFlag } from '../../../core/model/flags.js';
import type { ImportSummary } from '../../../core/model/import.js';
import { runCli, tempDir, UCI_CSV } from '../../helpers/project.js';

const present = fs.existsSync(UCI_CSV);
if (!present) console.warn(`SKIPPED: ${UCI_CSV} is absent (see ../shared/data/README.md); the UCI import test needs it.`);

describe.skipIf(!present)('UCI Online Retail, imported by header guessing alone', () => {
  it('reads all 541,909 rows, accounts for each, finds 4,372 customers and reconciles the amounts', () => {
    const project = path.join(tempDir(), 'uci.sqlite');
    const r = runCli(['import', '--project', project, UCI_CSV, '--on-error', 'skip', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as ImportSummary;
    expect(s.rowsRead).toBe(541_909);
    expect(s.rowsImported + s.rowsRejected).toBe(541_909);
    expect(s.customers).toBe(4_372);
    expect(s.receipts).toBe(25_900);
    // No invoice of UCI carries two customers (issue #10): nothing was split.
    expect(s.sharedReceiptIds).toBe(0);
    expect((s.amountTotal! + s.amountRejected).toFixed(2)).toBe('9747747.93');
    expect(s.files[0].mapping).toMatchObject({ customer: 'CustomerID', receipt: 'InvoiceNo', date: 'InvoiceDate', product: 'StockCode', quantity: 'Quantity', unitPrice: 'UnitPrice' });

    const db = new Database(project, { readonly: true });
    const count = (where: string): number => (db.prepare(`SELECT count(*) AS n FROM lines WHERE ${where}`).get() as { n: number }).n;
    // The figures of ../shared/data/README.md: nothing was dropped, every kind of odd row is flagged.
    expect(count(`flags & ${LineFlag.CANCELLATION}`)).toBe(9_288);
    expect(count('quantity < 0')).toBe(10_624);
    expect(count('amount < 0 AND quantity > 0')).toBe(2);
    expect(count('amount = 0')).toBe(2_515);
    expect(count('customer_id IS NULL')).toBe(135_080);
    expect((db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n).toBe(4_070);
    expect((db.prepare("SELECT count(DISTINCT region) AS n FROM customers").get() as { n: number }).n).toBeGreaterThanOrEqual(37);
    db.close();
  });
});
