import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouponSummary } from '../../../core/model/coupons.js';
import type { MarketingSummary } from '../../../core/model/marketing.js';
import { ApiHost } from '../../../core/service/api.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { runCli, tempDir } from '../../helpers/project.js';

/**
 * Issue #14 for the runs that store segment names in their summary at run time (marketing-response,
 * coupon-sensitivity): the page (run list) and the exports show the current name; once the
 * segmentation is deleted, marketing keeps its stored names (it stores each customer's segment),
 * and the coupons export, which needs the segmentation's members, says the run is gone.
 */
describe('marketing and coupons show renamed segments; survive the segmentation’s deletion (issue #14)', () => {
  let dir: string, project: string, service: WorkbenchService, host: ApiHost;
  let seg: number, marketing: number, coupons: number;
  const runJson = (args: string[]): number => {
    const r = runCli([...args, '--project', project, '--json']);
    if (r.code !== 0) throw new Error(r.stderr);
    return (JSON.parse(r.stdout) as { runId: number }).runId;
  };
  const value = async <T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  beforeAll(() => {
    dir = tempDir('swb-run-names-mc-');
    project = path.join(dir, 'p.sqlite');
    const demo = runCli(['demo', '--project', project, '--size', 'tiny', '--with', 'marketing,coupons']);
    if (demo.code !== 0) throw new Error(demo.stderr);
    seg = runJson(['run', 'kmeans', '--param', 'features=category', '--param', 'k=3']);
    marketing = runJson(['run', 'marketing-response', '--param', `segmentRun=${seg}`]);
    coupons = runJson(['run', 'coupon-sensitivity', '--param', `segmentRun=${seg}`]);
    service = new WorkbenchService();
    host = new ApiHost(service);
  }, 180_000);

  afterAll(async () => {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the new name in both summaries and both exports', async () => {
    await value(host.invoke('renameSegment', { project, runId: seg, segment: 0, name: 'Deal seekers' }));
    const runs = await value(host.invoke('listRuns', { project }));
    expect((runs.find((r) => r.id === marketing)!.summary as MarketingSummary).segments.find((s) => s.segment === 0)!.name).toBe('Deal seekers');
    expect((runs.find((r) => r.id === coupons)!.summary as CouponSummary).segments.find((s) => s.segment === 0)!.name).toBe('Deal seekers');
    const m = (await value(host.invoke('exportCsv', { project, run: marketing, what: 'marketing' }))).csv;
    expect(m).toMatch(/\r\n[^,\r\n]+,Deal seekers,/);
    const c = (await value(host.invoke('exportCsv', { project, run: coupons, what: 'coupons' }))).csv;
    expect(c).toMatch(/\r\n[^,\r\n]+,Deal seekers,/);
  });

  it('after the segmentation is deleted: marketing keeps its stored names; the coupons export says the run is gone', async () => {
    await value(host.invoke('deleteRun', { project, id: seg }));
    const summary = (await value(host.invoke('getRun', { project, id: marketing }))).summary as MarketingSummary;
    expect(summary.segments.find((s) => s.segment === 0)!.name).toBe('segment 1');
    const m = (await value(host.invoke('exportCsv', { project, run: marketing, what: 'marketing' }))).csv;
    expect(m).toMatch(/\r\n[^,\r\n]+,segment 1,/);
    expect(m).not.toMatch(/,segment 0,/);
    const c = await host.invoke('exportCsv', { project, run: coupons, what: 'coupons' });
    expect(c).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Naming another segmentation (segmentRun=ID), the coupons export works again.
    const other = runJson(['run', 'kmeans', '--param', 'features=category', '--param', 'k=2']);
    expect((await value(host.invoke('exportCsv', { project, run: coupons, what: 'coupons', params: { segmentRun: String(other) } }))).rows).toBeGreaterThan(0);
  });
});
