import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, runCli } from '../../helpers/project.js';

describe('the rules recommender (campaign builder and recommend-eval) on the tiny demo', () => {
  let dir: string, project: string;
  beforeAll(() => ({ dir, project } = makeTinyDemo()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('recommend --param model=rules gives the rule as the reason in the campaign', () => {
    const r = runCli(['run', 'recommend', '--project', project, '--param', 'model=rules', '--param', 'top=5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { runId } = JSON.parse(r.stdout) as { runId: number };
    const out = path.join(dir, 'campaign.csv');
    expect(runCli(['export', '--project', project, '--run', String(runId), '--what', 'campaign', '--out', out]).code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const byRule = rows.filter((x) => x.reason.startsWith('bought '));
    expect(byRule.length).toBeGreaterThan(50);
    for (const x of byRule) expect(x.reason).toMatch(/^bought .+ → .+, confidence (0\.\d\d|1\.00)$/);
    // The planted rule R1 (봉지라면 → 생수2L, p = 0.9) reaches the customers who bought instant noodles.
    expect(byRule.some((x) => x.name === '생수2L' && /^bought 봉지라면 \(\w+\) → 생수2L \(\w+\), confidence 0\.9\d$/.test(x.reason))).toBe(true);
  });

  it('recommend-eval evaluates rules beside the baselines', () => {
    const r = runCli(['run', 'recommend-eval', '--project', project, '--param', 'models=g-topfreq,p-topfreq,rules', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { models: { id: string; notes?: string; metrics?: Record<string, number> }[] };
    expect(s.models.map((m) => m.id)).toEqual(['g-topfreq', 'p-topfreq', 'rules']);
    const rules = s.models[2];
    expect(rules.notes).toMatch(/^[\d,]+ rules A → C of the training receipts/);
    expect(rules.metrics!['ndcg@10']).toBeGreaterThan(0);
  });
});
