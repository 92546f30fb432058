import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../../../core/data/demo/index.js';
import { demoJob, type DemoSummary } from '../../../core/jobs/demo-job.js';
import { runImport } from '../../../core/jobs/import-job.js';
import type { JobContext } from '../../../core/jobs/types.js';
import { openProject } from '../../../core/data/store/open.js';
import { tempDir } from '../../helpers/project.js';

/*
 * The demo job with its optional files, run in this process (no worker): the files are generated,
 * then imported with the L.point files through the ordinary importer in one import (their roles,
 * marketing and coupons, recognised from their headers), so the project holds the spend, the
 * offers and each line's coupon status.
 */
const ctx = (project: string): JobContext => ({ jobId: 't', project, signal: new AbortController().signal, startedAt: new Date(), progress: () => undefined, throwIfCancelled: () => undefined, runId: null });

let dir: string;
let summary: DemoSummary;
let project: string;

beforeAll(async () => {
  dir = tempDir('swb-demo-with-');
  project = path.join(dir, 'p.sqlite');
  summary = await demoJob.run(ctx(project), demoJob.params.parse({ size: 'tiny', seed: 3, with: ['marketing', 'coupons'], out: path.join(dir, 'csv') }));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const csvRows = (name: string): string[][] => fs.readFileSync(path.join(dir, 'csv', name), 'utf8').split('\n').slice(1, -1).map((l) => l.split(','));

describe('demo --with marketing,coupons imports the optional files', () => {
  it('imports them with the L.point files as one import, read as marketing and coupons with the intended mapping', () => {
    expect(summary.with).toEqual(['marketing', 'coupons']);
    expect(summary.runId).toBeGreaterThan(0);
    const byName = new Map(summary.files.map((f) => [path.basename(f.file), f]));
    expect(byName.get('MARKETING_SPEND.csv')).toMatchObject({ format: 'generic', table: 'marketing', mapping: { date: 'Date' }, rowsImported: 365 });
    expect(byName.get('DISCOUNT_COUPON.csv')).toMatchObject({
      format: 'generic', table: 'coupons', mapping: { month: 'Month', category: 'Product_Category', code: 'Coupon_Code', discount: 'Discount_pct' }, rowsImported: 708,
    });
    expect(byName.get('LPOINT_BIG_COMP_02_PDDE.csv')).toMatchObject({ format: 'lpoint', table: 'PDDE' });
    expect(summary.files).toHaveLength(8);
    expect(summary.rowsRejected).toBe(0);
  });

  it('imports nothing at all when an optional file fails: it is one import with the L.point files', async () => {
    // A project that already holds another seed's spend for the same days and channels: the demo's
    // spend file is refused as overlapping, after the six L.point files were read in the same import.
    const bad = path.join(dir, 'overlap.sqlite');
    const other = await writeDemoFiles(path.join(dir, 'other'), { size: 'tiny', seed: 99, with: ['marketing'] });
    await runImport(ctx(bad), { files: [other.marketing?.file as string], format: 'generic', role: 'marketing', map: { date: 'Date' }, encoding: 'utf8', onError: 'abort', allowDuplicate: false }, 'import', {});
    await expect(demoJob.run(ctx(bad), demoJob.params.parse({ size: 'tiny', seed: 3, with: ['marketing'] }))).rejects.toThrow(/already in the project/);
    const db = openProject(bad, { readonly: true });
    try {
      const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
      expect(n('SELECT count(*) AS n FROM imports')).toBe(1);
      expect(n('SELECT count(*) AS n FROM runs')).toBe(1);
      expect(n('SELECT count(*) AS n FROM lines')).toBe(0);
      expect(n('SELECT count(*) AS n FROM customers')).toBe(0);
    } finally {
      db.close();
    }
  });

  it('stores one spend row per day and channel, as written', () => {
    const db = openProject(project, { readonly: true });
    try {
      const spend = db.prepare('SELECT day, channel, spend FROM marketing_spend ORDER BY day, channel').all() as { day: number; channel: string; spend: number }[];
      expect(spend).toHaveLength(365 * 2);
      expect([...new Set(spend.map((s) => s.channel))].sort()).toEqual(['Offline_Spend', 'Online_Spend']);
      const file = csvRows('MARKETING_SPEND.csv');
      const day0 = Date.UTC(2021, 0, 1) / 86_400_000;
      expect(spend[0].day).toBe(day0);
      const online = spend.filter((s) => s.channel === 'Online_Spend').map((s) => s.spend);
      expect(online).toEqual(file.map((r) => Number(r[2])));
    } finally {
      db.close();
    }
  });

  it('stores every offer with its month, category and discount, and each line\'s coupon status', () => {
    const db = openProject(project, { readonly: true });
    try {
      const offers = db.prepare('SELECT year, month, category, code, discount FROM coupons').all() as { year: number; month: number; category: string; code: string; discount: number }[];
      const file = csvRows('DISCOUNT_COUPON.csv');
      expect(offers).toHaveLength(file.length);
      expect(new Set(offers.map((o) => `${o.year}-${String(o.month).padStart(2, '0')}|${o.category}|${o.code}|${o.discount}`))).toEqual(new Set(file.map((r) => r.join('|'))));
      const status = db.prepare('SELECT coupon, count(*) AS n FROM lines GROUP BY coupon ORDER BY coupon').all() as { coupon: number | null; n: number }[];
      const pdde = csvRows('LPOINT_BIG_COMP_02_PDDE.csv');
      const count = (v: string): number => pdde.filter((r) => r[10] === v).length;
      expect(status).toEqual([
        { coupon: null, n: count('') }, { coupon: 0, n: count('Not Used') }, { coupon: 1, n: count('Clicked') }, { coupon: 2, n: count('Used') },
      ]);
    } finally {
      db.close();
    }
  });
});
