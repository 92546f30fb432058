import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers/project.js';

/** `demo --with` through the built CLI, as a user types it (issue #11). */
describe('segment-workbench demo --with', () => {
  let dir: string;
  let project: string;
  let summary: Record<string, unknown>;

  beforeAll(() => {
    dir = tempDir('swb-demo-with-cli-');
    project = path.join(dir, 'p.sqlite');
    const r = runCli(['demo', '--project', project, '--size', 'tiny', '--seed', '4', '--with', 'coupons,marketing', '--out', path.join(dir, 'csv'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    summary = JSON.parse(r.stdout) as Record<string, unknown>;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the two optional files beside the six L.point files and imports them in the demo\'s one import and run', () => {
    expect(fs.readdirSync(path.join(dir, 'csv')).filter((f) => !f.startsWith('LPOINT_')).sort()).toEqual(['DISCOUNT_COUPON.csv', 'MARKETING_SPEND.csv']);
    expect(summary.with).toEqual(['marketing', 'coupons']);
    expect(summary.rowsRejected).toBe(0);
    const runs = JSON.parse(runCli(['runs', '--project', project, '--json']).stdout) as { id: number; analysis: string; params: Record<string, unknown> }[];
    expect(runs.map((r) => r.analysis)).toEqual(['demo']);
    expect(runs[0].params).toMatchObject({ size: 'tiny', seed: 4, with: ['coupons', 'marketing'] });
    expect((summary.tables as Record<string, number>).marketing).toBe(365);
    expect((summary.tables as Record<string, number>).coupons).toBe(708);
  });

  it('fills the marketing, coupon and line coupon tables', () => {
    const db = new Database(project, { readonly: true });
    try {
      const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
      expect(n('SELECT count(*) AS n FROM marketing_spend')).toBe(730);
      expect(n('SELECT count(*) AS n FROM coupons')).toBe(708);
      expect(n('SELECT count(*) AS n FROM lines WHERE coupon IS NOT NULL')).toBeGreaterThan(15_000);
    } finally {
      db.close();
    }
  });

  it('refuses an unknown optional file as a usage error naming it, before any work', () => {
    const other = path.join(dir, 'q.sqlite');
    const r = runCli(['demo', '--project', other, '--size', 'tiny', '--with', 'marketing,weather']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--with .*"weather"/);
    expect(fs.existsSync(other)).toBe(false);
  });

  it('documents --with in demo --help', () => {
    const r = runCli(['demo', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--with marketing,coupons/);
  });
});
