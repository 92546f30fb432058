import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../../core/data/store/open.js';
import type { MarketingSummary } from '../../../core/model/marketing.js';
import { exportText } from '../../../core/service/exports.js';
import { makeTinyDemo, runCli, tempDir, UCI_CSV } from '../../helpers/project.js';
import { SALES_MAP, SPEND_MAP, writeMarketingShaped, type MarketingShaped } from './kaggle-shaped.js';

const maps = (m: string[]) => m.flatMap((x) => ['--map', x]);
const REFUSAL = "marketing-response needs a daily marketing spend file, which this project does not have; import one with `import --project P.sqlite --role marketing --map date=Date FILE.csv` (a date column and one numeric column per channel).";

function run(project: string, params: string[] = []): MarketingSummary {
  const r = runCli(['run', 'marketing-response', '--project', project, ...params.flatMap((p) => ['--param', p]), '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as MarketingSummary;
}

function refuse(project: string): string {
  const r = runCli(['run', 'marketing-response', '--project', project]);
  expect(r.code).toBe(1);
  return r.stderr;
}

describe('marketing-response from the CLI on a Kaggle-shaped fixture with a planted 1-day lag', () => {
  let dir: string, project: string, data: MarketingShaped;
  beforeAll(() => {
    dir = tempDir();
    project = path.join(dir, 'k.sqlite');
    data = writeMarketingShaped(dir);
    const a = runCli(['import', '--project', project, data.sales, ...maps(SALES_MAP)]);
    expect(a.code, a.stderr).toBe(0);
    expect(refuse(project)).toContain(REFUSAL);
    const b = runCli(['import', '--project', project, data.spend, '--role', 'marketing', ...maps(SPEND_MAP)]);
    expect(b.code, b.stderr).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the contract and finds the planted lag: online at lag 1 the largest coefficient, its interval above 0; lag 0 not', () => {
    const s = run(project);
    for (const key of ['runId', 'customers', 'channels', 'segments', 'seconds']) expect(s).toHaveProperty(key);
    expect(s.channels).toEqual(['Offline_Spend', 'Online_Spend']);
    expect(s.customers).toBe(100);
    expect(s.segments).toHaveLength(1);
    const all = s.segments[0];
    for (const key of ['name', 'customers', 'onlineResponse', 'offlineTier']) expect(all).toHaveProperty(key);
    expect(all).toMatchObject({ name: 'all', customers: 100 });
    expect(all.onlineResponse).toBeGreaterThan(0);
    expect(all.onlineResponse).toBeLessThan(1);
    expect(['low', 'mid', 'high']).toContain(all.offlineTier);
    const online = all.regression.coefficients.filter((c) => c.channel === 'Online_Spend');
    expect(online.map((c) => c.lag)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const best = online.reduce((a, b) => (b.estimate! > a.estimate! ? b : a));
    expect(best.lag).toBe(1);
    expect(best.low!).toBeGreaterThan(0);
    expect(online[0].low!).toBeLessThan(0);
    expect(all.regression.days).toBe(358); // Jan 8 (the first day with 7 days of lagged spend) to Dec 31
    expect(s.notes[0]).toMatch(/assume every customer saw all the marketing/);
    // Default tiers: terciles of the distinct weekly levels.
    expect(s.tierBoundsDefault).toBe(true);
    expect(s.offlineLevels.length).toBeGreaterThan(3);
  });

  it('editable tier bounds and a wrong channel are checked at the boundary', () => {
    const s = run(project, ['offlineTierBounds=1250,3250']);
    expect(s.tierBounds).toEqual([1250, 3250]);
    expect(s.tierBoundsDefault).toBe(false);
    const bad = runCli(['run', 'marketing-response', '--project', project, '--param', 'onlineChannel=TV']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("onlineChannel must be one of the channels (Offline_Spend, Online_Spend), got 'TV'");
  });

  it('exports one row per customer whose responses agree with the summary', () => {
    const s = run(project);
    const out = path.join(dir, 'marketing.csv');
    const e = runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'marketing', '--out', out]);
    expect(e.code, e.stderr).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.slice(0, text.indexOf('\r\n'))).toBe('customer,segment,online_share,online_response,offline_tier,amount_low,amount_mid,amount_high');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(100);
    const mean = rows.reduce((sum, r) => sum + Number(r.online_response), 0) / rows.length;
    expect(mean).toBeCloseTo(s.segments[0].onlineResponse!, 12);
    expect(Math.min(...rows.map((r) => Number(r.online_response)))).toBe(0);
    expect(Math.max(...rows.map((r) => Number(r.online_response)))).toBe(1);
    const tiers = { low: 0, mid: 0, high: 0, none: 0 } as Record<string, number>;
    for (const r of rows) tiers[r.offline_tier]++;
    expect(tiers).toEqual(s.segments[0].tierCounts);
    // The app's download (exportText) writes the same rows.
    const db = openProject(project);
    try {
      const app = exportText(db, s.runId, 'marketing', {});
      expect(app.filename).toBe(`run-${s.runId}-marketing.csv`);
      expect(app.rows).toBe(100);
      expect(app.csv.replace(/^\ufeff/, '')).toBe(text); // the app's download always starts with a BOM (for Excel)
    } finally {
      db.close();
    }
  });

  it('per segment of a segmentation run: the parts are its segments and add up to the customers it holds', () => {
    const seg = runCli(['run', 'kmeans', '--project', project, '--param', 'k=3', '--json']);
    expect(seg.code, seg.stderr).toBe(0);
    const segRun = (JSON.parse(seg.stdout) as { runId: number }).runId;
    const s = run(project, [`segmentRun=${segRun}`]);
    expect(s.segmentRun).toBe(segRun);
    expect(s.segments.length).toBeGreaterThanOrEqual(2);
    expect(s.segments.reduce((sum, g) => sum + g.customers, 0)).toBeLessThanOrEqual(100);
    for (const g of s.segments) expect(g.regression.coefficients.length).toBeGreaterThan(0);
  });
});

describe('marketing-response refuses data it cannot measure', () => {
  it('the tiny demo without a marketing file: one sentence saying how to import one', () => {
    const { dir, project } = makeTinyDemo();
    try {
      expect(refuse(project)).toContain(REFUSAL);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  const uci = fs.existsSync(UCI_CSV);
  if (!uci) console.warn(`SKIPPED: ${UCI_CSV} is absent (see ../shared/data/README.md); the marketing refusal on UCI Online Retail needs it.`);
  it.skipIf(!uci)('UCI Online Retail has no marketing file: the same sentence', () => {
    const dir = tempDir();
    try {
      const project = path.join(dir, 'uci.sqlite');
      const r = runCli(['import', '--project', project, UCI_CSV]);
      expect(r.code, r.stderr).toBe(0);
      expect(refuse(project)).toContain(REFUSAL);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
