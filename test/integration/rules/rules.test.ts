import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../../helpers/reference.js';
import { FIXTURES, makeTinyDemo, runCli, tempDir } from '../../helpers/project.js';
import type { RulesSummary } from '../../../core/model/rules.js';

const HEADER = 'segment,antecedents,consequents,antecedent support,consequent support,support,confidence,lift,leverage,conviction,zhangs_metric';
type Row = Record<string, string>;
interface RefSet { baskets: number; itemsets: { items: string; count: number }[]; rules: Record<string, string | number>[] }

/** The exported CSV: its first line, and rows keyed by header (segment names hold commas, so a real CSV parser). */
function readExport(file: string): { header: string; rows: Row[] } {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  return { header: text.slice(0, text.indexOf('\r\n')), rows: parsed.data };
}

function runRules(project: string, params: string[]): RulesSummary {
  const r = runCli(['run', 'rules', '--project', project, ...params.flatMap((p) => ['--param', p]), '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as RulesSummary;
}

function exportRules(project: string, runId: number, out: string): { header: string; rows: Row[] } {
  const r = runCli(['export', '--project', project, '--run', String(runId), '--what', 'rules', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return readExport(out);
}

/** Every rule of the reference equals one exported row (metrics to 1e-12; conviction `inf` as written). */
function expectSameRules(rows: Row[], ref: RefSet): void {
  expect(rows).toHaveLength(ref.rules.length);
  const byKey = new Map(rows.map((r) => [`${r.antecedents}>${r.consequents}`, r]));
  for (const want of ref.rules) {
    const got = byKey.get(`${want.antecedents}>${want.consequents}`);
    expect(got, `${want.antecedents} → ${want.consequents}`).toBeDefined();
    expect(got!.segment).toBe('');
    for (const k of ['antecedent support', 'consequent support', 'support', 'confidence', 'lift', 'leverage', 'zhangs_metric']) expect(Number(got![k]), k).toBeCloseTo(want[k] as number, 12);
    if (want.conviction === 'inf') expect(got!.conviction).toBe('inf');
    else expect(Number(got!.conviction)).toBeCloseTo(want.conviction as number, 12);
  }
}

describe('rules against the outside reference (test/reference/rules_bruteforce.py)', () => {
  let dir: string;
  const ref = readFixture<{ groceries20: RefSet; kaggleCustomerDay: RefSet }>('rules_groceries.json');
  beforeAll(() => (dir = tempDir()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('Groceries (first 20 baskets, basket format without customers or dates), receipts at product level', () => {
    const project = path.join(dir, 'g.sqlite');
    expect(runCli(['import', '--project', project, path.join(FIXTURES, 'baskets/groceries-20.txt'), '--format', 'baskets']).code).toBe(0);
    const s = runRules(project, ['minSupport=0.1', 'maxLength=4']);
    expect(s).toMatchObject({ baskets: ref.groceries20.baskets, itemsets: ref.groceries20.itemsets.length, rules: ref.groceries20.rules.length });
    const { header, rows } = exportRules(project, s.runId, path.join(dir, 'g.csv'));
    expect(header).toBe(HEADER);
    expectSameRules(rows, ref.groceries20);
  });

  it('Kaggle Groceries item log as customer-day baskets', () => {
    const project = path.join(dir, 'k.sqlite');
    expect(runCli(['import', '--project', project, path.join(FIXTURES, 'issue10/groceries.csv')]).code).toBe(0);
    const s = runRules(project, ['basket=customer-day', 'minSupport=0.01', 'maxLength=3']);
    expect(s).toMatchObject({ baskets: ref.kaggleCustomerDay.baskets, itemsets: ref.kaggleCustomerDay.itemsets.length, rules: ref.kaggleCustomerDay.rules.length });
    expectSameRules(exportRules(project, s.runId, path.join(dir, 'k.csv')).rows, ref.kaggleCustomerDay);
  });

  it('refuses in one sentence what the data cannot give', () => {
    const project = path.join(dir, 'g.sqlite');
    const r = runCli(['run', 'rules', '--project', project, '--param', 'basket=customer-day']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rules (basket=customer-day) needs customer ids and dates, which this project\'s data does not have.');
    // Items without categories (a basket file): a category level is refused, not mined into zero baskets.
    const c = runCli(['run', 'rules', '--project', project, '--param', 'level=category']);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('rules at level=category need product categories, which this project\'s data does not have; use level=product.');
    const noProducts = path.join(dir, 'c.sqlite');
    expect(runCli(['import', '--project', noProducts, path.join(FIXTURES, 'issue10/cdnow-like.csv')]).code).toBe(0);
    const q = runCli(['run', 'rules', '--project', noProducts]);
    expect(q.code).toBe(1);
    expect(q.stderr).toContain('rules (basket=receipt) needs products (no product column was imported), which this project\'s data does not have.');
  });
});

describe('rules on the tiny demo', () => {
  let dir: string, project: string;
  beforeAll(() => ({ dir, project } = makeTinyDemo()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the contract summary, and every exported rule passes the filters', () => {
    const s = runRules(project, ['level=category', 'minSupport=0.005', 'minConfidence=0.1', 'minLift=1.05']);
    for (const k of ['runId', 'baskets', 'items', 'itemsets', 'rules', 'seconds'] as const) expect(typeof s[k], k).toBe('number');
    expect(s.rules).toBeGreaterThan(100);
    expect(s.baskets).toBeGreaterThan(5000);
    const { rows } = exportRules(project, s.runId, path.join(dir, 'r.csv'));
    expect(rows).toHaveLength(s.rules);
    for (const r of rows) {
      expect(Number(r.confidence)).toBeGreaterThanOrEqual(0.1);
      expect(Number(r.lift)).toBeGreaterThanOrEqual(1.05);
      expect(Number(r.support)).toBeGreaterThanOrEqual(0.005);
      for (const side of [r.antecedents, r.consequents]) expect(side.split(' & ')).toEqual([...side.split(' & ')].sort());
    }
  });

  it('recovers the demo\'s planted rules R1–R5 (docs/demo-data.md) at product level', () => {
    const s = runRules(project, ['minSupport=0.001', 'minConfidence=0.5', 'minLift=2']);
    const { rows } = exportRules(project, s.runId, path.join(dir, 'planted.csv'));
    const planted: [string, string, number][] = [['봉지라면', '생수2L', 0.9], ['삼겹살', '상추', 0.85], ['수입맥주', '마른안주', 0.8], ['스파게티면', '토마토파스타소스', 0.75], ['스파게티면 & 토마토파스타소스', '파마산치즈', 0.8]];
    for (const [a, c, p] of planted) {
      const r = rows.find((x) => x.antecedents === a && x.consequents === c);
      expect(r, `${a} → ${c}`).toBeDefined();
      // The tiny demo has 12–64 antecedent receipts per rule: the planted p ± 0.15.
      expect(Math.abs(Number(r!.confidence) - p), `${a} → ${c}`).toBeLessThan(0.15);
      expect(Number(r!.lift)).toBeGreaterThan(20);
    }
  });

  it('excludeTop removes the most common items and says how many baskets remain', () => {
    const all = runRules(project, ['level=category']);
    const tail = runRules(project, ['level=category', 'excludeTop=5']);
    expect(tail.excludedItems).toHaveLength(5);
    expect(tail.baskets + tail.droppedBaskets).toBe(all.baskets);
    expect(tail.droppedBaskets).toBeGreaterThan(0);
    expect(tail.items).toBe(all.items - 5);
    const { rows } = exportRules(project, tail.runId, path.join(dir, 't.csv'));
    for (const r of rows) for (const name of tail.excludedItems) expect(`${r.antecedents} & ${r.consequents}`.split(' & ')).not.toContain(name);
  });

  it('segment=each mines every segment; a rule flagged unique appears in no other segment', () => {
    const seg = runCli(['run', 'lrfmv-kmedoids', '--project', project, '--json']);
    expect(seg.code, seg.stderr).toBe(0);
    const segRun = (JSON.parse(seg.stdout) as { runId: number }).runId;
    const s = runRules(project, ['level=category', 'minSupport=0.02', `segmentRun=${segRun}`, 'segment=each']);
    expect(s.parts.length).toBe(4);
    expect(s.parts.reduce((n, p) => n + p.rules, 0)).toBe(s.rules);
    const { rows } = exportRules(project, s.runId, path.join(dir, 'e.csv'));
    const holders = new Map<string, Set<string>>();
    for (const r of rows) {
      const k = `${r.antecedents}>${r.consequents}`;
      holders.set(k, (holders.get(k) ?? new Set()).add(r.segment));
    }
    for (const p of s.parts) {
      const unique = rows.filter((r) => r.segment === p.name && holders.get(`${r.antecedents}>${r.consequents}`)!.size === 1).length;
      expect(unique, p.name).toBe(p.uniqueRules);
    }
    const one = runRules(project, ['level=category', 'minSupport=0.02', `segmentRun=${segRun}`, `segment=${s.parts[0].name}`]);
    expect(one.parts).toHaveLength(1);
    expect(one.rules).toBe(s.parts[0].rules);
  });

  it('maxItemsets stops a run whose support is too low, with a clear message and no run stored', () => {
    const before = runCli(['runs', '--project', project, '--json']).stdout;
    const r = runCli(['run', 'rules', '--project', project, '--param', 'minSupport=0.0001', '--param', 'maxItemsets=1000']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/More than 1,000 frequent itemsets at this support .*raise minSupport/);
    expect(runCli(['runs', '--project', project, '--json']).stdout).toBe(before);
  });
});
