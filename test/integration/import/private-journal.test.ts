import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers/project.js';

/**
 * docs/decisions/0002: an import into a new path loads its private partial file with the rollback
 * journal in memory (no WAL written and checkpointed), and puts the file back in WAL before it is
 * published — every project on disk is a WAL project (docs/decisions/0012), sound and complete.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('an import into a new path', () => {
  it('publishes a WAL project that passes SQLite\'s integrity check, and a second import into it (WAL throughout) works', () => {
    const dir = tempDir('swb-private-journal-');
    dirs.push(dir);
    const csv = path.join(dir, 'lines.csv');
    const rows = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
    for (let i = 0; i < 300; i++) rows.push(`${536000 + (i >> 2)},SC${i % 17},ITEM,${1 + (i % 5)},2011-0${1 + (i % 9)}-1${i % 10} 10:00:00,${2 + (i % 7)},${12000 + (i % 23)}.0,United Kingdom`);
    fs.writeFileSync(csv, rows.join('\n') + '\n');
    const project = path.join(dir, 'p.sqlite');
    const first = runCli(['import', '--project', project, csv, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['lines.csv', 'p.sqlite']); // no partial, no -wal or -journal left
    const check = (): void => {
      const db = new Database(project, { readonly: true });
      try {
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect((db.prepare('SELECT count(*) AS n FROM lines').get() as { n: number }).n).toBeGreaterThan(0);
      } finally {
        db.close();
      }
    };
    check();
    const csv2 = path.join(dir, 'more.csv');
    fs.writeFileSync(csv2, [rows[0], '537000,SC1,ITEM,2,2011-11-01 10:00:00,3,12001.0,United Kingdom'].join('\n') + '\n');
    const second = runCli(['import', '--project', project, csv2, '--json']);
    expect(second.code, second.stderr).toBe(0);
    check();
  });
});
