import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, runCli } from '../helpers/project.js';

interface Validation { split: string; retailers: { retailer: string; pairs: number; table: { threshold: number; pairs: number; share: number | null }[] }[] }

describe('preference-score on the tiny demo (planted repurchase cycles)', () => {
  let dir: string, project: string;
  beforeAll(() => ({ dir, project } = makeTinyDemo()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('validation table as the seed (Jan–Sep scores, Oct–Dec repurchase), and the share rises with the score where products are rebought', () => {
    const r = runCli(['run', 'preference-score', '--project', project, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout) as Validation;
    expect(v.split).toBe('2021-10-01');
    expect(v.retailers.map((x) => x.retailer)).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'A06']);
    for (const x of v.retailers) {
      expect(x.table.map((t) => t.threshold)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5]);
      expect(x.table[0].pairs).toBe(x.pairs);
      for (let i = 1; i < 10; i++) expect(x.table[i].pairs).toBeLessThanOrEqual(x.table[i - 1].pairs);
    }
    // Groceries, convenience and online: planted cycles make high scores come back (the electronics store A05 has none).
    for (const name of ['A02', 'A03', 'A04', 'A06']) {
      const t = v.retailers.find((x) => x.retailer === name)!.table;
      expect(t[6].share!, name).toBeGreaterThan(3 * t[0].share!);
      for (let i = 1; i <= 6; i++) expect(t[i].share!, `${name} ≥ ${t[i].threshold}`).toBeGreaterThan(t[i - 1].share!);
    }
  });

  it('as a recommender it uses repurchase timing and beats g-topfreq on repeat items', () => {
    const r = runCli(['run', 'recommend-eval', '--project', project, '--param', 'models=g-topfreq,preference-score', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { models: { id: string; repeat: Record<string, number>; new: Record<string, number> }[] };
    const [g, pref] = s.models;
    expect(pref.id).toBe('preference-score');
    expect(pref.repeat['ndcg@10']).toBeGreaterThan(g.repeat['ndcg@10']);
    expect(pref.new['hr@10']).toBe(0); // it scores only products the customer bought
  });
});
