import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers/project.js';

/**
 * Issue #10 point 2: "The mapping editor and `--map` allow leaving `product` unmapped." A file
 * whose StockCode column the header guesser takes for the product imports without products
 * when the user says `--map product=`.
 */
describe('import --map product= (leave a guessed field unmapped)', () => {
  let dir: string;
  let csv: string;
  beforeAll(() => {
    dir = tempDir('swb-map-none-');
    csv = path.join(dir, 'sales.csv');
    fs.writeFileSync(csv, 'CustomerID,InvoiceDate,StockCode,Quantity,Amount\n17850,2010-12-01 08:26,85123A,6,15.30\n17850,2010-12-01 08:26,71053,6,20.34\n13047,2010-12-02 09:00,22633,2,3.70\n13047,2010-12-05 10:00,85123A,1,2.55\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const count = (project: string, sql: string): unknown[] => {
    const db = new Database(project, { readonly: true });
    try {
      return db.prepare(sql).raw().get() as unknown[];
    } finally {
      db.close();
    }
  };

  it('without --map, StockCode is guessed as the product (the guess the user undoes below)', () => {
    const project = path.join(dir, 'guessed.sqlite');
    const r = runCli(['import', '--project', project, csv, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { files: { mapping: Record<string, string> }[] }).files[0].mapping.product).toBe('StockCode');
    expect(count(project, 'SELECT count(*), count(product_id) FROM lines')).toEqual([4, 4]);
  });

  it('with --map product=, lines have NULL product_id and data-summary says there are no products', () => {
    const project = path.join(dir, 'none.sqlite');
    const r = runCli(['import', '--project', project, csv, '--map', 'product=', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { rowsImported: number; amountTotal: number; files: { mapping: Record<string, string>; notes?: string[] }[] };
    expect(s.rowsImported).toBe(4);
    expect(s.amountTotal).toBeCloseTo(41.89, 2);
    expect(s.files[0].mapping).toEqual({ customer: 'CustomerID', date: 'InvoiceDate', quantity: 'Quantity', amount: 'Amount' });
    expect(s.files[0].notes?.join(' ')).toMatch(/no product column/);
    expect(count(project, 'SELECT count(*), count(product_id) FROM lines')).toEqual([4, 0]);
    expect(count(project, 'SELECT count(*) FROM products')).toEqual([0]);

    const d = runCli(['run', 'data-summary', '--project', project, '--json']);
    expect(d.code, d.stderr).toBe(0);
    const summary = JSON.parse(d.stdout) as { products: number; lines: number; linesWithoutProduct: number; notes: string[] };
    expect(summary).toMatchObject({ products: 0, lines: 4, linesWithoutProduct: 4 });
    expect(summary.notes.join(' ')).toMatch(/have no product \(the file had no product column\)/);
  });

  it('works with other fields and an explicit role, among other --map pairs', () => {
    const project = path.join(dir, 'several.sqlite');
    const r = runCli(['import', '--project', project, csv, '--role', 'transactions', '--map', 'product=,quantity=', '--map', 'amount=Amount', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { files: { mapping: Record<string, string> }[] }).files[0].mapping).toEqual({ customer: 'CustomerID', date: 'InvoiceDate', amount: 'Amount' });
    // Quantity unmapped: 1 per line.
    expect(count(project, 'SELECT count(product_id), total(quantity) FROM lines')).toEqual([0, 4]);
  });

  it('refuses to empty a required field: a usage error naming it, before any work', () => {
    for (const [map, role, field] of [['customer=', 'transactions', 'customer'], ['date=', 'auto', 'date'], ['customer=', 'auto', 'customer']] as const) {
      const project = path.join(dir, `bad-${field}-${role}.sqlite`);
      const r = runCli(['import', '--project', project, csv, '--role', role, '--map', map]);
      expect(r.code, `${map} ${role}`).toBe(2);
      expect(r.stderr).toContain(`"${field}" is required`);
      expect(r.stderr).toContain(`cannot be left unmapped (--map ${field}=)`);
      expect(fs.existsSync(project)).toBe(false);
    }
  });

  it('import --help says how to leave a field unmapped', () => {
    const text = runCli(['import', '--help']).stdout;
    expect(text).toMatch(/--map field=Column,\.\.\. .*field= leaves a field unmapped/);
    expect(text).toContain('--map field= (nothing after =) leaves an optional field unmapped');
  });
});
