import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUPON_FLAT_VERDICT, type CouponSummary } from '../../../core/model/coupons.js';
import { runCli, tempDir, UCI_CSV } from '../../helpers/project.js';
import { COUPON_MAP, SALES_MAP, writeKaggleShaped, type KaggleShaped } from './kaggle-shaped.js';

const maps = (m: string[]) => m.flatMap((x) => ['--map', x]);

function run(project: string, params: string[] = []): CouponSummary {
  const r = runCli(['run', 'coupon-sensitivity', '--project', project, ...params.flatMap((p) => ['--param', p]), '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CouponSummary;
}

function refuse(project: string): string {
  const r = runCli(['run', 'coupon-sensitivity', '--project', project]);
  expect(r.code).toBe(1);
  return r.stderr;
}

describe('coupon-sensitivity from the CLI on a Kaggle-shaped fixture with a planted sensitive group', () => {
  let dir: string, project: string, data: KaggleShaped;
  beforeAll(() => {
    dir = tempDir();
    project = path.join(dir, 'k.sqlite');
    data = writeKaggleShaped(dir);
    const a = runCli(['import', '--project', project, data.sales, ...maps([...SALES_MAP, 'coupon=Coupon_Status'])]);
    expect(a.code, a.stderr).toBe(0);
    const b = runCli(['import', '--project', project, data.coupons, '--role', 'coupons', ...maps(COUPON_MAP)]);
    expect(b.code, b.stderr).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the contract, finds the rise, and puts the planted customers in the sensitive cluster', () => {
    const s = run(project);
    for (const key of ['runId', 'customers', 'levels', 'clusters', 'risesWithDiscount']) expect(s).toHaveProperty(key);
    for (const c of s.clusters) for (const key of ['size', 'meanUseRate', 'useRateByLevel', 'slope', 'slopeLow', 'slopeHigh', 'sensitive']) expect(c).toHaveProperty(key);
    expect(s.levels).toEqual([10, 20, 30]);
    expect(s.customers).toBe(60);
    expect(s.excludedCustomers).toBe(0);
    expect(s.unmatchedLines).toBe(0);
    expect(s.months).toHaveLength(12);
    expect(s.risesWithDiscount).toBe(true);
    expect(s.clusters.map((c) => c.sensitive)).toEqual([false, true]);
    expect(s.clusters[1].useRateByLevel[2]).toBeGreaterThan(s.clusters[1].useRateByLevel[0] + 0.4);

    const out = path.join(dir, 'coupons.csv');
    const e = runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'coupons', '--out', out]);
    expect(e.code, e.stderr).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    // No BOM by default (read by scripts, as the other analysis tables); --bom yes adds it.
    expect(text.slice(0, text.indexOf('\r\n'))).toBe('customer,segment,cluster,sensitive,rate_10,rate_20,rate_30,offers_10,offers_20,offers_30');
    const withBom = path.join(dir, 'coupons-bom.csv');
    expect(runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'coupons', '--out', withBom, '--bom', 'yes']).code).toBe(0);
    expect(fs.readFileSync(withBom, 'utf8')).toBe(`\uFEFF${text}`);
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(60);
    // Every rate equals the count made while writing the file (an independent tally).
    for (const row of rows) {
      const truth = data.counts.get(Number(row.customer))!;
      for (const d of [10, 20, 30]) {
        const [offered, used] = truth.get(d)!;
        expect(Number(row[`offers_${d}`]), `${row.customer} at ${d}`).toBe(offered);
        expect(Number(row[`rate_${d}`]), `${row.customer} at ${d}`).toBeCloseTo(used / offered, 12);
      }
    }
    const planted = rows.filter((r) => Number(r.customer) <= 12020);
    const inSensitive = planted.filter((r) => r.sensitive === 'true').length / planted.length;
    expect(inSensitive).toBeGreaterThanOrEqual(0.8);
    const others = rows.filter((r) => Number(r.customer) > 12020);
    expect(others.filter((r) => r.sensitive === 'false').length / others.length).toBeGreaterThanOrEqual(0.9);
  });

  it('method=dtw runs on the monthly series and gives the same verdict', () => {
    const s = run(project, ['method=dtw']);
    expect(s.method).toBe('dtw');
    expect(s.risesWithDiscount).toBe(true);
    expect(s.clusters[1].sensitive).toBe(true);
  });

  it('is deterministic: the same parameters give the same clusters', () => {
    const a = run(project, ['seed=3']), b = run(project, ['seed=3']);
    expect({ ...a, runId: 0, seconds: 0 }).toEqual({ ...b, runId: 0, seconds: 0 });
  });

  it('shares of sensitive customers per segment of a segmentation run', () => {
    const seg = runCli(['run', 'kmeans', '--project', project, '--param', 'k=2', '--json']);
    expect(seg.code, seg.stderr).toBe(0);
    const segRun = (JSON.parse(seg.stdout) as { runId: number }).runId;
    const s = run(project, [`segmentRun=${segRun}`]);
    expect(s.segmentRun).toBe(segRun);
    expect(s.segments.length).toBeGreaterThanOrEqual(2);
    const sensitiveTotal = s.clusters.filter((c) => c.sensitive).reduce((n, c) => n + c.size, 0);
    const clustered = s.segments.reduce((n, g) => n + g.customers, 0);
    expect(s.segments.reduce((n, g) => n + g.sensitive, 0)).toBeLessThanOrEqual(sensitiveTotal);
    expect(clustered).toBeLessThanOrEqual(s.customers);
    for (const g of s.segments) if (g.share !== null) expect(g.share).toBeCloseTo(g.sensitive / g.customers, 12);
  });
});

describe('coupon-sensitivity refusals and the flat case', () => {
  let dir: string;
  beforeAll(() => (dir = tempDir()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses without offers, without statuses, and says plainly when use does not rise', () => {
    const data = writeKaggleShaped(dir, 60, 0);
    const noStatus = path.join(dir, 'n.sqlite');
    // `coupon=` leaves the field unmapped (the header guess would find Coupon_Status).
    expect(runCli(['import', '--project', noStatus, data.sales, ...maps([...SALES_MAP, 'coupon='])]).code).toBe(0);
    expect(refuse(noStatus)).toContain('coupon-sensitivity needs coupon offers, which this project does not have; import them with `import --role coupons`');
    expect(runCli(['import', '--project', noStatus, data.coupons, '--role', 'coupons', ...maps(COUPON_MAP)]).code).toBe(0);
    expect(refuse(noStatus)).toContain("coupon-sensitivity needs each purchase line's coupon status (used / clicked / not used), which this project's data does not have; import the lines with `--map coupon=COLUMN`.");

    const flat = path.join(dir, 'f.sqlite');
    expect(runCli(['import', '--project', flat, data.sales, ...maps([...SALES_MAP, 'coupon=Coupon_Status'])]).code).toBe(0);
    expect(runCli(['import', '--project', flat, data.coupons, '--role', 'coupons', ...maps(COUPON_MAP)]).code).toBe(0);
    const s = run(flat);
    expect(s.risesWithDiscount).toBe(false);
    expect(s.verdict).toBe(COUPON_FLAT_VERDICT);
    expect(s.clusters.every((c) => !c.sensitive)).toBe(true);
    const noRun = runCli(['run', 'coupon-sensitivity', '--project', flat, '--param', 'segmentRun=999']);
    expect(noRun.code).toBe(1);
    expect(noRun.stderr).toContain('No run 999 in this project');
    const notSeg = runCli(['run', 'coupon-sensitivity', '--project', flat, '--param', `segmentRun=${s.runId}`]);
    expect(notSeg.code).toBe(1);
    expect(notSeg.stderr).toContain(`Run ${s.runId} is a coupon-sensitivity run, not a segmentation.`);
    const tooMany = runCli(['run', 'coupon-sensitivity', '--project', flat, '--param', 'minOffers=100']);
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain('only 0 of 60 customers with coupon offers have at least 100 offered lines at every discount level');
  });
});

const uci = fs.existsSync(UCI_CSV);
if (!uci) console.warn(`SKIPPED: ${UCI_CSV} is absent (see ../shared/data/README.md); the coupon refusal on UCI Online Retail needs it.`);

describe.skipIf(!uci)('coupon-sensitivity on UCI Online Retail', () => {
  it('refuses in one sentence: UCI has no coupon offers', () => {
    const dir = tempDir();
    try {
      const project = path.join(dir, 'uci.sqlite');
      const r = runCli(['import', '--project', project, UCI_CSV]);
      expect(r.code, r.stderr).toBe(0);
      expect(refuse(project)).toContain('coupon-sensitivity needs coupon offers, which this project does not have; import them with `import --role coupons` (month or from/to, category, code, discount).');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
