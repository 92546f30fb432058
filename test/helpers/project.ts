import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(ROOT, 'bin/segment-workbench.mjs');
export const FIXTURES = path.join(ROOT, 'test/fixtures');
export const UCI_CSV = path.resolve(ROOT, '../shared/data/online_retail/online_retail.csv');

/** A fresh temporary folder, removed by the caller (or left in os.tmpdir for inspection on failure). */
export function tempDir(prefix = 'swb-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh `tiny` demo project (200 customers) in its own temporary folder, made through the CLI. */
export function makeTinyDemo(prefix = 'swb-test-', file = 'p.sqlite'): { dir: string; project: string } {
  const dir = tempDir(prefix);
  const project = path.join(dir, file);
  const r = runCli(['demo', '--project', project, '--size', 'tiny']);
  if (r.code !== 0) throw new Error(`demo failed: ${r.stderr}`);
  return { dir, project };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would (`segment-workbench …`), with TZ pinned. */
export function runCli(args: string[], options: { cwd?: string } = {}): CliResult {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run `npm run build` first (npm test does).');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 256 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A digest of everything a project holds: schema, and every row of every table in rowid order.
 * Two equal digests mean the project is exactly as it was.
 */
export function projectDigest(file: string): string {
  // Read-write, so a hot WAL left by a killed process is recovered first, as the app would.
  const db = new Database(file);
  try {
    const hash = createHash('sha256');
    const objects = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[];
    for (const o of objects) {
      hash.update(`${o.type}|${o.name}|${o.sql}\n`);
      if (o.type !== 'table') continue;
      for (const row of db.prepare(`SELECT * FROM "${o.name}"`).raw().iterate()) hash.update(JSON.stringify(row) + '\n');
    }
    hash.update(String(db.pragma('user_version', { simple: true })));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** The six small, hand-written L.point files of test/fixtures/lpoint-small. */
export function lpointSmallFiles(): string[] {
  const dir = path.join(FIXTURES, 'lpoint-small');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(dir, f));
}

/** Writes a synthetic L.point PDDE file of `rows` lines (receipts of 3 lines), for imports big enough to interrupt. */
export function writeSyntheticPdde(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  let buf = 'cust,rct_no,chnl_dv,cop_c,br_c,pd_c,de_dt,de_hr,buy_am,buy_ct\n';
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(i / 60), r = Math.floor(i / 3), d = 1 + (r % 28);
    buf += `M${String(c).padStart(9, '0')},E${String(r).padStart(11, '0')},1,A0${1 + (c % 5)},A01${String(c % 500).padStart(4, '0')},PD${String(1 + (i % 1900)).padStart(4, '0')},202103${String(d).padStart(2, '0')},${r % 24},${1000 + (i % 97) * 100},${1 + (i % 3)}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}
