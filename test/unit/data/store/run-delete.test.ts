import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openProject, type Db } from '../../../../core/data/store/open.js';
import { deleteRun, RUN_RESULT_TABLES } from '../../../../core/data/store/run-delete.js';
import { getRun, listRuns, setRunNote, setRunTitle, startRun } from '../../../../core/data/store/runs.js';
import type { WorkbenchError } from '../../../../core/model/result.js';
import { tempDir } from '../../../helpers/project.js';

const dir = tempDir('swb-run-delete-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function freshProject(): Db {
  return openProject(path.join(dir, `p${++n}.sqlite`), { create: true });
}

/** Every table with a `run_id` column, read from the schema itself (so a future result table is included). */
function tablesWithRunId(db: Db): string[] {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return tables.filter((t) => (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).some((c) => c.name === 'run_id'));
}

/** One row in `table` under `runId`, every other column filled by its declared type (distinct per call, for keys). */
function insertRow(db: Db, table: string, runId: number, k: number): void {
  const cols = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[];
  const values = cols.map((c) => {
    if (c.name === 'run_id') return runId;
    const t = c.type.toUpperCase();
    if (t.includes('INT')) return k;
    if (t.includes('REAL')) return k + 0.5;
    if (t.includes('BLOB')) return Buffer.from([k & 255]);
    return `v${k}`;
  });
  db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c.name}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...values);
}

function done(db: Db, analysis: string, params: Record<string, unknown> = {}): number {
  const id = startRun(db, analysis, params, 'fp');
  db.prepare("UPDATE runs SET status = 'done', finished_at = started_at, summary = '{}' WHERE id = ?").run(id);
  return id;
}

const count = (db: Db, table: string, runId: number): number => (db.prepare(`SELECT count(*) AS n FROM "${table}" WHERE run_id = ?`).get(runId) as { n: number }).n;

describe('deleteRun (issue #14)', () => {
  let db: Db;
  beforeEach(() => {
    db?.close();
    db = freshProject();
  });

  it('knows every table that stores rows under a run id (all but imports, which only data runs fill)', () => {
    const found = tablesWithRunId(db).filter((t) => t !== 'imports');
    expect(found.sort()).toEqual([...RUN_RESULT_TABLES].sort());
  });

  it('removes the run and every row stored under its id in every table, and nothing of another run', () => {
    const gone = done(db, 'kmeans', { k: 3 });
    const kept = done(db, 'recommend', { segmentRun: gone });
    const tables = tablesWithRunId(db).filter((t) => t !== 'imports');
    tables.forEach((t, i) => {
      insertRow(db, t, gone, 10 * i + 1);
      insertRow(db, t, gone, 10 * i + 2);
      insertRow(db, t, kept, 10 * i + 3);
    });
    const { deleted } = deleteRun(db, gone);
    expect(deleted.runs).toBe(1);
    for (const t of tables) {
      expect(count(db, t, gone), t).toBe(0);
      expect(count(db, t, kept), t).toBe(1);
    }
    for (const t of RUN_RESULT_TABLES) expect(deleted[t], t).toBe(2);
    expect(getRun(db, gone)).toBeUndefined();
    expect(listRuns(db).map((r) => r.id)).toEqual([kept]);
  });

  it('refuses import and demo runs, a running run and a missing one, changing nothing', () => {
    const imp = done(db, 'import');
    const demo = done(db, 'demo');
    const running = startRun(db, 'rules', {}, 'fp');
    insertRow(db, 'run_artifacts', running, 1);
    const codeOf = (id: number): string => {
      try {
        deleteRun(db, id);
        return 'deleted';
      } catch (err) {
        return (err as WorkbenchError).code;
      }
    };
    expect(codeOf(imp)).toBe('invalid-input');
    expect(codeOf(demo)).toBe('invalid-input');
    expect(codeOf(running)).toBe('busy');
    expect(codeOf(999)).toBe('not-found');
    expect(listRuns(db).map((r) => r.id)).toEqual([imp, demo, running]);
    expect(count(db, 'run_artifacts', running)).toBe(1);
  });

  it('is one transaction: a failure half-way leaves every row in place', () => {
    const id = done(db, 'kmeans');
    insertRow(db, 'segment_members', id, 1);
    insertRow(db, 'recommendations', id, 2);
    // A trigger that fails the last table's delete, after the first tables' rows went.
    db.exec(`CREATE TRIGGER no_delete BEFORE DELETE ON runs BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    expect(() => deleteRun(db, id)).toThrow(/refused/);
    db.exec('DROP TRIGGER no_delete');
    expect(count(db, 'segment_members', id)).toBe(1);
    expect(count(db, 'recommendations', id)).toBe(1);
    expect(getRun(db, id)).toBeDefined();
  });
});

describe('run titles and notes (issue #14)', () => {
  it('sets, trims and clears a title and a note; a run without them has neither field', () => {
    const db = freshProject();
    const id = done(db, 'kmeans');
    expect(getRun(db, id)).not.toHaveProperty('title');
    expect(getRun(db, id)).not.toHaveProperty('note');
    expect(setRunTitle(db, id, '  Spring campaign base ')).toBe(true);
    expect(setRunNote(db, id, 'k=3 chosen by the elbow.\nShared with the CRM team.')).toBe(true);
    expect(getRun(db, id)).toMatchObject({ title: 'Spring campaign base', note: 'k=3 chosen by the elbow.\nShared with the CRM team.' });
    setRunTitle(db, id, '   ');
    setRunNote(db, id, null);
    expect(getRun(db, id)).not.toHaveProperty('title');
    expect(getRun(db, id)).not.toHaveProperty('note');
    expect(setRunTitle(db, 999, 'x')).toBe(false);
    db.close();
  });
});

describe('migration 6 (issue #14)', () => {
  it('keeps every run and id, adds title and note, and never gives a deleted run\'s id to a later run', async () => {
    const Database = (await import('better-sqlite3')).default;
    const { MIGRATIONS } = await import('../../../../core/data/store/migrations.js');
    const file = path.join(dir, 'v5.sqlite');
    const old = new Database(file);
    for (const sql of MIGRATIONS.slice(0, 5)) old.exec(sql);
    old.pragma('application_id = 1398227505');
    old.pragma('user_version = 5');
    old.exec(`INSERT INTO meta VALUES ('created_at', '2026-01-01T00:00:00.000Z');
      INSERT INTO runs (id, analysis, status, params, data_fingerprint, started_at, finished_at, duration_ms, summary, error)
      VALUES (1, 'demo', 'done', '{}', 'fp', '2026-01-01', '2026-01-01', 5, '{}', NULL), (4, 'kmeans', 'done', '{"k":3}', 'fp', '2026-01-02', '2026-01-02', 7, '{"segments":3}', NULL);`);
    old.close();
    const db = openProject(file);
    expect(listRuns(db).map((r) => [r.id, r.analysis, r.params, r.summary, r.durationMs])).toEqual([[1, 'demo', {}, {}, 5], [4, 'kmeans', { k: 3 }, { segments: 3 }, 7]]);
    deleteRun(db, 4);
    expect(startRun(db, 'kmeans', {}, 'fp')).toBe(5);
    db.close();
  });
});
