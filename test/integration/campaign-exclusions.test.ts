import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHost } from '../../core/service/api.js';
import { WorkbenchService } from '../../core/service/service.js';
import { makeTinyDemo, runCli } from '../helpers/project.js';

/** Issue #14: a campaign can leave out regulated goods (the app lists tobacco and alcohol by default), and a download is named after its filters. */
describe('campaign exclusions and file names', () => {
  let dir: string, project: string, runId: number, segRun: number;
  const service = new WorkbenchService();
  const api = new ApiHost(service);

  beforeAll(() => {
    ({ dir, project } = makeTinyDemo('swb-campaign-excl-'));
    runId = (JSON.parse(runCli(['run', 'recommend', '--project', project, '--param', 'model=p-topfreq', '--param', 'top=10', '--json']).stdout) as { runId: number }).runId;
    segRun = (JSON.parse(runCli(['run', 'kmeans', '--project', project, '--param', 'features=category', '--param', 'k=3', '--json']).stdout) as { runId: number }).runId;
  }, 120_000);
  afterAll(async () => {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function rows(file: string): string[][] {
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '').slice(1).map((l) => l.split(','));
  }

  it('excludeCategories drops every product whose category or sub-category contains a term, and ranks close up', () => {
    const all = path.join(dir, 'all.csv'), kept = path.join(dir, 'kept.csv');
    expect(runCli(['export', '--project', project, '--run', String(runId), '--what', 'campaign', '--out', all]).code).toBe(0);
    const r = runCli(['export', '--project', project, '--run', String(runId), '--what', 'campaign', '--param', 'excludeCategories=담배,주류', '--out', kept]);
    expect(r.code, r.stderr).toBe(0);
    const before = rows(all), after = rows(kept);
    // The demo's customers are recommended tobacco and alcohol without the filter.
    expect(before.filter((x) => /담배|주류/.test(x[5])).length).toBeGreaterThan(0);
    expect(after.filter((x) => /담배|주류/.test(x[5]))).toEqual([]);
    // Sub-categories count too (the fashion retailer's 주류/펍 pubs are under another category).
    const db = new Database(project, { readonly: true });
    const sub = new Map((db.prepare('SELECT code, category2 FROM products').raw().all() as [string, string | null][]).map(([c, c2]) => [c, c2 ?? '']));
    db.close();
    expect(after.length).toBe(before.filter((x) => !/담배|주류/.test(x[5]) && !/담배|주류/.test(sub.get(x[3]) ?? '')).length);
    expect(after.filter((x) => /담배|주류/.test(sub.get(x[3]) ?? ''))).toEqual([]);
    // Ranks are 1..n per customer again.
    const byCustomer = new Map<string, number[]>();
    for (const x of after) byCustomer.set(x[0], [...(byCustomer.get(x[0]) ?? []), Number(x[2])]);
    for (const ranks of byCustomer.values()) expect(ranks).toEqual(ranks.map((_, i) => i + 1));
  });

  it('names the app download after its filters', async () => {
    const plain = await api.invoke('exportCsv', { project, run: runId, what: 'campaign', params: {} });
    const filtered = await api.invoke('exportCsv', { project, run: runId, what: 'campaign', params: { segmentRun: String(segRun), segment: '1', excludeCategories: '담배,주류', hashIds: 'true' } });
    expect(plain.ok && plain.value.filename).toBe(`run-${runId}-campaign.csv`);
    expect(filtered.ok && filtered.value.filename).toBe(`run-${runId}-campaign-segment-1-of-run-${segRun}-without-2-categories-hashed.csv`);
  });
});
