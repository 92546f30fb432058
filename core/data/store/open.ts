import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { WorkbenchError } from '../../model/result.js';
import { CUSTOMER_AGGREGATES_VERSION, rebuildCustomerCells, rebuildCustomerReceiptFacts } from './customer-aggregates.js';
import { INDEXES, MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { APP_ID, foreign, inspectProjectFile } from './project-file.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the project when the path holds no file or an empty one (default false: that is an error). */
  create?: boolean;
  readonly?: boolean;
  /** Open read-only, instead of failing, when the project's file or folder cannot be written (reads in the app and the browser host). */
  readonlyIfNeeded?: boolean;
}

// better-sqlite3 reads SQLITE_USE_URI once, when its addon loads (at the first connection of the
// process): URI file names are needed for `?immutable=1`, the one way SQLite reads a WAL-mode file
// in a folder where it cannot create the -shm file. Every path we open is absolute ("/…"), so no
// project path is ever mistaken for a URI.
process.env.SQLITE_USE_URI ??= '1';

const files = new WeakMap<Db, string>();

/** The project file a connection was opened on (its `name` is a URI when opened immutable). */
export function projectFileOf(db: Db): string {
  return files.get(db) ?? db.name;
}

/**
 * Opens a project file (docs/decisions/0012-failure-model.md): WAL journal (readers never block
 * the writer), NORMAL sync (durable at checkpoints, never corrupt), a busy timeout so two jobs can
 * share the file, and migrations up to the current schema version.
 * - The file is judged from its bytes before SQLite opens it (inspectProjectFile): another
 *   application's SQLite file, or anything not SQLite, is refused without a single write.
 * - A missing or zero-byte file becomes a project only with `create`.
 * - A hot journal left by a killed import is rolled back first, even for a read-only open (a
 *   read-only connection cannot roll back, and would fail on every read).
 * - A project in a read-only folder opens read-only (immutable when no other process is writing).
 */
export function openProject(file: string, options: OpenOptions = {}): Db {
  const abs = path.resolve(file);
  let kind = inspectProjectFile(abs);
  if (kind === 'ask-sqlite') kind = askSqlite(abs);
  const create = options.create === true && options.readonly !== true;
  if (kind === 'missing' && !create) throw new WorkbenchError('not-found', `No project at ${file}; create one with \`import\` or \`demo\`.`);
  if (kind === 'empty' && !create) throw new WorkbenchError('invalid-input', `${file} is an empty file, not a project; \`import\` or \`demo\` into it to make one.`);
  const readonly = options.readonly === true || (options.readonlyIfNeeded === true && kind === 'ours' && !writable(abs));
  let db: Db;
  try {
    if (readonly) db = openReadonly(abs);
    else {
      db = openWritable(abs, kind !== 'ours');
      // Larger pages for a new project (before its first table; a no-op on an existing file) make
      // bulk loads and full scans touch 4× fewer pages.
      if (kind !== 'ours') db.pragma('page_size = 16384');
    }
  } catch (err) {
    if (err instanceof WorkbenchError) throw err;
    throw new WorkbenchError('invalid-input', `Cannot open ${file} as a project: ${(err as Error).message}`);
  }
  files.set(db, abs);
  try {
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('cache_size = -32768');
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const isEmpty = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n === 0;
    if (appId !== APP_ID && !isEmpty) throw foreign(file, '');
    if (version > SCHEMA_VERSION) {
      throw new WorkbenchError('invalid-input', `${file} was written by a newer version (schema ${version}; this version reads up to ${SCHEMA_VERSION}).`);
    }
    if (version < SCHEMA_VERSION && !readonly) migrate(db, version);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** A file whose newest pages may be in its -wal: ask SQLite, through a read-only connection. */
function askSqlite(file: string): 'ours' | 'empty' {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId === APP_ID) return 'ours';
    const n = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
    if (n === 0 && appId === 0) return 'empty';
    throw foreign(file, '');
  } finally {
    db.close();
  }
}

/** Sets the busy timeout and reads page 1: the read that makes SQLite recover a hot journal. */
function probe(db: Db): Db {
  db.pragma('busy_timeout = 10000');
  db.pragma('application_id', { simple: true });
  return db;
}

function openWritable(file: string, creating: boolean): Db {
  if (!fs.existsSync(path.dirname(file))) throw new WorkbenchError('not-found', `The folder ${path.dirname(file)} does not exist.`);
  if (!writable(file)) throw new WorkbenchError('invalid-input', `${file} is in a read-only folder (or is read-only itself): it can be read and exported from, not changed.`);
  const db = new Database(file, { fileMustExist: !creating });
  try {
    return probe(db);
  } catch (err) {
    db.close();
    throw err;
  }
}

function openReadonly(file: string): Db {
  if (!fs.existsSync(`${file}-wal`) && !fs.existsSync(`${file}-journal`) && !writable(file)) {
    // No writer can be at work (it would have a -wal or -journal here), and SQLite cannot create the
    // -shm a WAL-mode file needs: read the file as the immutable snapshot it is.
    return probe(new Database(`file:${file.replace(/[%?#]/g, (c) => encodeURIComponent(c))}?immutable=1`, { readonly: true, fileMustExist: true }));
  }
  const open = (): Db => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return probe(db);
    } catch (err) {
      db.close();
      throw err;
    }
  };
  try {
    return open();
  } catch (err) {
    if ((err as { code?: string }).code !== 'SQLITE_READONLY_ROLLBACK') throw err;
  }
  // A hot journal: a killed writer's transaction, which only a read-write connection can roll back.
  try {
    openWritable(file, false).close();
  } catch (err) {
    if (err instanceof WorkbenchError) {
      throw new WorkbenchError('invalid-input', `${file} has an unfinished transaction left by a crash (its -journal file), and the folder is read-only, so it cannot be rolled back; copy the project and its -journal file to a writable folder.`);
    }
    throw err;
  }
  return open();
}

/** SQLite needs the folder writable as well as the file: it creates -wal, -shm and -journal files beside it. */
function writable(file: string): boolean {
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function migrate(db: Db, from: number): void {
  db.transaction(() => {
    for (let v = from; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]);
    for (const index of INDEXES) db.exec(index.sql);
    // Migration 9's per-customer aggregates, built from an existing project's tables (JS packs the
    // cell blobs; after the indexes, which the receipt facts' grouped scan reads in order).
    if (from < CUSTOMER_AGGREGATES_VERSION) {
      rebuildCustomerCells(db);
      rebuildCustomerReceiptFacts(db);
    }
    db.pragma(`application_id = ${APP_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    if (from === 0) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('created_at', new Date().toISOString());
  })();
}

/** Drops the secondary indexes before a bulk load (call inside the load's transaction). */
export function dropIndexes(db: Db): void {
  for (const index of INDEXES) db.exec(`DROP INDEX IF EXISTS ${index.name}`);
}

/** Builds any missing secondary index; `onIndex` reports each one for progress. */
export function createIndexes(db: Db, onIndex?: (name: string, i: number, n: number) => void): void {
  // One helper thread for the sorter: index builds sort millions of keys (measured 0.86 → 0.65 s
  // for 4.3M lines). Two helpers were no faster on the full demo and pushed peak memory to ~300 MB.
  db.pragma('threads = 1');
  try {
    INDEXES.forEach((index, i) => {
      onIndex?.(index.name, i, INDEXES.length);
      db.exec(index.sql);
    });
  } finally {
    db.pragma('threads = 0');
  }
}
