import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHost } from '../../../core/service/api.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { FIXTURES, projectDigest, runCli, tempDir } from '../../helpers/project.js';

/**
 * Issue #10 points 2 and 3 on small files of each shape: customers excluded with their reasons,
 * customer attributes as profile, Compare and k-prototypes inputs, files without money (M = items)
 * and files without products (category methods refuse in one sentence).
 */
interface Summary {
  runId: number; customers: number; segments: number; featureNames: string[]; notes?: string[];
  excluded: { total: number; byReason: Record<string, number>; setAside?: Record<string, number> };
}

const dir = tempDir('swb-shapes-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function importProject(name: string, files: [string, string?][]): string {
  const project = path.join(dir, `${name}.sqlite`);
  for (const [file, role] of files) {
    const r = runCli(['import', '--project', project, file, ...(role ? ['--role', role] : [])]);
    expect(r.code, r.stderr).toBe(0);
  }
  return project;
}

function run(project: string, analysis: string, params: string[]): Summary {
  const r = runCli(['run', analysis, '--project', project, ...params.flatMap((p) => ['--param', p]), '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Summary;
}

function exportRows(project: string, runId: number, what: string, extra: string[] = []): { header: string[]; rows: string[][] } {
  const out = path.join(dir, `${path.basename(project)}-${runId}-${what}.csv`);
  const r = runCli(['export', '--project', project, '--run', String(runId), '--what', what, '--out', out, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  const lines = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

/** A refused run: exit 1, one sentence naming what is missing, the project byte-for-byte unchanged. */
function expectRefusal(project: string, analysis: string, params: string[], missing: RegExp): void {
  const before = projectDigest(project);
  const r = runCli(['run', analysis, '--project', project, ...params.flatMap((p) => ['--param', p])]);
  expect(r.code).toBe(1);
  const message = r.stderr.replace(/^segment-workbench: /, '').trim().split('\n').filter((l) => !/^\w+\s+\d+ \/ \d+/.test(l)).join(' ');
  expect(message).toMatch(missing);
  expect(message.match(/\.\s/g) ?? []).toHaveLength(0); // one sentence
  expect(projectDigest(project)).toBe(before);
}

const lrfmvCounts = (file: string, column: number) => {
  const out = new Map<string, number>();
  for (const line of fs.readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
    const c = line.split(',')[column];
    out.set(c, (out.get(c) ?? 0) + 1);
  }
  return out;
};

describe('nothing is excluded in silence; customer attributes as inputs (returns.csv + customers.csv)', () => {
  let project: string;
  let host: ApiHost;
  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  beforeAll(() => {
    project = importProject('returns', [[path.join(FIXTURES, 'segments/returns.csv')], [path.join(FIXTURES, 'segments/customers.csv'), 'customers']]);
    host = new ApiHost(new WorkbenchService(), project);
  });

  it('counts excluded customers per reason and lists them in the segments export with an empty segment and the reason', () => {
    const s = run(project, 'kmeans', ['k=2']);
    // C03 bought 10 and returned 20; C07 only returned; C09 is only in the customers file.
    expect(s.customers).toBe(6);
    expect(s.excluded).toEqual({ total: 3, byReason: { 'no purchases': 2, 'net spend ≤ 0 (returns exceed purchases)': 1 } });
    const e = exportRows(project, s.runId, 'segments');
    expect(e.header).toEqual(['customer', 'segment', 'name', 'outlier', 'reason']);
    expect(e.rows).toHaveLength(9);
    expect(e.rows.slice(6)).toEqual([
      ['C03', '', '', '', 'net spend ≤ 0 (returns exceed purchases)'],
      ['C07', '', '', '', 'no purchases'],
      ['C09', '', '', '', 'no purchases'],
    ]);
    for (const r of e.rows.slice(0, 6)) expect(r[1]).toMatch(/^[01]$/);
  });

  it('a run stored before reasons were kept (excluded as a bare count) still opens, its count under "not recorded"', async () => {
    const s = run(project, 'kmeans', ['k=2']);
    const db = new Database(project);
    try {
      db.prepare("UPDATE runs SET summary = json_set(summary, '$.excluded', 3) WHERE id = ?").run(s.runId);
      db.prepare("DELETE FROM run_artifacts WHERE run_id = ? AND name = 'reasons'").run(s.runId);
    } finally {
      db.close();
    }
    const v = ok(await host.invoke('getSegmentation', { project, runId: s.runId }));
    expect(v.summary.excluded).toEqual({ total: 3, byReason: { 'not recorded (run made before reasons were kept)': 3 } });
    const e = exportRows(project, s.runId, 'segments');
    expect(e.rows).toHaveLength(6);
  });

  it('profiles show each attribute (numeric mean and median over customers with a value, categorical counts)', async () => {
    const s = run(project, 'kmeans', ['k=2']);
    const v = ok(await host.invoke('getSegmentation', { project, runId: s.runId }));
    // Segmented customers' tenure: C01 14, C02 3.5, C04 120, C05 none, C06 60, C08 8.
    const tenure = v.profiles.map((p) => p.attributes!.find((a) => a.name === 'tenure_months')!);
    expect(tenure.reduce((a, t) => a + t.known, 0)).toBe(5);
    const total = tenure.reduce((a, t) => a + (t.mean ?? 0) * t.known, 0);
    expect(total).toBeCloseTo(14 + 3.5 + 120 + 60 + 8, 9);
    const tiers = new Map<string, number>();
    for (const p of v.profiles) for (const c of p.attributes!.find((a) => a.name === 'tier')!.counts!) tiers.set(c.key, (tiers.get(c.key) ?? 0) + c.customers);
    expect(Object.fromEntries(tiers)).toEqual({ bronze: 1, gold: 2, silver: 2, unknown: 1 });
    const profiles = exportRows(project, s.runId, 'profiles');
    expect(profiles.header.slice(-3)).toEqual(['tenure_months_mean', 'tenure_months_median', 'tier_shares']);
  });

  it('Compare tests a numeric attribute by Mann–Whitney and a categorical one by chi-square', async () => {
    const s = run(project, 'kmeans', ['k=3']);
    const v = ok(await host.invoke('getSegmentation', { project, runId: s.runId }));
    const known = (p: (typeof v.profiles)[number]) => p.attributes!.find((x) => x.name === 'tenure_months')!.known;
    const withTenure = v.profiles.filter((p) => known(p) > 0).map((p) => p.segment);
    expect(withTenure.length).toBeGreaterThanOrEqual(2);
    const [a, b] = withTenure;
    const c = ok(await host.invoke('compareSegments', { project, runId: s.runId, a, b }));
    expect(c.attributes!.map((x) => x.name)).toEqual(['tenure_months']);
    expect(c.attributes![0].pValue).toBeGreaterThan(0);
    expect(c.attributes![0].pValue).toBeLessThanOrEqual(1);
    expect(c.attributes![0].pAdjusted).toBe(c.attributes![0].pValue); // Holm over one test
    const tier = c.demographics.find((d) => d.variable === 'tier')!;
    const sizeOf = (seg: number) => v.profiles.find((p) => p.segment === seg)!.customers;
    expect(tier.table.reduce((acc, r) => acc + r.a + r.b, 0)).toBe(sizeOf(a) + sizeOf(b));
  });

  it('kprototypes takes attributes as inputs: numeric standardised, categorical as categories, missing values said', () => {
    const s = run(project, 'kprototypes', ['k=2', 'attributes=tenure_months,tier']);
    expect(s.featureNames.slice(0, 4)).toEqual(['amount (z)', 'quantity (z)', 'receipts (z)', 'tenure_months (z)']);
    expect(s.featureNames.at(-1)).toMatch(/^tier \(code: /);
    // Issue #14: categorical inputs that are the same for every customer are left out, and said.
    expect(s.notes).toEqual([
      'tenure_months: 1 of 6 customers have no value and count at the mean (z = 0).',
      'channel: the same value for every customer (unknown), left out of the categorical inputs (it separates no one).',
      'lpay: the same value for every customer (no L.pay), left out of the categorical inputs (it separates no one).',
      'partners: the same value for every customer (0), left out of the categorical inputs (it separates no one).',
    ]);
    const f = exportRows(project, s.runId, 'features');
    const z = f.rows.map((r) => Number(r[4]));
    expect(z.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(f.rows.find((r) => r[0] === 'C05')![4]).toBe('0');
    const r = runCli(['run', 'kprototypes', '--project', project, '--param', 'k=2', '--param', 'attributes=loyalty']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No customer attribute 'loyalty' in this project; known: tenure_months, tier\./);
  });
});

describe('a file without money (groceries: customer, date, item): M counts items, category methods refuse', () => {
  const file = path.join(FIXTURES, 'issue10/groceries.csv');
  let project: string;
  beforeAll(() => {
    project = importProject('groceries', [[file]]);
  });

  it('RFM with M = items: the column says so, the run notes it, and M equals the lines per customer in the file', () => {
    const s = run(project, 'kmeans', ['k=3', 'log=false', 'scale=none']);
    expect(s.featureNames).toEqual(['recency', 'frequency', 'monetary (items)']);
    expect(s.notes!.join(' ')).toMatch(/no amounts: M \(monetary\) is the net number of items bought/);
    const f = exportRows(project, s.runId, 'features');
    const expected = lrfmvCounts(file, 0);
    expect(f.rows).toHaveLength(expected.size);
    for (const r of f.rows) expect(Number(r[3]), r[0]).toBe(expected.get(r[0]));
  });

  it('LRFMV K-medoids names by pattern and keeps spend unknown (null), not 0', async () => {
    const s = run(project, 'lrfmv-kmedoids', ['k=3']);
    expect(s.featureNames[3]).toBe('monetary (items)');
    const host = new ApiHost(new WorkbenchService(), project);
    const v = (await host.invoke('getSegmentation', { project, runId: s.runId })) as { ok: true; value: { profiles: { spend: number | null; meanSpend: number | null; pattern?: string }[] } };
    for (const p of v.value.profiles) {
      expect(p.spend).toBeNull();
      expect(p.meanSpend).toBeNull();
      expect(p.pattern).toMatch(/^L[+−] R[+−] F[+−] M[+−] V[+−]$/);
    }
  });

  it('category-spend methods refuse in one sentence', () => {
    expectRefusal(project, 'stratified-kmeans', [], /^stratified-kmeans \(category spend\) needs amounts .*does not have\.$/);
    expectRefusal(project, 'kmeans', ['features=category', 'k=3'], /^kmeans \(category spend\) needs amounts/);
  });
});

describe('a file without products (customer, date, quantity, amount): RFM/LRFMV/k-prototypes work, category methods refuse', () => {
  const file = path.join(FIXTURES, 'issue10/cdnow-like.csv');
  let project: string;
  beforeAll(() => {
    project = importProject('cdnow', [[file]]);
  });

  it('RFM and LRFMV on money, k-prototypes too', () => {
    const s = run(project, 'kmeans', ['k=2', 'log=false', 'scale=none']);
    expect(s.featureNames).toEqual(['recency', 'frequency', 'monetary']);
    expect(s.notes).toBeUndefined();
    const f = exportRows(project, s.runId, 'features');
    // Customer 00003 spent 20.76 + 20.76 + 19.54 + 57.45 + 20.96 + 16.99.
    expect(Number(f.rows.find((r) => r[0] === '00003')![3])).toBeCloseTo(156.46, 9);
    expect(run(project, 'lrfmv-kmedoids', ['k=2']).segments).toBe(2);
    expect(run(project, 'kprototypes', ['k=2']).featureNames.slice(0, 3)).toEqual(['amount (z)', 'quantity (z)', 'receipts (z)']);
  });

  it('category-based segmentations refuse in one sentence', () => {
    expectRefusal(project, 'stratified-kmeans', [], /^stratified-kmeans \(category spend\) needs products \(no product column was imported\)/);
    expectRefusal(project, 'kmeans', ['features=category2', 'k=2'], /needs products/);
  });
});
