import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHost } from '../../../core/service/api.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { makeTinyDemo, runCli } from '../../helpers/project.js';

type Row = Record<string, string>;

function csvRows(project: string, runId: number, what: string, out: string): Row[] {
  const r = runCli(['export', '--project', project, '--run', String(runId), '--what', what, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return Papa.parse<Row>(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

/**
 * Issue #13: CLV, P(alive) and expected purchases as segment-profile columns. The Segments page
 * reads them from getClv grouped by the segmentation (renderer/src/pages/segments/useProfileClv.ts);
 * each segment's means must be those of its customers' rows in the clv export.
 */
describe('CLV profile columns per segment', () => {
  let dir: string, project: string, segRun: number, clvRun: number;
  const service = new WorkbenchService();
  const api = new ApiHost(service);

  beforeAll(() => {
    ({ dir, project } = makeTinyDemo('swb-profile-clv-'));
    segRun = (JSON.parse(runCli(['run', 'kmeans', '--project', project, '--param', 'features=rfm', '--param', 'k=3', '--json']).stdout) as { runId: number }).runId;
    clvRun = (JSON.parse(runCli(['run', 'clv', '--project', project, '--json']).stdout) as { runId: number }).runId;
  }, 120_000);
  afterAll(async () => {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives every segment the mean CLV, P(alive) and expected purchases of its customers', async () => {
    const members = csvRows(project, segRun, 'segments', path.join(dir, 'segments.csv'));
    const clv = new Map(csvRows(project, clvRun, 'clv', path.join(dir, 'clv.csv')).map((r) => [r.customer, r]));
    const view = await api.invoke('getClv', { project, runId: clvRun, segmentRun: segRun });
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    const segments = view.value.groups.filter((g) => g.segment !== null);
    expect(segments.length).toBeGreaterThanOrEqual(3);
    for (const g of segments) {
      const rows = members.filter((m) => m.segment === String(g.segment)).map((m) => clv.get(m.customer)).filter((r): r is Row => r !== undefined);
      expect(rows.length, `segment ${g.segment}`).toBe(g.customers);
      const mean = (k: string) => rows.reduce((a, r) => a + Number(r[k]), 0) / rows.length;
      expect(g.meanExpectedPurchases).toBeCloseTo(mean('expected_purchases'), 9);
      expect(g.value.mean).toBeCloseTo(mean('expected_value'), 6);
      expect(g.pAlive.mean).toBeCloseTo(mean('p_alive'), 9);
      expect(g.meanExpectedPurchases).toBeGreaterThan(0);
    }
    // Everyone's row: the overall figures the table's footer shows.
    const all = view.value.groups.find((g) => g.segment === null)!;
    const every = [...clv.values()];
    expect(all.meanExpectedPurchases).toBeCloseTo(every.reduce((a, r) => a + Number(r.expected_purchases), 0) / every.length, 9);
  });

  it('appends the same means to the profiles export with clvRun', async () => {
    const plain = csvRows(project, segRun, 'profiles', path.join(dir, 'profiles.csv'));
    const out = path.join(dir, 'profiles-clv.csv');
    const r = runCli(['export', '--project', project, '--run', String(segRun), '--what', 'profiles', '--param', `clvRun=${clvRun}`, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.split(/\r?\n/)[0].endsWith(',mean_clv,mean_p_alive,mean_expected_purchases')).toBe(true);
    const rows = Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBe(plain.length);
    const view = await api.invoke('getClv', { project, runId: clvRun, segmentRun: segRun });
    if (!view.ok) throw new Error(view.error.message);
    for (const row of rows) {
      const g = view.value.groups.find((x) => x.segment === Number(row.segment))!;
      expect(Number(row.mean_clv)).toBeCloseTo(g.value.mean, 6);
      expect(Number(row.mean_p_alive)).toBeCloseTo(g.pAlive.mean, 9);
      expect(Number(row.mean_expected_purchases)).toBeCloseTo(g.meanExpectedPurchases, 9);
    }
    const bad = runCli(['export', '--project', project, '--run', String(segRun), '--what', 'profiles', '--param', `clvRun=${segRun}`, '--out', path.join(dir, 'bad.csv')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/needs a clv run/);
  });
});
