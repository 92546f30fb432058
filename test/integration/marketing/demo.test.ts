import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketingResponse, type MarketingResult } from '../../../core/analysis/marketing/index.js';
import { MARKETING_FILE_NAME, PLANTED_RESPONSE, TRUTH_FILE_NAME, writeDemoFiles } from '../../../core/data/demo/index.js';
import { openProject } from '../../../core/data/store/open.js';
import { customerDayAmounts } from '../../../core/data/store/queries/customer-days.js';
import { importJob } from '../../../core/jobs/import-job.js';
import { spendSeries } from '../../../core/jobs/marketing/marketing-job.js';
import type { JobContext } from '../../../core/jobs/types.js';
import type { MarketingSummary } from '../../../core/model/marketing.js';
import { runCli, tempDir } from '../../helpers/project.js';

/**
 * The planted truth of `demo --with marketing` (docs/demo-data.md; PLANTED_RESPONSE): one
 * archetype's trips follow the previous day's online spend. Measured per archetype (the demo's
 * truth file says who is which), the daily lag regression must find it: that archetype's lag-1
 * online coefficient the largest of all archetypes and of its own lags, its 95% interval above 0,
 * and lag 0 not significantly above 0.
 */
describe('marketing-response recovers the demo\'s planted 1-day online response', () => {
  let dir: string;
  let result: MarketingResult;
  beforeAll(async () => {
    dir = tempDir('swb-marketing-demo-');
    const project = path.join(dir, 'p.sqlite');
    const ctx = (): JobContext => ({ jobId: 't', project, signal: new AbortController().signal, startedAt: new Date(), progress() {}, throwIfCancelled() {}, runId: null });
    await writeDemoFiles(dir, { size: 'tiny', seed: 1, writeTruth: true, with: ['marketing'] });
    const lpoint = fs.readdirSync(dir).filter((f) => f.startsWith('LPOINT')).map((f) => path.join(dir, f));
    await importJob.run(ctx(), importJob.params.parse({ files: lpoint }));
    await importJob.run(ctx(), importJob.params.parse({ files: [path.join(dir, MARKETING_FILE_NAME)], role: 'marketing', map: { date: 'Date' } }));
    const truth = new Map(fs.readFileSync(path.join(dir, TRUTH_FILE_NAME), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',') as [string, string]));
    const db = openProject(project);
    try {
      const c = customerDayAmounts(db);
      const archetypes = [...new Set(truth.values())].sort();
      const part = Int32Array.from(c.codes, (code) => archetypes.indexOf(truth.get(code) ?? ''));
      result = marketingResponse({ spend: spendSeries(db), purchases: c, part, parts: archetypes.map((name) => ({ segment: null, name })) });
    } finally {
      db.close();
    }
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`${PLANTED_RESPONSE.onlineArchetype}: lag ${PLANTED_RESPONSE.lagDays} the largest, its interval above 0; lag 0 not`, () => {
    const online = (name: string) => result.segments.find((s) => s.name === name)!.regression.coefficients.filter((c) => c.channel === 'Online_Spend');
    const planted = online(PLANTED_RESPONSE.onlineArchetype);
    expect(planted).toHaveLength(8);
    const lag = PLANTED_RESPONSE.lagDays;
    expect(planted[lag].low!).toBeGreaterThan(0);
    expect(planted[0].low!).toBeLessThan(0);
    for (const c of planted) if (c.lag !== lag) expect(c.estimate!).toBeLessThan(planted[lag].estimate!);
    for (const s of result.segments) if (s.name !== PLANTED_RESPONSE.onlineArchetype) expect(online(s.name)[lag].estimate!).toBeLessThan(planted[lag].estimate!);
  });
});

describe('marketing-response from the CLI on `demo --with marketing`', () => {
  let dir: string, project: string;
  beforeAll(() => {
    dir = tempDir('swb-marketing-cli-');
    project = path.join(dir, 'p.sqlite');
    const r = runCli(['demo', '--project', project, '--size', 'tiny', '--with', 'marketing', '--json']);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the contract, per segment of a segmentation run', () => {
    const seg = runCli(['run', 'kmeans', '--project', project, '--param', 'k=3', '--json']);
    expect(seg.code, seg.stderr).toBe(0);
    const segRun = (JSON.parse(seg.stdout) as { runId: number }).runId;
    const r = runCli(['run', 'marketing-response', '--project', project, '--param', `segmentRun=${segRun}`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as MarketingSummary;
    for (const key of ['runId', 'customers', 'channels', 'segments', 'seconds']) expect(s).toHaveProperty(key);
    expect(s.channels).toEqual(['Offline_Spend', 'Online_Spend']);
    expect(s.segments).toHaveLength(3);
    for (const g of s.segments) {
      for (const key of ['name', 'customers', 'onlineResponse', 'offlineTier']) expect(g).toHaveProperty(key);
      expect(g.regression.coefficients).toHaveLength(17);
    }
    expect(s.segments.reduce((n, g) => n + g.customers, 0)).toBeLessThanOrEqual(s.customers);
    // The demo's offline spend is one of four weekly levels: the default tiers are their terciles.
    expect(s.offlineLevels).toEqual([1000, 2500, 3500, 5000]);
    expect(s.tierBounds).toEqual([2500, 3500]);
  });
});
