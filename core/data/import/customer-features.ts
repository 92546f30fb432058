import path from 'node:path';
import { asyncBufferFromFile, parquetReadObjects, parquetSchema, parquetMetadataAsync } from 'hyparquet';
import { openCsvStream, sniffCsvFile } from '../csv/index.js';
import { sha256File } from '../hash.js';
import type { Db } from '../store/open.js';
import { WorkbenchError } from '../../model/result.js';

/**
 * `import --format customer-features FILE.csv|FILE.parquet` (issue #16): a per-customer feature
 * table computed elsewhere (a warehouse job over the Parquet export, docs/decisions/0021-scale-out.md),
 * stored in the project for kmeans `features=imported`. The first column is the customer's code
 * as in the project (customers.code); every other column is a feature. Columns with a value that
 * is not a number are left out, rows of customers the project does not know are left out, and each
 * is reported in one sentence. An empty cell (CSV) or null (Parquet) is a missing value (NaN).
 */

export interface CustomerFeaturesResult {
  file: string;
  format: 'csv' | 'parquet';
  sha256: string;
  rowsRead: number;
  /** Customers stored (rows whose code is a project customer). */
  matched: number;
  unknownCustomers: number;
  columns: string[];
  droppedColumns: string[];
  /** One sentence each about unknown customers and non-numeric columns, when there are any. */
  notes: string[];
}

interface RawTable {
  header: string[];
  /** Row-major cells: the id as text, then each feature cell (string from CSV, number/bigint/null from Parquet). */
  rows: unknown[][];
}

async function readCsv(file: string): Promise<RawTable> {
  const sniff = await sniffCsvFile(file);
  const rows: unknown[][] = [];
  await openCsvStream(file, { encoding: sniff.encoding.encoding, delimiter: sniff.delimiter }).each((fields) => {
    rows.push([...fields]);
  });
  return { header: sniff.header.map((h) => h.trim()), rows };
}

async function readParquet(file: string): Promise<RawTable> {
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer);
  const header = parquetSchema(metadata).children.map((c) => c.element.name);
  const objects = (await parquetReadObjects({ file: buffer, metadata })) as Record<string, unknown>[];
  return { header, rows: objects.map((o) => header.map((h) => o[h])) };
}

/** The number in a cell, NaN for a missing value, undefined when it is not a number. */
function numberOf(cell: unknown): number | undefined {
  if (cell === null || cell === undefined) return NaN;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'bigint') return Number(cell);
  if (typeof cell === 'string') {
    const t = cell.trim();
    if (t === '') return NaN;
    const v = Number(t);
    return Number.isFinite(v) ? v : undefined;
  }
  return undefined;
}

const listed = (xs: readonly string[], max = 5): string => xs.slice(0, max).join(', ') + (xs.length > max ? ', …' : '');

/** Reads the file, checks it against the project's customers and replaces the stored feature set, in one transaction. */
export async function importCustomerFeatures(db: Db, file: string): Promise<CustomerFeaturesResult> {
  const format = path.extname(file).toLowerCase() === '.parquet' ? 'parquet' : 'csv';
  const sha256 = await sha256File(file);
  const table = format === 'parquet' ? await readParquet(file) : await readCsv(file);
  if (table.header.length < 2) throw new WorkbenchError('invalid-input', `${path.basename(file)} has ${table.header.length} column(s); a customer-features table has the customer code first, then at least one numeric feature column.`);
  const d0 = table.header.length - 1;
  const values: (number | undefined)[][] = table.rows.map((r) => r.slice(1).map(numberOf));
  const numeric = [...Array(d0).keys()].filter((q) => values.every((v) => v[q] !== undefined));
  const dropped = [...Array(d0).keys()].filter((q) => !numeric.includes(q)).map((q) => table.header[q + 1]!);
  if (numeric.length === 0) throw new WorkbenchError('invalid-input', `${path.basename(file)} has no numeric feature column (not numeric: ${listed(dropped)}).`);
  const columns = numeric.map((q) => table.header[q + 1]!);

  const codes = new Map((db.prepare('SELECT code, id FROM customers').raw().all() as [string, number][]).map(([c, id]) => [c, id]));
  const seen = new Set<number>();
  const unknown: string[] = [];
  const stored: { id: number; vals: Buffer }[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const code = String(table.rows[i]![0] ?? '').trim();
    const id = codes.get(code);
    if (id === undefined) {
      unknown.push(code);
      continue;
    }
    if (seen.has(id)) throw new WorkbenchError('invalid-input', `${path.basename(file)} has customer ${code} twice (row ${i + 2}); a customer-features table has one row per customer.`);
    seen.add(id);
    const vals = Float64Array.from(numeric, (q) => values[i]![q] as number);
    stored.push({ id, vals: Buffer.from(vals.buffer) });
  }
  if (stored.length === 0) throw new WorkbenchError('invalid-input', `None of the ${table.rows.length} customers in ${path.basename(file)} is a customer of this project (first codes: ${listed(unknown)}); the first column must hold the customer codes the project holds.`);

  db.transaction(() => {
    db.exec('DELETE FROM customer_features; DELETE FROM customer_feature_columns; DELETE FROM customer_feature_set;');
    const col = db.prepare('INSERT INTO customer_feature_columns (position, name) VALUES (?, ?)');
    columns.forEach((c, q) => col.run(q, c));
    const row = db.prepare('INSERT INTO customer_features (customer_id, vals) VALUES (?, ?)');
    for (const s of stored) row.run(s.id, s.vals);
    db.prepare('INSERT INTO customer_feature_set (id, file, sha256, imported_at, format, rows_read, matched, unknown, dropped_columns) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(path.basename(file), sha256, new Date().toISOString(), format, table.rows.length, stored.length, unknown.length, JSON.stringify(dropped));
  })();

  const notes: string[] = [];
  if (unknown.length > 0) notes.push(`${unknown.length} of ${table.rows.length} rows name a customer this project does not have and were left out (${listed(unknown)}).`);
  if (dropped.length > 0) notes.push(`${dropped.length} column${dropped.length === 1 ? ' is' : 's are'} not numeric and ${dropped.length === 1 ? 'was' : 'were'} left out: ${listed(dropped, 10)}.`);
  return { file, format, sha256, rowsRead: table.rows.length, matched: stored.length, unknownCustomers: unknown.length, columns, droppedColumns: dropped, notes };
}

/** The stored imported features of `ids` (row-major, NaN where missing), or undefined when the project has none. */
export function readImportedFeatures(db: Db, ids: Int32Array | readonly number[]): { columns: string[]; data: Float64Array; sha256: string; file: string } | undefined {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'customer_feature_set'").get();
  const set = hasTable ? (db.prepare('SELECT file, sha256 FROM customer_feature_set WHERE id = 1').get() as { file: string; sha256: string } | undefined) : undefined;
  if (!set) return undefined;
  const columns = (db.prepare('SELECT name FROM customer_feature_columns ORDER BY position').raw().all() as [string][]).map((r) => r[0]);
  const d = columns.length;
  const byId = new Map<number, Buffer>();
  for (const [id, vals] of db.prepare('SELECT customer_id, vals FROM customer_features').raw().iterate() as Iterable<[number, Buffer]>) byId.set(id, vals);
  const data = new Float64Array(ids.length * d).fill(NaN);
  for (let i = 0; i < ids.length; i++) {
    const b = byId.get(ids[i]!);
    if (b) data.set(new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)), i * d);
  }
  return { columns, data, sha256: set.sha256, file: set.file };
}
