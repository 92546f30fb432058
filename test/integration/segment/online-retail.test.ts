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
    const s = JSON.parse(r.stdout) as { runId: number; customers: number; excluded: number; curve: { k: number; cost: number }[] };
    // 4,372 customers; 52 have no positive net spend (only returns/cancellations) and are counted as excluded.
    expect(s.customers + s.excluded).toBe(4_372);
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

  it('lrfmv-kmedoids runs exact PAM on the 4,320 customers and names the four segments', () => {
    const r = runCli(['run', 'lrfmv-kmedoids', '--project', project, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { method: string; k: number; segmentList: { name: string }[] };
    expect(s).toMatchObject({ method: 'pam', k: 4 });
    expect(s.segmentList.map((x) => x.name).sort()).toEqual(['general', 'high-performing', 'low-performing', 'royal']);
  });
});
