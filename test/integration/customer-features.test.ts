import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, runCli } from '../helpers/project.js';

/**
 * Issue #16: `import --format customer-features` of a per-customer table computed elsewhere, then
 * K-means on it (`--param features=imported`). The features the clustering saw (export features)
 * must be the file's numeric columns, standardised — checked against z-scores computed here — with
 * the unknown customers and the text column reported in one sentence each; the same table as
 * Parquet must give the same matrix and the same segments.
 */
let dir: string;
let project: string;
/** Per customer code: the three features written to the file. */
const table = new Map<string, [number, number, number]>();
let leftOut: string;

beforeAll(() => {
  ({ dir, project } = makeTinyDemo('swb-features-'));
  const db = new Database(project, { readonly: true });
  const rows = db.prepare('SELECT c.code AS code, count(DISTINCT l.receipt_id) AS receipts, total(l.amount) AS spend, total(l.quantity) AS qty FROM customers c JOIN lines l ON l.customer_id = c.id GROUP BY c.id ORDER BY c.code').all() as { code: string; receipts: number; spend: number; qty: number }[];
  db.close();
  // The last customer is left out of the file: it must be placed at the mean (0 after standardising).
  leftOut = rows.pop()!.code;
  for (const r of rows) table.set(r.code, [r.receipts, r.spend / 1000, r.qty]);
  const lines = ['customer,receipts,spend_k,qty,tier'];
  for (const [code, v] of table) lines.push(`${code},${v.join(',')},${v[1] > 500 ? 'gold' : 'base'}`);
  lines.push('X-UNKNOWN-1,1,2,3,base', 'X-UNKNOWN-2,4,5,6,gold');
  fs.writeFileSync(path.join(dir, 'features.csv'), lines.join('\n') + '\n');
  const codes = [...table.keys(), 'X-UNKNOWN-1', 'X-UNKNOWN-2'];
  const vals = [...table.values(), [1, 2, 3], [4, 5, 6]];
  parquetWriteFile({
    filename: path.join(dir, 'features.parquet'),
    columnData: [
      { name: 'customer', data: codes, type: 'STRING' },
      { name: 'receipts', data: vals.map((v) => v[0]!), type: 'INT32' },
      { name: 'spend_k', data: vals.map((v) => v[1]!), type: 'DOUBLE' },
      { name: 'qty', data: vals.map((v) => v[2]!), type: 'DOUBLE' },
      { name: 'tier', data: vals.map((v) => (v[1]! > 500 ? 'gold' : 'base')), type: 'STRING' },
    ],
  });
}, 120_000);
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Imports `file`, runs kmeans k=3 on it, returns the run's summary and its exported feature matrix by customer. */
function importAndCluster(file: string): { importOut: string; summary: Record<string, unknown>; matrix: Map<string, number[]>; segments: Map<string, string> } {
  const imp = runCli(['import', '--project', project, '--format', 'customer-features', file]);
  expect(imp.stderr).toBe('');
  expect(imp.code).toBe(0);
  const run = runCli(['run', 'kmeans', '--project', project, '--param', 'features=imported', '--param', 'k=3', '--json']);
  expect(run.code).toBe(0);
  const summary = JSON.parse(run.stdout) as Record<string, unknown>;
  const out = path.join(dir, `f-${summary.runId}.csv`);
  expect(runCli(['export', '--project', project, '--run', String(summary.runId), '--what', 'features', '--out', out]).code).toBe(0);
  const [header, ...rows] = fs.readFileSync(out, 'utf8').trim().split(/\r?\n/);
  expect(header).toBe('customer,receipts,spend_k,qty');
  const matrix = new Map(rows.map((r) => r.split(',')).map(([c, ...v]) => [c!, v.map(Number)]));
  const segOut = path.join(dir, `s-${summary.runId}.csv`);
  expect(runCli(['export', '--project', project, '--run', String(summary.runId), '--what', 'segments', '--out', segOut]).code).toBe(0);
  const segments = new Map(fs.readFileSync(segOut, 'utf8').trim().split(/\r?\n/).slice(1).map((r) => r.split(',')).map(([c, s]) => [c!, s!]));
  return { importOut: imp.stdout, summary, matrix, segments };
}

describe('import --format customer-features, then kmeans features=imported', () => {
  let fromCsv: ReturnType<typeof importAndCluster>;

  it('clusters the file\'s numeric columns, standardised, and reports unknown customers and text columns', () => {
    fromCsv = importAndCluster(path.join(dir, 'features.csv'));
    expect(fromCsv.importOut).toMatch(/2 of \d+ rows name a customer this project does not have and were left out \(X-UNKNOWN-1, X-UNKNOWN-2\)\./);
    expect(fromCsv.importOut).toMatch(/1 column is not numeric and was left out: tier\./);
    expect(fromCsv.summary.featureSet).toBe('imported');
    expect(fromCsv.summary.featureNames).toEqual(['receipts', 'spend_k', 'qty']);
    expect(fromCsv.summary.k).toBe(3);
    expect(String(fromCsv.summary.scaling)).toMatch(/^imported features\.csv .*3 missing values set to the column mean; standard$/);

    // z-scores of the file's values, computed here (population SD, as StandardScaler); the left-out customer takes the mean.
    const cols = [0, 1, 2].map((q) => [...table.values()].map((v) => v[q]!));
    const stats = cols.map((c) => {
      const m = c.reduce((s, x) => s + x, 0) / c.length;
      const filled = [...c, m];
      const sd = Math.sqrt(filled.reduce((s, x) => s + (x - m) ** 2, 0) / filled.length);
      return { m, sd };
    });
    expect(fromCsv.matrix.size).toBe(table.size + 1);
    for (const [code, v] of table) {
      const got = fromCsv.matrix.get(code)!;
      v.forEach((x, q) => expect(got[q]).toBeCloseTo((x - stats[q]!.m) / stats[q]!.sd, 9));
    }
    for (const x of fromCsv.matrix.get(leftOut)!) expect(x).toBeCloseTo(0, 12);
  }, 120_000);

  it('imports the same table as Parquet and gets the same matrix and segments', () => {
    const fromParquet = importAndCluster(path.join(dir, 'features.parquet'));
    expect(fromParquet.importOut).toMatch(/2 of \d+ rows name a customer this project does not have/);
    expect(fromParquet.importOut).toMatch(/not numeric and was left out: tier\./);
    expect(fromParquet.summary.featureNames).toEqual(['receipts', 'spend_k', 'qty']);
    expect([...fromParquet.matrix]).toEqual([...fromCsv.matrix]);
    expect([...fromParquet.segments]).toEqual([...fromCsv.segments]);
  }, 120_000);

  it('refuses features=imported on a project without a feature table, saying how to make one', () => {
    const other = makeTinyDemo('swb-features-none-');
    try {
      const run = runCli(['run', 'kmeans', '--project', other.project, '--param', 'features=imported', '--param', 'k=3']);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/import --format customer-features/);
    } finally {
      fs.rmSync(other.dir, { recursive: true, force: true });
    }
  }, 120_000);
});
