import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHost } from '../../../core/service/api.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { runCli, tempDir } from '../../helpers/project.js';

/** The Segments and Compare operations of the API, in process, on the tiny demo. */
describe('segmentation API: view, rename, compare segments, compare runs, CSV export', () => {
  let dir: string;
  let project: string;
  let host: ApiHost;
  let kmeansRun: number;
  let medoidsRun: number;
  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  beforeAll(() => {
    dir = tempDir();
    project = path.join(dir, 'p.sqlite');
    expect(runCli(['demo', '--project', project, '--size', 'tiny']).code).toBe(0);
    const a = runCli(['run', 'kmeans', '--project', project, '--param', 'features=category', '--param', 'k=4', '--json']);
    const b = runCli(['run', 'lrfmv-kmedoids', '--project', project, '--json']);
    kmeansRun = (JSON.parse(a.stdout) as { runId: number }).runId;
    medoidsRun = (JSON.parse(b.stdout) as { runId: number }).runId;
    host = new ApiHost(new WorkbenchService(), project);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('getSegmentation: summary, one profile per segment with shares summing to 1, one 2-D point per customer', async () => {
    const v = ok(await host.invoke('getSegmentation', { project, runId: kmeansRun }));
    expect(v.analysis).toBe('kmeans');
    expect(v.profiles).toHaveLength(4);
    expect(v.profiles.reduce((s, p) => s + p.customerShare, 0)).toBeCloseTo(1, 12);
    expect(v.profiles.reduce((s, p) => s + (p.spendShare ?? NaN), 0)).toBeCloseTo(1, 12);
    expect(v.points.x).toHaveLength(v.summary.customers);
    expect(v.points.segment).toHaveLength(v.summary.customers);
    for (const p of v.profiles) {
      expect(p.weekday).toHaveLength(7);
      expect(p.hour).toHaveLength(24);
      expect(p.topCategories.length).toBeGreaterThan(0);
      expect(p.features.map((f) => f.name)).toEqual(['length', 'recency', 'frequency', 'monetary', 'volume', 'items', 'partners']);
    }
    expect(v.summary.pcaExplained![0]).toBeGreaterThanOrEqual(v.summary.pcaExplained![1]);
  });

  it('renameSegment: the new name shows in the view and the export; unknown segments and empty names are refused', async () => {
    ok(await host.invoke('renameSegment', { project, runId: kmeansRun, segment: 1, name: '  주말 가족 고객 ' }));
    const v = ok(await host.invoke('getSegmentation', { project, runId: kmeansRun }));
    expect(v.summary.segmentList.find((s) => s.id === 1)!.name).toBe('주말 가족 고객');
    expect(v.profiles.find((p) => p.segment === 1)!.name).toBe('주말 가족 고객');
    const csv = ok(await host.invoke('exportCsv', { project, run: kmeansRun, what: 'segments' }));
    expect(csv.csv.startsWith('\uFEFFcustomer,segment,name,outlier,reason\r\n')).toBe(true);
    expect(csv.csv).toContain(',1,주말 가족 고객,0,\r\n');
    expect(csv.rows).toBe(v.summary.customers + v.summary.excluded.total);
    const bad = await host.invoke('renameSegment', { project, runId: kmeansRun, segment: 9, name: 'x' });
    expect(bad.ok).toBe(false);
    const empty = await host.invoke('renameSegment', { project, runId: kmeansRun, segment: 0, name: '   ' });
    expect(empty.ok).toBe(false);
  });

  it('compareSegments: a Mann–Whitney test per category with Holm-adjusted p-values, chi-square on gender and age band', async () => {
    const c = ok(await host.invoke('compareSegments', { project, runId: kmeansRun, a: 0, b: 1 }));
    expect(c.a.segment).toBe(0);
    expect(c.b.segment).toBe(1);
    expect(c.categories.length).toBeGreaterThan(10);
    for (const t of c.categories) {
      expect(t.pValue).toBeGreaterThanOrEqual(0);
      expect(t.pValue).toBeLessThanOrEqual(1);
      expect(t.pAdjusted).toBeGreaterThanOrEqual(t.pValue);
      expect(t.pAdjusted).toBeLessThanOrEqual(1);
      expect(Math.abs(t.effect)).toBeLessThanOrEqual(1);
    }
    for (let i = 1; i < c.categories.length; i++) expect(c.categories[i].pAdjusted).toBeGreaterThanOrEqual(c.categories[i - 1].pAdjusted);
    expect(c.demographics.map((d) => d.variable)).toEqual(['gender', 'ageBand']);
    for (const d of c.demographics) {
      expect(d.table.reduce((s, r) => s + r.a, 0)).toBe(c.a.customers);
      expect(d.table.reduce((s, r) => s + r.b, 0)).toBe(c.b.customers);
    }
    expect((await host.invoke('compareSegments', { project, runId: kmeansRun, a: 2, b: 2 })).ok).toBe(false);
  });

  it('compareRuns: a run against itself has ARI 1 and a diagonal cross-tab; two different methods cover the same customers', async () => {
    const same = ok(await host.invoke('compareRuns', { project, runA: kmeansRun, runB: kmeansRun }));
    expect(same.ari).toBe(1);
    same.counts.forEach((row, i) => row.forEach((n, j) => (i === j ? expect(n).toBeGreaterThan(0) : expect(n).toBe(0))));
    const diff = ok(await host.invoke('compareRuns', { project, runA: kmeansRun, runB: medoidsRun }));
    expect(diff.customers).toBe(same.customers);
    expect(diff.counts.flat().reduce((s, n) => s + n, 0)).toBe(diff.customers);
    expect(diff.ari).toBeGreaterThan(-1);
    expect(diff.ari).toBeLessThan(1);
    // The medoids run's names follow the sign-pattern rule (tested in cli-contract and lrfmv-names).
    expect(diff.columns).toHaveLength(4);
    expect(new Set(diff.columns.map((c) => c.name)).size).toBe(4);
  });
});
