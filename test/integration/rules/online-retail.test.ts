import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PURCHASE_LINE } from '../../../core/data/store/queries/baskets.js';
import type { RulesSummary } from '../../../core/model/rules.js';
import { runCli, tempDir, UCI_CSV } from '../../helpers/project.js';

const present = fs.existsSync(UCI_CSV);
if (!present) console.warn(`SKIPPED: ${UCI_CSV} is absent (see ../shared/data/README.md); the rules test on UCI Online Retail needs it.`);

describe.skipIf(!present)('rules on UCI Online Retail (receipts of products)', () => {
  let dir: string, project: string;
  beforeAll(() => {
    dir = tempDir();
    project = path.join(dir, 'uci.sqlite');
    const r = runCli(['import', '--project', project, UCI_CSV, '--json']);
    expect(r.code, r.stderr).toBe(0);
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('each exported rule\'s supports equal a direct SQL count of the receipts holding its items', () => {
    const r = runCli(['run', 'rules', '--project', project, '--param', 'minSupport=0.01', '--param', 'minLift=3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as RulesSummary;
    expect(s.rules).toBeGreaterThan(20);
    const out = path.join(dir, 'rules.csv');
    expect(runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'rules', '--out', out]).code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(s.rules);
    const db = new Database(project, { readonly: true });
    try {
      const where = PURCHASE_LINE.replace(/\b(customer_id|product_id|quantity|amount|flags)\b/g, 'l.$1').replace('l.customer_id IS NOT NULL AND ', '');
      const n = (db.prepare(`SELECT count(DISTINCT l.receipt_id) AS n FROM lines l WHERE ${where}`).get() as { n: number }).n;
      expect(s.baskets).toBe(n);
      // Product names are unique in this file except where the export adds the code; count by name.
      const count = (names: string[]) =>
        (db.prepare(`SELECT count(*) AS n FROM (SELECT l.receipt_id FROM lines l JOIN products p ON p.id = l.product_id WHERE ${where} AND p.name IN (${names.map(() => '?').join(',')}) GROUP BY l.receipt_id HAVING count(DISTINCT p.name) = ?)`).get(...names, names.length) as { n: number }).n;
      const sample = [...rows].sort((a, b) => Number(b.lift) - Number(a.lift)).slice(0, 15).filter((x) => !/\(\w+\)$/.test(`${x.antecedents} & ${x.consequents}`));
      expect(sample.length).toBeGreaterThan(5);
      for (const x of sample) {
        const a = x.antecedents.split(' & '), c = x.consequents.split(' & ');
        expect(Number(x.support), `${x.antecedents} → ${x.consequents}`).toBeCloseTo(count([...a, ...c]) / n, 14);
        expect(Number(x['antecedent support'])).toBeCloseTo(count(a) / n, 14);
        expect(Number(x['consequent support'])).toBeCloseTo(count(c) / n, 14);
        expect(Number(x.lift)).toBeGreaterThanOrEqual(3);
      }
    } finally {
      db.close();
    }
  }, 120_000);
});
