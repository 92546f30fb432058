import { WorkbenchError } from '../../model/result.js';
import { isSegmentAnalysis } from '../../model/segment.js';
import type { RunRecord } from '../../model/jobs.js';
import type { Db } from './open.js';
import { getRun } from './runs.js';

/**
 * Storage of segmentation runs: memberships (one row per customer), editable segment names, and
 * the arrays a run keeps (feature matrices as float64, PCA points, profiles as JSON). Writes
 * belong inside the transaction that records the run (core/jobs/run-record.ts).
 */

/** Writes a run's memberships: customer ids, segment per customer (−1 = set aside), outlier flags. */
export function writeMembers(db: Db, runId: number, customers: Int32Array, segments: Int32Array, outlier: Uint8Array): void {
  const insert = db.prepare('INSERT INTO segment_members (run_id, customer_id, segment, outlier) VALUES (?, ?, ?, ?)');
  for (let i = 0; i < customers.length; i++) insert.run(runId, customers[i], segments[i], outlier[i]);
}

export interface Membership {
  customers: Int32Array;
  segments: Int32Array;
  outlier: Uint8Array;
}

/** A run's memberships ordered by customer id. */
/** The stored run `runId` if it is a segmentation; else the one error every analysis that takes `segmentRun` gives. */
export function requireSegmentationRun(db: Db, runId: number): RunRecord {
  const run = getRun(db, runId);
  if (!run) throw new WorkbenchError('not-found', `No run ${runId} in this project; \`runs\` lists them.`);
  if (!isSegmentAnalysis(run.analysis)) throw new WorkbenchError('invalid-input', `Run ${runId} is a ${run.analysis} run, not a segmentation.`);
  return run;
}

/**
 * A segmentation run's segments as the analyses that take `segmentRun` read them (after
 * requireSegmentationRun): each customer's segment, the segment ids ascending (outliers, −1, left
 * out) and each one's current name.
 */
export function segmentsOf(db: Db, runId: number): { segmentOf: Map<number, number>; ids: number[]; nameOf(segment: number): string } {
  requireSegmentationRun(db, runId);
  const m = readMembers(db, runId);
  const names = readNames(db, runId);
  const segmentOf = new Map<number, number>();
  m.customers.forEach((c, i) => segmentOf.set(c, m.segments[i]));
  const ids = [...new Set(m.segments)].filter((s) => s >= 0).sort((a, b) => a - b);
  return { segmentOf, ids, nameOf: (s) => names.get(s) ?? `segment ${s}` };
}

export function readMembers(db: Db, runId: number): Membership {
  const rows = db.prepare('SELECT customer_id, segment, outlier FROM segment_members WHERE run_id = ? ORDER BY customer_id').raw().all(runId) as [number, number, number][];
  const m: Membership = { customers: new Int32Array(rows.length), segments: new Int32Array(rows.length), outlier: new Uint8Array(rows.length) };
  rows.forEach(([c, s, o], i) => {
    m.customers[i] = c;
    m.segments[i] = s;
    m.outlier[i] = o;
  });
  return m;
}

/** Sets (or replaces) segment names. */
export function writeNames(db: Db, runId: number, names: ReadonlyMap<number, string>): void {
  const upsert = db.prepare('INSERT INTO segment_names (run_id, segment, name) VALUES (?, ?, ?) ON CONFLICT (run_id, segment) DO UPDATE SET name = excluded.name');
  for (const [segment, name] of names) upsert.run(runId, segment, name);
}

export function readNames(db: Db, runId: number): Map<number, string> {
  const rows = db.prepare('SELECT segment, name FROM segment_names WHERE run_id = ?').raw().all(runId) as [number, string][];
  return new Map(rows);
}

export function writeArtifact(db: Db, runId: number, name: string, data: Buffer | string): void {
  db.prepare('INSERT OR REPLACE INTO run_artifacts (run_id, name, data) VALUES (?, ?, ?)').run(runId, name, data);
}

export function readArtifact(db: Db, runId: number, name: string): Buffer | undefined {
  const row = db.prepare('SELECT data FROM run_artifacts WHERE run_id = ? AND name = ?').get(runId, name) as { data: Buffer | string } | undefined;
  if (row === undefined) return undefined;
  return typeof row.data === 'string' ? Buffer.from(row.data, 'utf8') : row.data;
}

/** A typed array as a BLOB (its bytes, little-endian as the platform). */
export function typedToBlob(a: Float64Array | Float32Array | Int32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** A BLOB back as a Float64Array (copied: SQLite's buffer may not be aligned). */
export function blobToFloat64(b: Buffer): Float64Array {
  const out = new Float64Array(b.byteLength / 8);
  new Uint8Array(out.buffer).set(b);
  return out;
}

export function blobToInt32(b: Buffer): Int32Array {
  const out = new Int32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

export function blobToFloat32(b: Buffer): Float32Array {
  const out = new Float32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}
