import type { JobStatus, RunRecord, SerializedError } from '../../model/jobs.js';
import type { Db } from './open.js';

interface RunRow {
  id: number;
  analysis: string;
  status: JobStatus;
  params: string;
  data_fingerprint: string;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  summary: string | null;
  error: string | null;
  title: string | null;
  note: string | null;
}

/** Records a run as it starts, so a job killed mid-way still leaves a trace ('running' → 'failed' on the next listing). */
export function startRun(db: Db, analysis: string, params: Record<string, unknown>, dataFingerprint: string, startedAt = new Date()): number {
  const info = db
    .prepare('INSERT INTO runs (analysis, status, params, data_fingerprint, started_at) VALUES (?, ?, ?, ?, ?)')
    .run(analysis, 'running', JSON.stringify(params), dataFingerprint, startedAt.toISOString());
  return Number(info.lastInsertRowid);
}

/** Closes a run with its outcome; the summary is what `runs` and the UI show. */
export function finishRun(db: Db, id: number, status: Exclude<JobStatus, 'running'>, outcome: { summary?: unknown; error?: SerializedError; dataFingerprint?: string }): void {
  const row = db.prepare('SELECT started_at FROM runs WHERE id = ?').get(id) as { started_at: string } | undefined;
  if (!row) return;
  const finished = new Date();
  db.prepare('UPDATE runs SET status = ?, finished_at = ?, duration_ms = ?, summary = ?, error = ?, data_fingerprint = coalesce(?, data_fingerprint) WHERE id = ?').run(
    status,
    finished.toISOString(),
    finished.getTime() - Date.parse(row.started_at),
    outcome.summary === undefined ? null : JSON.stringify(outcome.summary),
    outcome.error === undefined ? null : JSON.stringify(outcome.error),
    outcome.dataFingerprint ?? null,
    id,
  );
}

export function listRuns(db: Db): RunRecord[] {
  const rows = db.prepare('SELECT * FROM runs ORDER BY id').all() as RunRow[];
  return rows.map(toRecord);
}

/** The newest completed run of an analysis on the given data fingerprint, if any. */
export function latestRun(db: Db, analysis: string, fingerprint: string): RunRecord | undefined {
  const row = db.prepare("SELECT * FROM runs WHERE analysis = ? AND data_fingerprint = ? AND status = 'done' ORDER BY id DESC LIMIT 1").get(analysis, fingerprint) as RunRow | undefined;
  return row && toRecord(row);
}

export function getRun(db: Db, id: number): RunRecord | undefined {
  const row = db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
  return row && toRecord(row);
}

function toRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    analysis: row.analysis,
    status: row.status,
    params: JSON.parse(row.params) as Record<string, unknown>,
    dataFingerprint: row.data_fingerprint,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    summary: row.summary === null ? null : (JSON.parse(row.summary) as unknown),
    error: row.error === null ? null : (JSON.parse(row.error) as SerializedError),
    // undefined: a project of schema 5 opened read-only (not migrated) has no such columns.
    ...(row.title === null || row.title === undefined ? {} : { title: row.title }),
    ...(row.note === null || row.note === undefined ? {} : { note: row.note }),
  };
}

/**
 * Sets a run's title (null or blank: untitled again). Returns false when there is no such run.
 * The title is the analyst's label only: parameters, results and the stored views never change.
 */
export function setRunTitle(db: Db, id: number, title: string | null): boolean {
  const value = title === null || title.trim() === '' ? null : title.trim();
  return db.prepare('UPDATE runs SET title = ? WHERE id = ?').run(value, id).changes > 0;
}

/** Sets a run's note (null or blank: no note). Kept as written apart from surrounding blank space. */
export function setRunNote(db: Db, id: number, note: string | null): boolean {
  const value = note === null || note.trim() === '' ? null : note.trim();
  return db.prepare('UPDATE runs SET note = ? WHERE id = ?').run(value, id).changes > 0;
}

/**
 * The data fingerprint a run is computed on: sha-like digest of the imported files' fingerprints in
 * import order. Two runs with the same fingerprint saw the same data.
 */
export function dataFingerprint(db: Db, hash: (text: string) => string): string {
  const rows = db.prepare('SELECT fingerprint FROM imports ORDER BY id').all() as { fingerprint: string }[];
  return rows.length === 0 ? 'empty' : hash(rows.map((r) => r.fingerprint).join('\n'));
}
