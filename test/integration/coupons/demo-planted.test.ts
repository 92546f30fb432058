import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANTED_RESPONSE, writeDemoFiles } from '../../../core/data/demo/index.js';
import type { CouponSummary } from '../../../core/model/coupons.js';
import { runCli, tempDir } from '../../helpers/project.js';

/**
 * Planted truth of `demo --with coupons` (docs/demo-data.md): PLANTED_RESPONSE.couponArchetype
 * uses coupons more as the discount rises (useRates), every other archetype at a flat rate. The
 * archetype of each customer comes from the generator's truth file, written again with the same
 * size and seed (the generator is deterministic).
 */
describe('coupon-sensitivity recovers the demo\'s planted coupon-sensitive archetype', () => {
  let dir: string, project: string;
  let truth: Map<string, string>;
  beforeAll(async () => {
    dir = tempDir();
    project = path.join(dir, 'p.sqlite');
    const r = runCli(['demo', '--project', project, '--size', 'tiny', '--seed', '1', '--with', 'coupons', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const files = await writeDemoFiles(path.join(dir, 'truth'), { size: 'tiny', seed: 1, with: ['coupons'], writeTruth: true });
    truth = new Map(fs.readFileSync(files.truthFile!, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',') as [string, string]));
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('use rises with the discount, and most of the planted archetype is in the sensitive cluster', () => {
    const r = runCli(['run', 'coupon-sensitivity', '--project', project, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as CouponSummary;
    expect(s.levels).toEqual([10, 20, 30]);
    expect(s.risesWithDiscount).toBe(true);
    expect(s.clusters.some((c) => c.sensitive)).toBe(true);
    const out = path.join(dir, 'c.csv');
    expect(runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'coupons', '--out', out]).code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data.filter((x) => x.cluster !== '');
    const planted = rows.filter((x) => truth.get(x.customer) === PLANTED_RESPONSE.couponArchetype);
    const others = rows.filter((x) => truth.get(x.customer) !== undefined && truth.get(x.customer) !== PLANTED_RESPONSE.couponArchetype);
    const share = (list: typeof rows) => list.filter((x) => x.sensitive === 'true').length / list.length;
    console.log(`demo tiny: ${s.customers} clustered (${s.excludedCustomers} left out); ${PLANTED_RESPONSE.couponArchetype}: ${planted.length} clustered, ${(100 * share(planted)).toFixed(1)} % in a sensitive cluster; others: ${(100 * share(others)).toFixed(1)} %`);
    expect(planted.length).toBeGreaterThanOrEqual(10);
    expect(share(planted)).toBeGreaterThanOrEqual(0.9);
    expect(share(others)).toBeLessThanOrEqual(0.05);
  });
});
