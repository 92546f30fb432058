import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHost } from '../../../core/service/api.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { CLI, FIXTURES, lpointSmallFiles, makeTinyDemo, projectDigest, ROOT, runCli, tempDir, writeSyntheticPdde } from '../../helpers/project.js';

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const sideFiles = (file: string): string[] => ['-wal', '-shm', '-journal'].filter((s) => fs.existsSync(file + s));

/** Issue #15 §7: another program's SQLite file is refused without a single write. */
describe("another program's SQLite file", () => {
  for (const mode of ['delete', 'wal'] as const) {
    it(`is refused by every command and left byte for byte (${mode} journal)`, () => {
      const dir = tempDir('swb-foreign-');
      const file = path.join(dir, 'other-app.sqlite');
      const db = new Database(file);
      db.pragma(`journal_mode = ${mode}`);
      db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');");
      db.close();
      const before = sha(file);
      const csv = path.join(FIXTURES, 'lpoint-small', 'LPOINT_BIG_COMP_05_BR.csv');
      for (const args of [['import', '--project', file, csv], ['demo', '--project', file, '--size', 'tiny'], ['runs', '--project', file], ['export', '--project', file, '--run', '1', '--what', 'summary', '--out', path.join(dir, 'x.json')], ['run', 'data-summary', '--project', file]]) {
        const r = runCli(args);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.stderr, args.join(' ')).toMatch(/is an SQLite file of another application, not a Segment Workbench project; it was left untouched/);
        expect(sha(file), args.join(' ')).toBe(before);
        expect(sideFiles(file), args.join(' ')).toEqual([]);
      }
    });
  }

  it('a file that is not SQLite at all is refused, unchanged', () => {
    const file = path.join(tempDir('swb-foreign-'), 'notes.sqlite');
    fs.writeFileSync(file, 'just some text, not a database\n'.repeat(10));
    const before = sha(file);
    const r = runCli(['import', '--project', file, path.join(FIXTURES, 'lpoint-small', 'LPOINT_BIG_COMP_05_BR.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not an SQLite database at all/);
    expect(sha(file)).toBe(before);
  });
});

/** Issue #15 §7: a zero-byte file becomes a project only when asked to create one. */
describe('a zero-byte file', () => {
  let service: WorkbenchService;
  beforeAll(() => (service = new WorkbenchService()));
  afterAll(() => service.close());

  it('is not silently turned into a project by opening it (API, CLI), and stays zero bytes', async () => {
    const file = path.join(tempDir('swb-empty-'), 'empty.sqlite');
    fs.writeFileSync(file, '');
    const api = new ApiHost(service);
    for (const op of ['openProject', 'projectInfo', 'listRuns'] as const) {
      const r = await api.call(op, op === 'openProject' ? { path: file, create: false } : { project: file });
      expect(r.ok, op).toBe(false);
      if (!r.ok) expect(r.error.message, op).toMatch(/is an empty file, not a project/);
      expect(fs.statSync(file).size, op).toBe(0);
    }
    const cli = runCli(['runs', '--project', file]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/is an empty file, not a project; `import` or `demo` into it to make one/);
    expect(fs.statSync(file).size).toBe(0);
    expect(sideFiles(file)).toEqual([]);
  });

  it('becomes a project with an explicit create (import into it)', () => {
    const file = path.join(tempDir('swb-empty-'), 'empty.sqlite');
    fs.writeFileSync(file, '');
    const r = runCli(['import', '--project', file, ...lpointSmallFiles()]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(runCli(['runs', '--project', file, '--json']).stdout)).toHaveLength(1);
  });
});

/** Issue #15 §7: a failed import into a new path leaves no empty project behind. */
describe('a failed import into a new path', () => {
  it('leaves no file (nor -wal/-shm) behind', () => {
    const dir = tempDir('swb-new-');
    const file = path.join(dir, 'new.sqlite');
    const r = runCli(['import', '--project', file, path.join(FIXTURES, 'bad', 'pdde-wrong-types.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Nothing was imported/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('into an existing project leaves the project exactly as it was', () => {
    const { project } = makeTinyDemo('swb-existing-');
    const digest = projectDigest(project);
    const r = runCli(['import', '--project', project, path.join(FIXTURES, 'bad', 'pdde-wrong-types.csv')]);
    expect(r.code).toBe(1);
    expect(projectDigest(project)).toBe(digest);
  });
});

/**
 * Issue #15 §7: a project in a read-only folder can still be read and exported from. Root ignores
 * permission bits, so the folder is a read-only bind mount; where mounting is not allowed the test
 * skips with a message.
 */
describe('a project in a read-only folder', () => {
  let src: string, ro: string, out: string;
  let mounted = false;
  let why = '';

  beforeAll(() => {
    const { project } = makeTinyDemo('swb-ro-src-');
    src = tempDir('swb-ro-');
    // Only the project file, as a user copies it (a cleanly closed WAL project has no side files).
    fs.copyFileSync(project, path.join(src, 'p.sqlite'));
    ro = tempDir('swb-ro-mnt-');
    out = tempDir('swb-ro-out-');
    const r = spawnSync('mount', ['--bind', '-o', 'ro', src, ro], { encoding: 'utf8' });
    mounted = r.status === 0;
    why = r.error?.message ?? r.stderr;
  });

  afterAll(() => {
    if (mounted) spawnSync('umount', [ro]);
  });

  it('runs, export and the API read it; commands that write say the folder is read-only', async (ctx) => {
    if (!mounted) {
      console.warn(`skipped: cannot make a read-only bind mount here (${why.trim()})`);
      ctx.skip();
    }
    const file = path.join(ro, 'p.sqlite');
    const runs = runCli(['runs', '--project', file, '--json']);
    expect(runs.code, runs.stderr).toBe(0);
    expect(JSON.parse(runs.stdout)).toHaveLength(1);
    const exported = runCli(['export', '--project', file, '--run', '1', '--what', 'import-report', '--out', path.join(out, 'report.csv')]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, 'report.csv'), 'utf8')).toMatch(/^\uFEFFfile,line,column/);
    const write = runCli(['run', 'data-summary', '--project', file]);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/is in a read-only folder .*it can be read and exported from, not changed/);
    const service = new WorkbenchService();
    try {
      const api = new ApiHost(service);
      const opened = await api.call('openProject', { path: file });
      expect(opened.ok, JSON.stringify(opened)).toBe(true);
      const listed = await api.call('listRuns', { project: file });
      expect(listed.ok, JSON.stringify(listed)).toBe(true);
    } finally {
      await service.close();
    }
  });
});

/** A child process that starts a rollback-journal transaction big enough to spill to the file, then kills itself. */
function crashMidTransaction(project: string): void {
  const script = `
    const Database = require(${JSON.stringify(path.join(ROOT, 'node_modules/better-sqlite3'))});
    const db = new Database(${JSON.stringify(project)});
    db.pragma('journal_mode = DELETE');
    db.pragma('cache_size = 8');
    db.exec('BEGIN IMMEDIATE');
    const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    for (let i = 0; i < 20000; i++) put.run('crash-' + i, 'x'.repeat(200));
    process.kill(process.pid, 'SIGKILL');`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.signal).toBe('SIGKILL');
}

/** Issue #15 §6: after kill -9 of a writer in rollback-journal mode, read-only commands recover the hot journal first. */
describe('a hot journal left by a killed writer', () => {
  it('runs, export and run data-summary work at once, on the data before the crash', () => {
    const { dir, project } = makeTinyDemo('swb-hot-');
    const digest = projectDigest(project);
    crashMidTransaction(project);
    expect(fs.statSync(`${project}-journal`).size).toBeGreaterThan(0);
    const runs = runCli(['runs', '--project', project, '--json']);
    expect(runs.code, runs.stderr).toBe(0);
    expect(JSON.parse(runs.stdout)).toHaveLength(1);
    expect(fs.existsSync(`${project}-journal`)).toBe(false);
    expect(projectDigest(project)).toBe(digest);
    crashMidTransaction(project);
    const exported = runCli(['export', '--project', project, '--run', '1', '--what', 'summary', '--out', path.join(dir, 's.json')]);
    expect(exported.code, exported.stderr).toBe(0);
    crashMidTransaction(project);
    const summary = runCli(['run', 'data-summary', '--project', project, '--json']);
    expect(summary.code, summary.stderr).toBe(0);
  });
});

/** Issue #15 §6: while an import runs, readers keep working on the data before it. */
describe('readers during an import', () => {
  let big: string;
  beforeAll(() => {
    big = path.join(tempDir('swb-big-'), 'big_PDDE.csv');
    // 1.5M lines, ~120 MB: large enough for the importer's bulk-load path (over 64 MB).
    writeSyntheticPdde(big, 1_500_000);
  });

  it('`runs` answers while the import is still running, with the runs before it; a connected reader does not stop the import', async () => {
    const project = path.join(tempDir('swb-during-'), 'p.sqlite');
    const first = runCli(['import', '--project', project, ...lpointSmallFiles()]);
    expect(first.code, first.stderr).toBe(0);
    const digest = projectDigest(project);
    // A reader connected when the import starts (the browser host answering a page, a script):
    // the importer used to fail at once with "database is locked" trying to leave WAL mode.
    const held = new Database(project, { readonly: true });
    held.prepare('SELECT count(*) FROM runs').get();
    const child = spawn(process.execPath, [CLI, 'import', '--project', project, big], { cwd: ROOT, env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    let err = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (/read\s+\d/.test(err) && /rows/.test(err)) resolve();
      });
      void exit.then(({ code }) => reject(new Error(`import ended (code ${code}) before the reader ran: ${err}`)));
    });
    const reader = spawn(process.execPath, [CLI, 'runs', '--project', project, '--json'], { cwd: ROOT, env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    reader.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    reader.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => reader.on('exit', (c) => resolve(c)));
    const importStillRunning = child.exitCode === null && child.signalCode === null;
    expect((held.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n).toBe(1);
    held.close();
    child.kill('SIGKILL');
    await exit;
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(1);
    expect(importStillRunning).toBe(true);
    // After the kill -9, a read-only command first: the hot WAL is read past, the import never happened.
    const after = runCli(['runs', '--project', project, '--json']);
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout)).toHaveLength(1);
    expect(projectDigest(project)).toBe(digest);
  });

  it('a kill -9 of an import into a new path leaves no project there; the next import of that path cleans up after it (issue #15 §7)', async () => {
    const dir = tempDir('swb-killnew-');
    const project = path.join(dir, 'p.sqlite');
    const child = spawn(process.execPath, [CLI, 'import', '--project', project, big], { cwd: ROOT, env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    let err = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (/read\s+\d/.test(err) && /rows/.test(err)) resolve();
      });
      void exit.then(({ code }) => reject(new Error(`import ended (code ${code}) before the kill: ${err}`)));
    });
    child.kill('SIGKILL');
    expect((await exit).signal).toBe('SIGKILL');
    // Before: an empty project (schema, no import) sat at the path.
    expect(fs.existsSync(project)).toBe(false);
    expect(sideFiles(project)).toEqual([]);
    const left = fs.readdirSync(dir);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((f) => f.startsWith('.p.sqlite.') && f.includes('.swb-partial'))).toBe(true);
    const again = runCli(['import', '--project', project, ...lpointSmallFiles()]);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['p.sqlite']);
    expect(JSON.parse(runCli(['runs', '--project', project, '--json']).stdout)).toHaveLength(1);
  });

  it('a failed import into a new path leaves nothing in the folder', () => {
    const dir = tempDir('swb-failnew-');
    const project = path.join(dir, 'p.sqlite');
    const r = runCli(['import', '--project', project, path.join(FIXTURES, 'bad', 'generic-no-date.csv')]);
    expect(r.code).not.toBe(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
