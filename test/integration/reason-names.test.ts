import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../core/data/store/open.js';
import { readMembers, readNames } from '../../core/data/store/segments.js';
import { customerView } from '../../core/service/customers.js';
import { exportText } from '../../core/service/exports.js';
import { renameSegment } from '../../core/service/segments.js';
import { makeTinyDemo, runCli } from '../helpers/project.js';

/*
 * Issue #14: "a renamed segment carries its new name to every page … every export". cluster-knn's
 * reasons name the customer's segment ("bought by 2 of your 3 most similar customers in online ·
 * spend Q3 · 1"); the list is stored when the run ends, but the campaign CSV (both languages) and
 * the Recommend page's customer view (getCustomer) must name the segment as it is called now.
 */
describe('cluster-knn reasons name the segment as it is called now', () => {
  let dir: string, project: string, segRun: number, recRun: number;
  const NAME = 'Weekend regulars';
  const runJson = (args: string[]): number => {
    const r = runCli([...args, '--project', project, '--json']);
    if (r.code !== 0) throw new Error(r.stderr);
    return (JSON.parse(r.stdout) as { runId: number }).runId;
  };
  /** A customer of `segment` (not an outlier) with their code. */
  let customer: { id: number; code: string; segment: number; oldName: string };

  beforeAll(() => {
    ({ dir, project } = makeTinyDemo('swb-reason-names-'));
    segRun = runJson(['run', 'stratified-kmeans']);
    recRun = runJson(['run', 'recommend', '--param', 'model=cluster-knn', '--param', 'top=3']);
    const db = openProject(project);
    try {
      const m = readMembers(db, segRun);
      const names = readNames(db, segRun);
      // A customer whose first recommendation has a cluster-knn reason naming their segment.
      for (let i = 0; i < m.customers.length; i++) {
        if (m.outlier[i]) continue;
        const row = db.prepare('SELECT c.code, r.reason FROM recommendations r JOIN customers c ON c.id = r.customer_id WHERE r.run_id = ? AND r.customer_id = ? ORDER BY r.rank LIMIT 1').get(recRun, m.customers[i]) as { code: string; reason: string } | undefined;
        const oldName = names.get(m.segments[i]) ?? `segment ${m.segments[i]}`;
        if (row && row.reason.endsWith(` in ${oldName}`)) {
          customer = { id: m.customers[i], code: row.code, segment: m.segments[i], oldName };
          break;
        }
      }
      expect(customer, 'a customer with a segment-naming reason').toBeDefined();
      renameSegment(db, segRun, customer.segment, NAME);
    } finally {
      db.close();
    }
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The campaign CSV's rows of the customer: [segment column, reason]. */
  const campaign = (lang?: 'en' | 'ko', params: Record<string, string> = {}) => {
    const db = openProject(project);
    try {
      const { csv } = exportText(db, recRun, 'campaign', params, lang);
      return csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).filter((l) => l.startsWith(`${customer.code},`));
    } finally {
      db.close();
    }
  };

  it('the campaign CSV names the segment by its new name, as stored (English)', () => {
    const rows = campaign();
    expect(rows.length).toBe(3);
    for (const row of rows) {
      expect(row).toMatch(new RegExp(`,bought by \\d+ of your \\d+ most similar customers in ${NAME}$`));
      expect(row).not.toContain(customer.oldName);
    }
  });

  it('in Korean too, and beside the segment column of the same run', () => {
    for (const row of campaign('ko')) expect(row).toMatch(new RegExp(`,${NAME}에서 가장 비슷한 고객 \\d+명 중 \\d+명이 구매$`));
    for (const row of campaign('en', { segmentRun: String(segRun) })) expect(row.split(',')[1]).toBe(NAME);
  });

  it('the customer view of the Recommend page names it too, in the language asked', () => {
    const db = openProject(project);
    try {
      const en = customerView(db, customer.code, recRun, 'en').recommendations;
      expect(en.length).toBe(3);
      for (const r of en) expect(r.reason).toMatch(new RegExp(` in ${NAME}$`));
      for (const r of customerView(db, customer.code, recRun, 'ko').recommendations) expect(r.reason).toMatch(new RegExp(`^${NAME}에서 가장 비슷한 고객`));
      // Without a language the stored language is kept, with the new name.
      for (const r of customerView(db, customer.code, recRun).recommendations) expect(r.reason).toMatch(new RegExp(` in ${NAME}$`));
    } finally {
      db.close();
    }
  });
});
