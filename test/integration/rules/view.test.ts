import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../../core/data/store/open.js';
import { rulesView } from '../../../core/service/rules.js';
import { makeTinyDemo, runCli } from '../../helpers/project.js';

describe('rulesView: the Rules page\'s sorted, filtered, paged rules', () => {
  let dir: string, project: string, runId: number, total: number;
  beforeAll(() => {
    ({ dir, project } = makeTinyDemo());
    const r = runCli(['run', 'rules', '--project', project, '--param', 'level=category', '--param', 'minSupport=0.005', '--json']);
    expect(r.code, r.stderr).toBe(0);
    ({ runId, rules: total } = JSON.parse(r.stdout) as { runId: number; rules: number });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const view = (o: Parameters<typeof rulesView>[2]) => {
    const db = openProject(project, { readonlyIfNeeded: true });
    try {
      return rulesView(db, runId, o);
    } finally {
      db.close();
    }
  };

  it('sorts over every rule and pages without gaps or repeats', () => {
    const all = view({ sort: 'confidence', desc: true, limit: 5000 });
    expect(all.total).toBe(total);
    expect(all.rows).toHaveLength(total);
    for (let i = 1; i < all.rows.length; i++) expect(all.rows[i].confidence).toBeLessThanOrEqual(all.rows[i - 1].confidence);
    const pages = [0, 50, 100].flatMap((offset) => view({ sort: 'confidence', desc: true, offset, limit: 50 }).rows);
    expect(pages).toEqual(all.rows.slice(0, 150));
    const asc = view({ sort: 'lift', desc: false, limit: 5000 }).rows;
    for (let i = 1; i < asc.length; i++) expect(asc[i].lift).toBeGreaterThanOrEqual(asc[i - 1].lift);
    expect(all.points).toHaveLength(total);
  });

  it('filters by item name, confidence and lift; conviction is null exactly when confidence is 1', () => {
    const all = view({ limit: 5000 }).rows;
    const name = all[0].antecedents[0];
    const hit = view({ search: name.slice(0, 3).toUpperCase(), limit: 5000 });
    expect(hit.total).toBe(all.filter((r) => [...r.antecedents, ...r.consequents].some((i) => i.toLowerCase().includes(name.slice(0, 3).toLowerCase()))).length);
    expect(hit.total).toBeGreaterThan(0);
    expect(hit.total).toBeLessThan(all.length);
    expect(view({ minConfidence: 0.3, minLift: 1.2, limit: 5000 }).total).toBe(all.filter((r) => r.confidence >= 0.3 && r.lift >= 1.2).length);
    for (const r of all) expect(r.conviction === null).toBe(r.confidence === 1);
  });

  it('refuses a run that is not a rules run, and an unknown part', () => {
    expect(() => {
      const db = openProject(project, { readonlyIfNeeded: true });
      try {
        rulesView(db, 1, {});
      } finally {
        db.close();
      }
    }).toThrow(/Run 1 is a demo run; this needs a rules run/);
    expect(() => view({ part: 'seg9' })).toThrow(/has no part 'seg9'/);
  });
});
