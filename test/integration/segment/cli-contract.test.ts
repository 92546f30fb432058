import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kmeans } from '../../../core/analysis/segment/kmeans/index.js';
import { projectDigest, runCli, tempDir } from '../../helpers/project.js';

/** Splits one CSV line of our exports: fields quoted when they hold a comma or a quote (descriptive segment names do). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= line.length; ) {
    if (line[i] === '"') {
      let j = i + 1, field = '';
      for (;;) {
        const q = line.indexOf('"', j);
        if (line[q + 1] === '"') {
          field += line.slice(j, q + 1);
          j = q + 2;
        } else {
          field += line.slice(j, q);
          i = q + 2;
          break;
        }
      }
      out.push(field);
    } else {
      const c = line.indexOf(',', i);
      const end = c < 0 ? line.length : c;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/** Parses a CSV written by our exports (BOM, CRLF, no line breaks inside fields). */
function readCsv(file: string): { bom: boolean; header: string[]; rows: string[][] } {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
  return { bom: text.startsWith('\uFEFF'), header: splitCsvLine(lines[0]), rows: lines.slice(1).map(splitCsvLine) };
}

function runJson<T>(args: string[]): T {
  const r = runCli([...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

interface Summary {
  runId: number; k: number; clustersFitted?: number; segments: number; noise: number; seconds: number; customers: number;
  excluded: { total: number; byReason: Record<string, number>; setAside?: Record<string, number> };
  featureNames: string[]; segmentList: { id: number; name: string; customers: number; pattern?: string }[];
  curve?: { k: number; cost: number; silhouette: number | null; calinskiHarabasz: number | null; daviesBouldin: number | null }[];
  choice?: { k: number; rule: string; why: string };
  strata?: { id: number; k: number; customers: number; outliers: number; curve: { seconds: number }[] }[]; eps?: number; ksStatistic?: number; ksPValue?: number; gamma?: number; method?: string;
}

describe('segmentation CLI contract on the tiny demo (200 customers)', () => {
  let dir: string;
  let project: string;
  let customers: number;
  beforeAll(() => {
    dir = tempDir();
    project = path.join(dir, 'p.sqlite');
    const r = runCli(['demo', '--project', project, '--size', 'tiny', '--json']);
    expect(r.code, r.stderr).toBe(0);
    customers = (JSON.parse(r.stdout) as { customers: number }).customers;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the four analyses with their parameters', () => {
    const list = runJson<{ id: string; params: { name: string }[] }[]>(['analyses']);
    const ids = list.map((a) => a.id);
    for (const id of ['stratified-kmeans', 'kprototypes', 'lrfmv-kmedoids', 'kmeans']) expect(ids).toContain(id);
    expect(list.find((a) => a.id === 'stratified-kmeans')!.params.map((p) => p.name)).toEqual(expect.arrayContaining(['noiseShare', 'minSamples', 'kMin', 'kMax', 'nInit', 'seed']));
  });

  it('kmeans: k=auto sweeps 2…20 with validity per k and takes the elbow; the features export re-fits to the same inertia', () => {
    const s = runJson<Summary>(['run', 'kmeans', '--project', project, '--param', 'features=rfm', '--param', 'k=auto', '--param', 'nInit=5', '--param', 'seed=3']);
    expect(s).toMatchObject({ noise: 0, customers });
    // Every customer of the tiny demo bought something: nothing is excluded, and the summary says so.
    expect(s.excluded).toEqual({ total: 0, byReason: {} });
    expect(typeof s.runId).toBe('number');
    expect(typeof s.seconds).toBe('number');
    expect(s.curve!.map((p) => p.k)).toEqual(Array.from({ length: 19 }, (_, i) => i + 2));
    for (const p of s.curve!) {
      expect(p.silhouette).toBeGreaterThan(-1);
      expect(p.calinskiHarabasz).toBeGreaterThan(0);
      expect(p.daviesBouldin).toBeGreaterThan(0);
    }
    expect(s.choice).toMatchObject({ k: s.k, rule: 'elbow' });
    expect(s.segments).toBe(s.k);

    const seg = path.join(dir, 'seg.csv'), feat = path.join(dir, 'feat.csv');
    expect(runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'segments', '--out', seg]).code).toBe(0);
    expect(runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'features', '--out', feat]).code).toBe(0);
    const a = readCsv(seg), f = readCsv(feat);
    expect(a.bom).toBe(false); // segments are read by scripts: no BOM unless --bom yes (issue #10 §7)
    expect(a.header).toEqual(['customer', 'segment', 'name', 'outlier', 'reason']);
    expect(a.rows).toHaveLength(customers + s.excluded.total);
    expect(a.rows.every((r) => r[4] === '')).toBe(true);
    expect(f.header).toEqual(['customer', 'recency', 'frequency', 'monetary']);
    expect(f.rows.map((r) => r[0])).toEqual(a.rows.map((r) => r[0]));
    // Anyone can re-check the run from the exported matrix: same k, nInit and seed give the same inertia and labels.
    const x = Float64Array.from(f.rows.flatMap((r) => r.slice(1).map(Number)));
    const refit = kmeans(x, f.rows.length, 3, { k: s.k, nInit: 5, seed: 3 });
    expect(refit.inertia).toBeCloseTo(s.curve!.find((p) => p.k === s.k)!.cost, 9);
    expect(Array.from(refit.labels)).toEqual(a.rows.map((r) => Number(r[1])));
  });

  it('kmeans on category spend (both levels) and LRFMV with a given k', () => {
    for (const features of ['category', 'category2', 'lrfmv']) {
      const s = runJson<Summary>(['run', 'kmeans', '--project', project, '--param', `features=${features}`, '--param', 'k=4']);
      expect(s).toMatchObject({ k: 4, segments: 4, noise: 0 });
      expect(s.choice).toMatchObject({ rule: 'given' });
      expect(s.curve).toHaveLength(1);
    }
  });

  it('stratified-kmeans: eps, KS statistic and p-value, 8 strata each with its k; noise customers listed with outlier = 1', () => {
    const s = runJson<Summary>(['run', 'stratified-kmeans', '--project', project, '--param', 'noiseShare=0.05', '--param', 'minSamples=10', '--param', 'kMax=8']);
    expect(s.eps).toBeGreaterThan(0);
    expect(s.ksStatistic).toBeGreaterThan(0);
    expect(s.ksStatistic).toBeLessThanOrEqual(1);
    expect(s.ksPValue).toBeGreaterThanOrEqual(0);
    expect(s.ksPValue).toBeLessThanOrEqual(1);
    expect(s.strata).toHaveLength(8);
    for (const st of s.strata!) expect(Number.isInteger(st.k)).toBe(true);
    // Issue #14: k is the segments kept (the header's count); the clusters fitted are clustersFitted.
    expect(s.clustersFitted).toBe(s.strata!.reduce((a, st) => a + st.k, 0));
    expect(s.k).toBe(s.segments);
    expect(s.k).toBeLessThanOrEqual(s.clustersFitted!);
    const out = path.join(dir, 'strat.csv');
    expect(runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'segments', '--out', out]).code).toBe(0);
    const rows = readCsv(out).rows;
    expect(rows).toHaveLength(customers);
    const flagged = rows.filter((r) => r[3] === '1');
    expect(flagged).toHaveLength(s.noise);
    for (const r of flagged) expect(r[1]).toBe('-1');
    // Nothing set aside in silence: each outlier row says why, and the summary counts the same reasons.
    const why = new Map<string, number>();
    for (const r of flagged) why.set(r[4], (why.get(r[4]) ?? 0) + 1);
    expect([...why.keys()].every((k) => k === 'DBSCAN noise' || k === 'small cluster (≤ 3 customers)')).toBe(true);
    expect(Object.fromEntries(why)).toEqual(s.excluded.setAside);
    expect(why.get('DBSCAN noise')).toBeGreaterThan(0);
    expect(new Set(rows.filter((r) => r[3] === '0').map((r) => r[1])).size).toBe(s.segments);
    // Noise and small-cluster outliers together: DBSCAN's share is near the target.
    expect(s.noise).toBeGreaterThanOrEqual(Math.floor(0.05 * customers) - 2);
    const dbscanStage = path.join(dir, 'dbscan.csv');
    expect(runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'features', '--param', 'stage=dbscan', '--out', dbscanStage]).code).toBe(0);
    expect(readCsv(dbscanStage).rows).toHaveLength(customers);
    // Strata are clustered in two threads by default; one thread gives the very same run.
    const one = runJson<Summary>(['run', 'stratified-kmeans', '--project', project, '--param', 'noiseShare=0.05', '--param', 'minSamples=10', '--param', 'kMax=8', '--param', 'threads=1']);
    expect(one.strata).toEqual(s.strata!.map((st) => ({ ...st, curve: st.curve.map((p, i) => ({ ...p, seconds: one.strata![st.id].curve[i].seconds })) })));
    const out1 = path.join(dir, 'strat1.csv');
    expect(runCli(['export', '--project', project, '--run', String(one.runId), '--what', 'segments', '--out', out1]).code).toBe(0);
    expect(readCsv(out1).rows).toEqual(rows);
  });

  it('lrfmv-kmedoids: PAM with k = 4 and the seed-004 names; kprototypes with k = auto (elbow) and gamma', () => {
    const m = runJson<Summary>(['run', 'lrfmv-kmedoids', '--project', project, '--param', 'k=4']);
    expect(m).toMatchObject({ k: 4, segments: 4, method: 'pam' });
    // Names that tell the truth: a seed name only on its own sign pattern (or four signs with the
    // fifth said), a descriptive name with the pattern otherwise; never one seed name twice.
    const seed: Record<string, string> = { royal: 'L+ R− F+ M+ V+', 'high-performing': 'L− R+ F− M− V+', general: 'L+ R− F+ M+ V−', 'low-performing': 'L− R+ F− M− V−' };
    for (const x of m.segmentList) {
      expect(x.pattern).toMatch(/^L[+−] R[+−] F[+−] M[+−] V[+−]$/);
      const base = x.name.replace(/, but [LRFMV][+−]$/, '');
      if (base in seed) {
        const off = [...seed[base].split(' ').keys()].filter((i) => seed[base].split(' ')[i] !== x.pattern!.split(' ')[i]);
        expect(off.length).toBe(x.name === base ? 0 : 1);
      } else expect(x.name.endsWith(`: ${x.pattern}`) || x.name.includes(`: ${x.pattern} (`)).toBe(true);
    }
    const seedNames = m.segmentList.map((x) => x.name.replace(/, but .*$/, '')).filter((x) => x in seed);
    expect(new Set(seedNames).size).toBe(seedNames.length);
    expect(seedNames.length).toBeGreaterThanOrEqual(2);
    const p = runJson<Summary>(['run', 'kprototypes', '--project', project, '--param', 'k=auto', '--param', 'kMax=6']);
    expect(p.k).toBeGreaterThanOrEqual(3);
    expect(p.k).toBeLessThanOrEqual(5);
    // Huang's default: half the mean sample SD (divisor n − 1) of the z-scored columns (population SD 1).
    expect(p.gamma).toBeCloseTo(0.5 * Math.sqrt(customers / (customers - 1)), 12);
    expect(p.curve!.every((c) => c.silhouette === null)).toBe(true);
    const prof = path.join(dir, 'prof.csv');
    expect(runCli(['export', '--project', project, '--run', String(m.runId), '--what', 'profiles', '--out', prof]).code).toBe(0);
    const t = readCsv(prof);
    expect(t.header.slice(0, 3)).toEqual(['segment', 'name', 'customers']);
    expect(t.rows.reduce((a, r) => a + Number(r[2]), 0)).toBe(customers);
  });

  it('stores memberships with the run, and a refused run leaves the project byte-for-byte unchanged', () => {
    const before = projectDigest(project);
    const r = runCli(['run', 'kmeans', '--project', project, '--param', 'k=1']);
    expect(r.code).not.toBe(0);
    expect(projectDigest(project)).toBe(before);
    const db = new Database(project, { readonly: true });
    try {
      const runs = db.prepare("SELECT id FROM runs WHERE analysis IN ('kmeans','stratified-kmeans','kprototypes','lrfmv-kmedoids')").all() as { id: number }[];
      for (const { id } of runs) expect((db.prepare('SELECT count(*) AS n FROM segment_members WHERE run_id = ?').get(id) as { n: number }).n).toBe(customers);
    } finally {
      db.close();
    }
  });
});
