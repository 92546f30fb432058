import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitBgNbd, fitGammaGamma } from '../../../core/analysis/value/index.js';
import { ApiHost } from '../../../core/service/api.js';
import { WorkbenchService } from '../../../core/service/service.js';
import type { ClvSummary, ClvView } from '../../../core/model/value.js';
import { FIXTURES, makeTinyDemo, runCli, tempDir, UCI_CSV } from '../../helpers/project.js';
import { CDNOW_RAW, HAS_CDNOW_RAW, PUBLISHED, readCdnow } from '../../unit/analysis/value/cdnow.js';

const HEADER = 'customer,frequency,recency,T,monetary,p_alive,expected_purchases,expected_value';
type Row = Record<string, string>;

function runClv(project: string, params: string[] = []): ClvSummary {
  const r = runCli(['run', 'clv', '--project', project, ...params.flatMap((p) => ['--param', p]), '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ClvSummary;
}

function exportClv(project: string, runId: number, out: string): { header: string; rows: Row[] } {
  const r = runCli(['export', '--project', project, '--run', String(runId), '--what', 'clv', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const text = fs.readFileSync(out, 'utf8');
  return { header: text.slice(0, text.indexOf('\r\n') >= 0 ? text.indexOf('\r\n') : text.indexOf('\n')), rows: Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data };
}

function exportSegments(project: string, runId: number, out: string): string {
  const r = runCli(['export', '--project', project, '--run', String(runId), '--what', 'segments', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

function exportCampaign(project: string, runId: number, out: string): string {
  const r = runCli(['export', '--project', project, '--run', String(runId), '--what', 'campaign', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

if (!HAS_CDNOW_RAW) console.warn(`SKIPPED: ${CDNOW_RAW} is absent (see ../shared/data/README.md); the clv test on CDNOW needs it.`);

describe.skipIf(!HAS_CDNOW_RAW)('clv on the CDNOW sample imported as in issue #10 (no product column)', () => {
  let dir: string, project: string;
  beforeAll(() => {
    dir = tempDir();
    project = path.join(dir, 'cdnow.sqlite');
    const r = runCli(['import', '--project', project, '--role', 'transactions', '--map', 'customer=column1,date=column3,quantity=column4,amount=column5', CDNOW_RAW]);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the unit fixture\'s fit (and so the published one), with the contract fields and the check', () => {
    const s = runClv(project, ['calibrationEnd=1997-09-30', 'timeUnit=week']);
    for (const k of ['runId', 'bgnbd', 'gammaGamma', 'customers', 'seconds'] as const) expect(s).toHaveProperty(k);
    for (const k of ['r', 'alpha', 'a', 'b', 'logLik'] as const) expect(typeof s.bgnbd[k]).toBe('number');
    for (const k of ['p', 'q', 'gamma'] as const) expect(typeof s.gammaGamma[k]).toBe('number');
    const d = readCdnow();
    const bg = fitBgNbd({ frequency: d.x, recency: d.tx, T: d.T });
    const keep = d.x.map((x, i) => (x > 0 ? i : -1)).filter((i) => i >= 0);
    const gg = fitGammaGamma({ frequency: keep.map((i) => d.x[i]), monetary: keep.map((i) => d.m[i]) });
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(s.bgnbd[k] / bg.params[k], k).toBeCloseTo(1, 5);
      expect(Math.abs(s.bgnbd[k] / PUBLISHED.bgnbd[k] - 1), k).toBeLessThan(0.01);
    }
    expect(s.bgnbd.logLik).toBeCloseTo(bg.logLik, 4);
    for (const k of ['p', 'q', 'gamma'] as const) {
      expect(s.gammaGamma[k] / gg.params[k], k).toBeCloseTo(1, 5);
      expect(Math.abs(s.gammaGamma[k] / PUBLISHED.gammaGamma[k] - 1), k).toBeLessThan(0.01);
    }
    expect(s).toMatchObject({ customers: 2357, calibrationCustomers: 2357, calibrationEnd: '1997-09-30', firstDay: '1997-01-01', lastDay: '1998-06-30', timeUnit: 'week' });
    expect(s.gammaGamma.customers).toBe(946);
    expect(s.check!.length).toBe(39);
    expect(s.check!.actualTotal).toBe(1882);
    expect(s.check!.rows.map((r) => r.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
  });

  it('exports one row per customer under the contract header, from the whole history', () => {
    const s = runClv(project, ['calibrationEnd=1997-09-30', 'horizonDays=365', 'monthlyDiscount=0.01']);
    const { header, rows } = exportClv(project, s.runId, path.join(dir, 'clv.csv'));
    expect(header).toBe(HEADER);
    expect(rows).toHaveLength(2357);
    // Customer 00004 bought on 1997-01-01, 01-18, 08-02 and 12-12 ($29.33, 29.73, 14.96, 26.48); data end 1998-06-30.
    const c4 = rows.find((r) => r.customer === '00004')!;
    expect(Number(c4.frequency)).toBe(3);
    expect(Number(c4.recency)).toBeCloseTo(345 / 7, 10);
    expect(Number(c4.T)).toBeCloseTo(545 / 7, 10);
    expect(Number(c4.monetary)).toBeCloseTo((29.73 + 14.96 + 26.48) / 3, 10);
    for (const r of rows) {
      expect(Number(r.p_alive)).toBeGreaterThan(0);
      expect(Number(r.p_alive)).toBeLessThanOrEqual(1);
      expect(Number(r.expected_value)).toBeGreaterThan(0);
    }
    const total = rows.reduce((a, r) => a + Number(r.expected_value), 0);
    expect(total).toBeCloseTo(s.expectedValue, 6);
  });

  it('refuses a calibration end before the first purchase, and data without amounts, in one sentence', () => {
    const r = runCli(['run', 'clv', '--project', project, '--param', 'calibrationEnd=1990-01-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('calibrationEnd 1990-01-01 is before the first purchase (1997-01-01)');
    const noAmount = path.join(dir, 'n.sqlite');
    expect(runCli(['import', '--project', noAmount, '--role', 'transactions', '--map', 'customer=column1,date=column3,quantity=column4', CDNOW_RAW]).code).toBe(0);
    const n = runCli(['run', 'clv', '--project', noAmount]);
    expect(n.code).toBe(1);
    expect(n.stderr).toContain('clv needs amounts (no amount or unit price column was imported), which this project\'s data does not have.');
  });
});

describe('clv on the tiny demo', () => {
  let dir: string, project: string;
  beforeAll(() => ({ dir, project } = makeTinyDemo()), 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs with the defaults (last quarter held out), exports, and the view splits it per segment', async () => {
    const s = runClv(project);
    expect(s.customers).toBeGreaterThan(100);
    expect(s.check).not.toBeNull();
    expect(s.bgnbd.converged && s.gammaGamma.converged).toBe(true);
    const { header, rows } = exportClv(project, s.runId, path.join(dir, 'clv.csv'));
    expect(header).toBe(HEADER);
    expect(rows).toHaveLength(s.customers);
    const seg = runCli(['run', 'kmeans', '--project', project, '--param', 'k=3', '--json']);
    expect(seg.code, seg.stderr).toBe(0);
    const segRun = (JSON.parse(seg.stdout) as { runId: number }).runId;
    const host = new ApiHost(new WorkbenchService(), project);
    const v = await host.invoke('getClv', { project, runId: s.runId, segmentRun: segRun, customer: rows[0].customer });
    expect(v.ok, JSON.stringify(v)).toBe(true);
    const view = (v as { value: ClvView }).value;
    expect(view.groups[0]).toMatchObject({ segment: null, customers: s.customers });
    expect(view.groups.length).toBeGreaterThan(1);
    expect(view.groups.slice(1).reduce((a, g) => a + g.customers, 0)).toBeLessThanOrEqual(s.customers);
    expect(view.groups[0].totalValue).toBeCloseTo(s.expectedValue, 6);
    expect(view.customer).toMatchObject({ customer: rows[0].customer, expectedValue: Number(rows[0].expected_value) });
    expect(view.top[0].expectedValue).toBeGreaterThanOrEqual(view.top[view.top.length - 1].expectedValue);
    const wrong = await host.invoke('getClv', { project, runId: segRun });
    expect(wrong.ok).toBe(false);

    // Compare with a clv run: the means are over each segment's customers' exported values.
    const segView = (await host.invoke('getSegmentation', { project, runId: segRun })) as { ok: true; value: { summary: { segmentList: { id: number }[] } } };
    const [a, b] = segView.value.summary.segmentList.map((x) => x.id);
    const cmp = await host.invoke('compareSegments', { project, runId: segRun, a, b, clvRun: s.runId });
    expect(cmp.ok, JSON.stringify(cmp)).toBe(true);
    const clvRows = (cmp as { value: { clv?: { name: string; meanA: number; meanB: number; customersA: number; pAdjusted: number }[] } }).value.clv!;
    expect(clvRows.map((r) => r.name)).toEqual(['clv', 'p_alive', 'expected_purchases']);
    const members = Papa.parse<Row>(fs.readFileSync(exportSegments(project, segRun, path.join(dir, 'seg.csv')), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const segOf = new Map(members.map((m) => [m.customer, m.segment]));
    const inA = rows.filter((r) => segOf.get(r.customer) === String(a));
    expect(clvRows[0].customersA).toBe(inA.length);
    expect(clvRows[0].meanA).toBeCloseTo(inA.reduce((x, r) => x + Number(r.expected_value), 0) / inA.length, 6);
    expect(clvRows[1].meanA).toBeCloseTo(inA.reduce((x, r) => x + Number(r.p_alive), 0) / inA.length, 9);
    for (const r of clvRows) expect(r.pAdjusted).toBeGreaterThanOrEqual(0);
    const plain = await host.invoke('compareSegments', { project, runId: segRun, a, b });
    expect((plain as { value: { clv?: unknown } }).value.clv).toBeUndefined();
  });
});

describe('the campaign filtered by CLV ("high value, P(alive) < 0.5 — at risk")', () => {
  it('keeps exactly the recommended customers the clv run puts above minValue and under maxPAlive, with their figures', () => {
    const { dir, project } = makeTinyDemo();
    try {
      const s = runClv(project);
      const clv = exportClv(project, s.runId, path.join(dir, 'clv.csv')).rows;
      const values = clv.map((r) => Number(r.expected_value)).sort((a, b) => a - b);
      const minValue = values[Math.floor(values.length / 2)];
      // P(alive) of the demo's customers is high; the cut is the median P(alive) of the high-value half, so it keeps some and drops some.
      const alive = clv.filter((c) => Number(c.expected_value) >= minValue).map((c) => Number(c.p_alive)).sort((a, b) => a - b);
      const maxPAlive = alive[Math.floor(alive.length / 2)];
      expect(alive[0]).toBeLessThan(maxPAlive);
      const rec = runCli(['run', 'recommend', '--project', project, '--param', 'model=p-topfreq', '--param', 'top=3', '--json']);
      expect(rec.code, rec.stderr).toBe(0);
      const recRun = (JSON.parse(rec.stdout) as { runId: number }).runId;
      const out = path.join(dir, 'campaign.csv');
      const r = runCli(['export', '--project', project, '--run', String(recRun), '--what', 'campaign', '--out', out, '--param', `clvRun=${s.runId}`, '--param', `minValue=${minValue}`, '--param', `maxPAlive=${maxPAlive}`]);
      expect(r.code, r.stderr).toBe(0);
      const text = fs.readFileSync(out, 'utf8').replace(/^\ufeff/, '');
      expect(text.split(/\r?\n/)[0]).toBe('customer,segment,rank,product,name,category,score,reason,p_alive,expected_value');
      const rows = Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;
      const want = new Set(clv.filter((c) => Number(c.expected_value) >= minValue && Number(c.p_alive) < maxPAlive).map((c) => c.customer));
      const all = Papa.parse<Row>(fs.readFileSync(exportCampaign(project, recRun, path.join(dir, 'all.csv')), 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
      const expected = new Set(all.map((x) => x.customer).filter((c) => want.has(c)));
      expect(expected.size).toBeGreaterThan(0);
      expect(new Set(rows.map((x) => x.customer))).toEqual(expected);
      const byCustomer = new Map(clv.map((c) => [c.customer, c]));
      for (const x of rows) {
        expect(Number(x.p_alive)).toBeLessThan(maxPAlive);
        expect(Number(x.expected_value)).toBeCloseTo(Number(byCustomer.get(x.customer)!.expected_value), 6);
      }
      const bad = runCli(['export', '--project', project, '--run', String(recRun), '--what', 'campaign', '--out', out, '--param', 'maxPAlive=0.5']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('minValue, minPAlive and maxPAlive need clvRun');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('k-means on the clv feature set', () => {
  it('clusters on CLV, P(alive) and expected purchases, the same values `run clv` gives when fitted on all the data', () => {
    const { dir, project } = makeTinyDemo();
    try {
      const first = runClv(project);
      // Fitted on everything (no holdout), weeks, 365 days, 1 % a month: what the feature set uses.
      const s = runClv(project, [`calibrationEnd=${first.lastDay}`]);
      expect(s.check).toBeNull();
      const rows = exportClv(project, s.runId, path.join(dir, 'clv.csv')).rows;
      const km = runCli(['run', 'kmeans', '--project', project, '--param', 'features=clv', '--param', 'k=3', '--param', 'scale=none', '--json']);
      expect(km.code, km.stderr).toBe(0);
      const kmRun = JSON.parse(km.stdout) as { runId: number; featureNames: string[] };
      expect(kmRun.featureNames).toEqual(['clv', 'p_alive', 'expected_purchases']);
      const out = path.join(dir, 'features.csv');
      expect(runCli(['export', '--project', project, '--run', String(kmRun.runId), '--what', 'features', '--out', out]).code).toBe(0);
      const feats = new Map(Papa.parse<Row>(fs.readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => [r.customer, r]));
      expect(feats.size).toBeGreaterThan(100);
      let checked = 0;
      for (const r of rows) {
        const f = feats.get(r.customer);
        if (!f) continue;
        expect(Number(f.clv)).toBeCloseTo(Math.log1p(Number(r.expected_value)), 9);
        expect(Number(f.p_alive)).toBeCloseTo(Number(r.p_alive), 12);
        expect(Number(f.expected_purchases)).toBeCloseTo(Math.log1p(Number(r.expected_purchases)), 9);
        checked++;
      }
      expect(checked).toBe(feats.size);
      // The recommenders refit such a segmentation on their training period (CLV from the purchases before the cutoff).
      const ev = runCli(['run', 'recommend-eval', '--project', project, '--param', `segmentRun=${kmRun.runId}`, '--param', 'models=segment-pop', '--json']);
      expect(ev.code, ev.stderr).toBe(0);
      expect(ev.stdout).toContain(`kmeans with the parameters of run ${kmRun.runId}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('clv on a file without products (test/fixtures/issue10/cdnow-like.csv)', () => {
  it('runs on customer, date and amount alone (5 customers: a degenerate fit, but numbers)', () => {
    const dir = tempDir();
    try {
      const project = path.join(dir, 'c.sqlite');
      expect(runCli(['import', '--project', project, path.join(FIXTURES, 'issue10/cdnow-like.csv')]).code).toBe(0);
      const r = runCli(['run', 'clv', '--project', project, '--param', 'calibrationEnd=1997-12-31', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout) as ClvSummary;
      expect(s.customers).toBe(5);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

const uci = fs.existsSync(UCI_CSV);
if (!uci) console.warn(`SKIPPED: ${UCI_CSV} is absent (see ../shared/data/README.md); the clv test on UCI Online Retail needs it.`);

describe.skipIf(!uci)('clv on UCI Online Retail', () => {
  it('fits on 2011-09-09 calibration, checks the last 3 months, predicts every customer with a purchase', () => {
    const dir = tempDir();
    try {
      const project = path.join(dir, 'uci.sqlite');
      const imp = runCli(['import', '--project', project, UCI_CSV]);
      expect(imp.code, imp.stderr).toBe(0);
      const s = runClv(project, ['calibrationEnd=2011-09-09', 'timeUnit=day']);
      expect(s.customers).toBeGreaterThan(4300);
      expect(s.bgnbd.converged).toBe(true);
      expect(s.check!.predictedTotal / s.check!.actualTotal).toBeGreaterThan(0.7);
      expect(s.check!.predictedTotal / s.check!.actualTotal).toBeLessThan(1.3);
      console.log(`UCI clv: ${JSON.stringify({ bgnbd: s.bgnbd, gammaGamma: s.gammaGamma, check: { actual: s.check!.actualTotal, predicted: s.check!.predictedTotal, mae: s.check!.mae }, seconds: s.seconds })}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
