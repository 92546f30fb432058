import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../../helpers/reference.js';
import { projectDigest, runCli, tempDir, UCI_CSV } from '../../helpers/project.js';

const present = fs.existsSync(UCI_CSV);
if (!present) console.warn(`SKIPPED: ${UCI_CSV} is absent (see ../shared/data/README.md); the segmentation test on UCI Online Retail needs it.`);

interface JobFixture { columns: string[]; customers: string[]; data: number[]; n: number; d: number; inertia: Record<string, number> }

describe.skipIf(!present)('segmentations of UCI Online Retail (no categories, channel or demographics)', () => {
  let dir: string;
  let project: string;
  beforeAll(() => {
    dir = tempDir();
    project = path.join(dir, 'uci.sqlite');
    const r = runCli(['import', '--project', project, UCI_CSV, '--json']);
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('kmeans on RFM: the exported matrix equals the committed one, and best-of-10 inertia ≤ 1.005 × scikit-learn’s at k = 2…8', () => {
    const r = runCli(['run', 'kmeans', '--project', project, '--param', 'features=rfm', '--param', 'k=auto', '--param', 'kMax=8', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { runId: number; customers: number; excluded: { total: number; byReason: Record<string, number> }; curve: { k: number; cost: number }[] };
    // 4,372 customers; 52 have no positive net spend (only returns/cancellations) and are excluded, each with its reason.
    expect(s.customers + s.excluded.total).toBe(4_372);
    expect(s.excluded.total).toBe(52);
    expect(Object.values(s.excluded.byReason).reduce((a, b) => a + b, 0)).toBe(52);
    expect(Object.keys(s.excluded.byReason).every((k) => k === 'no purchases' || k === 'net spend ≤ 0 (returns exceed purchases)')).toBe(true);
    const seg = path.join(dir, 'segments.csv');
    expect(runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'segments', '--out', seg]).code).toBe(0);
    const segRows = fs.readFileSync(seg, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(','));
    expect(segRows).toHaveLength(4_372);
    const excludedRows = segRows.filter((r) => r[1] === '');
    expect(excludedRows).toHaveLength(52);
    const counted = new Map<string, number>();
    for (const r of excludedRows) counted.set(r[4], (counted.get(r[4]) ?? 0) + 1);
    expect(Object.fromEntries(counted)).toEqual(s.excluded.byReason);
    const fx = readFixture<JobFixture>('kmeans-job-uci-rfm.json');
    const out = path.join(dir, 'rfm.csv');
    expect(runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'features', '--out', out]).code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0].split(',')).toEqual(['customer', ...fx.columns]);
    expect(lines.length - 1).toBe(fx.n);
    lines.slice(1).forEach((line, i) => {
      const cells = line.split(',');
      expect(cells[0]).toBe(fx.customers[i]);
      for (let q = 0; q < fx.d; q++) expect(Math.abs(Number(cells[q + 1]) - fx.data[i * fx.d + q])).toBeLessThanOrEqual(1e-12);
    });
    for (const p of s.curve) {
      const ref = fx.inertia[String(p.k)];
      expect(p.cost / ref, `k = ${p.k}: ${p.cost} vs scikit-learn ${ref}`).toBeLessThanOrEqual(1.005);
    }
  });

  it('stratified-kmeans says why it cannot run on data without categories (exit 1, the project unchanged)', () => {
    const before = projectDigest(project);
    const r = runCli(['run', 'stratified-kmeans', '--project', project]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/needs product categories.*features=rfm or lrfmv/);
    expect(projectDigest(project)).toBe(before);
  });

  it('lrfmv-kmedoids runs exact PAM on the 4,320 customers and names the four segments by their sign patterns', () => {
    const r = runCli(['run', 'lrfmv-kmedoids', '--project', project, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { runId: number; method: string; k: number; segmentList: { id: number; name: string; pattern: string }[] };
    expect(s).toMatchObject({ method: 'pam', k: 4 });
    // Issue #10 point 4 (seen on this data): no seed name on a pattern that is not its definition.
    const seed: Record<string, string> = { royal: 'L+ R− F+ M+ V+', 'high-performing': 'L− R+ F− M− V+', general: 'L+ R− F+ M+ V−', 'low-performing': 'L− R+ F− M− V−' };
    for (const x of s.segmentList) {
      if (x.name in seed) expect(x.pattern, x.name).toBe(seed[x.name]);
      else if (!/, but [LRFMV][+−]$/.test(x.name)) expect(x.name.endsWith(`: ${x.pattern}`) || x.name.includes(`: ${x.pattern} (`), x.name).toBe(true);
    }
    const names = s.segmentList.map((x) => x.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
