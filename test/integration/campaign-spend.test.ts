import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHost } from '../../core/service/api.js';
import { WorkbenchService } from '../../core/service/service.js';
import { makeTinyDemo, runCli } from '../helpers/project.js';

type Row = Record<string, string>;

/**
 * Issue #13 "Use": the campaign builder gains `expectedSpend` per recommended product (a spend-model
 * run's prediction) and the seed's coupon rule — coupon = 10 % of the expected spend, rounded to
 * 100 won (`couponRate=0.1`, `couponRound=100`).
 */
describe('campaign expectedSpend and coupon columns', () => {
  let dir: string, project: string, recRun: number, spendRun: number;
  const service = new WorkbenchService();
  const api = new ApiHost(service);

  beforeAll(() => {
    ({ dir, project } = makeTinyDemo('swb-campaign-spend-'));
    const rec = runCli(['run', 'recommend', '--project', project, '--param', 'model=p-topfreq', '--param', 'top=5', '--json']);
    expect(rec.code, rec.stderr).toBe(0);
    recRun = (JSON.parse(rec.stdout) as { runId: number }).runId;
    const spend = runCli(['run', 'spend-model', '--project', project, '--param', 'models=baseline,gbdt', '--json']);
    expect(spend.code, spend.stderr).toBe(0);
    spendRun = (JSON.parse(spend.stdout) as { runId: number }).runId;
  }, 300_000);
  afterAll(async () => {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function exportCampaign(name: string, params: string[]): { code: number; stderr: string; header: string[]; rows: Row[] } {
    const out = path.join(dir, name);
    const r = runCli(['export', '--project', project, '--run', String(recRun), '--what', 'campaign', ...params.flatMap((p) => ['--param', p]), '--out', out]);
    if (r.code !== 0) return { code: r.code, stderr: r.stderr, header: [], rows: [] };
    const parsed = Papa.parse<Row>(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    return { code: r.code, stderr: r.stderr, header: parsed.meta.fields ?? [], rows: parsed.data };
  }

  it('appends expectedSpend and coupon = round(expectedSpend × 0.1 / 100) × 100, both positive', () => {
    const plain = exportCampaign('plain.csv', []);
    const e = exportCampaign('spend.csv', [`spendRun=${spendRun}`, 'couponRate=0.1', 'couponRound=100']);
    expect(e.code, e.stderr).toBe(0);
    expect(e.header).toEqual([...plain.header, 'expectedSpend', 'coupon']);
    expect(e.rows.length).toBe(plain.rows.length);
    expect(e.rows.length).toBeGreaterThan(0);
    for (const [i, r] of e.rows.entries()) {
      expect(r.customer).toBe(plain.rows[i].customer);
      expect(r.product).toBe(plain.rows[i].product);
      const spend = Number(r.expectedSpend), coupon = Number(r.coupon);
      expect(spend).toBeGreaterThan(0);
      expect(coupon).toBe(Math.round((spend * 0.1) / 100) * 100);
    }
    // The demo's amounts are in won: most coupons are at least 100 won.
    expect(e.rows.filter((r) => Number(r.coupon) > 0).length).toBeGreaterThan(e.rows.length / 2);
    // Without couponRate only expectedSpend is added; couponRound defaults to 100.
    const only = exportCampaign('only.csv', [`spendRun=${spendRun}`]);
    expect(only.header.slice(-1)).toEqual(['expectedSpend']);
    expect(only.rows.map((r) => r.expectedSpend)).toEqual(e.rows.map((r) => r.expectedSpend));
    const dflt = exportCampaign('default-round.csv', [`spendRun=${spendRun}`, 'couponRate=0.1']);
    expect(dflt.rows.map((r) => r.coupon)).toEqual(e.rows.map((r) => r.coupon));
  });

  it('gives the same expected spend as the Value page\'s spendPredictions', async () => {
    const e = exportCampaign('check.csv', [`spendRun=${spendRun}`]);
    const some = e.rows.slice(0, 20);
    const pred = await api.invoke('spendPredictions', { project, runId: spendRun, pairs: some.map((r) => ({ customer: r.customer, product: r.product })) });
    expect(pred.ok).toBe(true);
    if (!pred.ok) return;
    const by = new Map(pred.value.map((p) => [`${p.customer}\u0000${p.product}`, p.expectedSpend]));
    for (const r of some) expect(Number(r.expectedSpend)).toBeCloseTo(by.get(`${r.customer}\u0000${r.product}`)!, 6);
  });

  it('refuses a coupon rule without a spend run, a rate out of range, and a run that is not a spend model', () => {
    const noRun = exportCampaign('x1.csv', ['couponRate=0.1']);
    expect(noRun.code).not.toBe(0);
    expect(noRun.stderr).toMatch(/couponRate and couponRound need spendRun/);
    const badRate = exportCampaign('x2.csv', [`spendRun=${spendRun}`, 'couponRate=10']);
    expect(badRate.code).not.toBe(0);
    expect(badRate.stderr).toMatch(/couponRate must be a share in \(0, 1\]/);
    const wrong = exportCampaign('x3.csv', [`spendRun=${recRun}`]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/spendRun needs a spend-model run/);
  });

  it('names the app download after the spend run and the coupon rule', async () => {
    const r = await api.invoke('exportCsv', { project, run: recRun, what: 'campaign', params: { spendRun: String(spendRun), couponRate: '0.1', couponRound: '100' } });
    expect(r.ok && r.value.filename).toBe(`run-${recRun}-campaign-spend-${spendRun}-coupon-0.1-round-100.csv`);
    expect(r.ok && r.value.csv.split('\r\n')[0].endsWith(',expectedSpend,coupon')).toBe(true);
  });
});
