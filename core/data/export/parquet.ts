import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { Db } from '../store/open.js';
import { AtomicFile } from './atomic-file.js';

/**
 * Parquet export of the canonical model (issue #16, "Beyond one laptop"): customers, products,
 * receipts and lines as four Parquet files, so an engine that scales past one laptop (DuckDB on
 * one large machine, Spark SQL or Trino on a cluster) computes the per-customer aggregations from
 * the same data the workbench holds (docs/decisions/0021-scale-out.md).
 *
 * Writer: hyparquet-writer (pure JS, one dependency, hyparquet; MIT). Rows are read from SQLite
 * with a streaming iterator and written one row group at a time, so the 4.3M-line demo never holds
 * more than ROW_GROUP rows of a table in memory; the bytes go through an AtomicFile, so each file
 * is complete or absent (issue #15 §2).
 */

/** Rows per row group: large enough for engines to scan efficiently, small enough to stay in tens of MB. */
export const ROW_GROUP = 100_000;

/** Bytes the writer holds before it hands them to the file. */
const FLUSH_BYTES = 1 << 20;

type ColumnType = 'id' | 'int' | 'day' | 'real' | 'text';

interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** False only for columns the store declares NOT NULL. */
  nullable: boolean;
}

interface TableSpec {
  table: 'customers' | 'products' | 'receipts' | 'lines';
  columns: ColumnSpec[];
}

const col = (name: string, type: ColumnType, nullable = true): ColumnSpec => ({ name, type, nullable });

/**
 * The exported tables and columns, as the store holds them (core/data/store/migrations.ts). `id` is
 * the store's integer key, the join key between the files (receipts.customer_id = customers.id);
 * `code` is the customer's or product's own code from the source data. `day` is a Parquet DATE
 * (days since 1970-01-01 UTC, exactly the store's day number). Flags are the LineFlag bits
 * (core/model/flags.ts); channel 1 offline, 2 online; coupon NULL unknown, 0 not used, 1 clicked, 2 used.
 */
export const PARQUET_TABLES: readonly TableSpec[] = [
  { table: 'customers', columns: [col('id', 'id', false), col('code', 'text', false), col('gender', 'text'), col('age_band', 'text'), col('age', 'int'), col('region', 'text')] },
  { table: 'products', columns: [col('id', 'id', false), col('code', 'text', false), col('name', 'text'), col('category', 'text'), col('category2', 'text')] },
  {
    table: 'receipts',
    columns: [col('id', 'id', false), col('code', 'text', false), col('customer_id', 'id'), col('day', 'day'), col('hour', 'int'), col('channel', 'int'), col('retailer', 'text'), col('store_id', 'id'), col('amount', 'real'), col('quantity', 'real', false), col('lines', 'int', false), col('flags', 'int', false)],
  },
  {
    table: 'lines',
    columns: [col('id', 'id', false), col('receipt_id', 'id', false), col('customer_id', 'id'), col('product_id', 'id'), col('day', 'day'), col('quantity', 'real'), col('amount', 'real'), col('flags', 'int', false), col('coupon', 'int')],
  },
];

/** One written file. */
export interface ParquetFileResult {
  table: string;
  file: string;
  rows: number;
  rowGroups: number;
  bytes: number;
}

/** The Parquet schema element of one column (INT32 ids: the store's ids stay far below 2^31). */
function schemaElement(c: ColumnSpec): Record<string, unknown> {
  const repetition_type = c.nullable ? 'OPTIONAL' : 'REQUIRED';
  switch (c.type) {
    case 'id':
    case 'int':
      return { name: c.name, type: 'INT32', repetition_type };
    case 'day':
      return { name: c.name, type: 'INT32', converted_type: 'DATE', repetition_type };
    case 'real':
      return { name: c.name, type: 'DOUBLE', repetition_type };
    case 'text':
      return { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type };
  }
}

/** A hyparquet-writer Writer that hands its bytes to an AtomicFile every FLUSH_BYTES (after node.js's fileWriter). */
function atomicWriter(file: AtomicFile): ByteWriter {
  const writer = new ByteWriter();
  const flush = (): void => {
    if (writer.index > 0) file.write(new Uint8Array(writer.buffer, 0, writer.index));
    writer.index = 0;
  };
  writer.ensure = (size: number): void => {
    if (writer.index > FLUSH_BYTES) flush();
    if (writer.index + size > writer.buffer.byteLength) {
      const grown = new ArrayBuffer(Math.max(writer.buffer.byteLength * 2, writer.index + size));
      new Uint8Array(grown).set(new Uint8Array(writer.buffer, 0, writer.index));
      writer.buffer = grown;
      writer.view = new DataView(grown);
    }
  };
  writer.finish = flush;
  return writer;
}

/** Checks a value read from SQLite fits the column, so a surprise in the data fails loudly instead of writing garbage. */
function checked(c: ColumnSpec, table: string, v: unknown): unknown {
  if (v === null || v === undefined) {
    if (!c.nullable) throw new Error(`${table}.${c.name}: NULL in a NOT NULL column`);
    return null;
  }
  if (c.type === 'text') return String(v);
  if (typeof v !== 'number') throw new Error(`${table}.${c.name}: expected a number, got ${typeof v}`);
  if (c.type !== 'real' && (!Number.isInteger(v) || v > 2147483647 || v < -2147483648)) throw new Error(`${table}.${c.name}: ${v} is not a 32-bit integer`);
  return v;
}

/**
 * Writes one table to `target` (an already resolved export path), ROW_GROUP rows at a time, in id
 * order (deterministic bytes for the same project); the columns the project's table has.
 */
export function writeTableParquet(db: Db, table: TableSpec, target: string, rowGroup = ROW_GROUP): ParquetFileResult {
  // A project made before a column existed (e.g. lines.coupon, migration 5) and opened read-only
  // is not migrated: its files leave that column out rather than invent values for it.
  const present = new Set((db.prepare(`PRAGMA table_info(${table.table})`).all() as { name: string }[]).map((c) => c.name));
  const spec: TableSpec = { table: table.table, columns: table.columns.filter((c) => present.has(c.name)) };
  const file = new AtomicFile(target);
  try {
    const writer = atomicWriter(file);
    const schema = [{ name: 'root', num_children: spec.columns.length }, ...spec.columns.map(schemaElement)];
    const pq = new ParquetWriter({ writer, schema: schema as never, createdBy: 'Segment Workbench (hyparquet-writer)' });
    const stmt = db.prepare(`SELECT ${spec.columns.map((c) => c.name).join(', ')} FROM ${spec.table} ORDER BY id`).raw(true);
    let buffers: unknown[][] = spec.columns.map(() => []);
    let rows = 0;
    let groups = 0;
    const emit = (): void => {
      if (buffers[0]!.length === 0) return;
      const n = buffers[0]!.length;
      void pq.write({ columnData: spec.columns.map((c, j) => ({ name: c.name, data: buffers[j]! })) as never, rowGroupSize: n });
      groups++;
      buffers = spec.columns.map(() => []);
    };
    for (const row of stmt.iterate() as Iterable<unknown[]>) {
      for (let j = 0; j < spec.columns.length; j++) buffers[j]!.push(checked(spec.columns[j]!, spec.table, row[j]));
      rows++;
      if (buffers[0]!.length >= rowGroup) emit();
    }
    emit();
    void pq.finish();
    const bytes = file.commit();
    return { table: spec.table, file: target, rows, rowGroups: groups, bytes };
  } catch (err) {
    file.abort();
    throw err;
  }
}
