import { spawn } from 'node:child_process';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purchaseBaskets } from '../../core/data/store/queries/baskets.js';
import { sequenceEvents } from '../../core/data/store/queries/sequence-events.js';
import { CLI, makeTinyDemo, projectDigest, ROOT, runCli } from '../helpers/project.js';

/** The seed-001 sequence model end to end on the tiny demo: its input, training with progress, lists, cancel. */
describe('sequence (seed 001) on the tiny demo', () => {
  let dir: string, project: string;
  beforeAll(() => ({ dir, project } = makeTinyDemo()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads one sequence of purchases (receipt × product), partner uses and L.pay payments, in time order', () => {
    const db = new Database(project, { readonly: true });
    try {
      const b = purchaseBaskets(db);
      const e = sequenceEvents(db, b);
      const purchases = e.item.filter((i) => i >= 0).length;
      const pseudo = e.item.length - purchases;
      // Distinct (receipt, product) purchase pairs, as the baskets hold them.
      expect(purchases).toBe(b.receiptItems.length);
      const ids = new Set(b.customerIds);
      const count = (sql: string) => (db.prepare(sql).raw().all() as [number][]).filter(([c]) => ids.has(c)).length;
      expect(pseudo).toBe(count('SELECT customer_id FROM partner_uses WHERE customer_id IS NOT NULL') + count('SELECT customer_id FROM payments WHERE customer_id IS NOT NULL'));
      expect(e.pseudo.length).toBeGreaterThan(0);
      expect(e.pseudo.every((q) => /^(partner|L\.pay) /.test(q.code))).toBe(true);
      for (let i = 1; i < e.customer.length; i++) {
        const order = e.customer[i] - e.customer[i - 1] || e.day[i] - e.day[i - 1] || e.hourKey[i] - e.hourKey[i - 1];
        expect(order).toBeGreaterThanOrEqual(0);
      }
    } finally {
      db.close();
    }
  });

  it('recommend model=sequence trains with epoch/loss progress and stores probabilities with reasons', () => {
    const r = runCli(['run', 'recommend', '--project', project, '--param', 'model=sequence', '--param', 'top=5', '--param', 'sequenceEpochs=3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/train sequence .*epoch 1\/3 · loss \d+\.\d{3}/);
    const s = JSON.parse(r.stdout) as { runId: number; customers: number; short: number; notes: string };
    expect(s.customers).toBe(200);
    expect(s.short).toBe(0);
    expect(s.notes).toMatch(/^trained on [\d,]+ of [\d,]+ sessions per epoch \(3 epochs, loss [\d.]+ → [\d.]+ → [\d.]+, \d+ s, of which [\d.]+ s to score every customer's list\)/);
    const db = new Database(project, { readonly: true });
    try {
      const rows = db.prepare('SELECT customer_id, rank, score, reason FROM recommendations WHERE run_id = ? ORDER BY customer_id, rank').all(s.runId) as { customer_id: number; rank: number; score: number; reason: string }[];
      expect(rows.length).toBe(1000);
      for (const row of rows) {
        expect(row.score).toBeGreaterThan(0);
        expect(row.score).toBeLessThanOrEqual(1);
        expect(row.reason).toMatch(/^next-purchase model: \d+\.\d % chance for .+ \(PD\d{4}\), from your latest visits \(weight \d+ %\)/);
      }
      // Scores fall with rank within each customer's list.
      for (let i = 1; i < rows.length; i++) if (rows[i].customer_id === rows[i - 1].customer_id) expect(rows[i].score).toBeLessThanOrEqual(rows[i - 1].score);
    } finally {
      db.close();
    }
  });

  it('Ctrl-C during training cancels: exit 1, a clear message, the project unchanged', async () => {
    const digest = projectDigest(project);
    const child = spawn(process.execPath, [CLI, 'run', 'recommend', '--project', project, '--param', 'model=sequence', '--param', 'sequenceEpochs=100'], { cwd: ROOT, env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (/train sequence/.test(err)) resolve();
      });
      void exit.then((code) => reject(new Error(`ended (code ${code}) before it was interrupted: ${err}`)));
    });
    child.kill('SIGINT');
    expect(await exit).toBe(1);
    expect(err).toMatch(/Cancelled; the project is unchanged/);
    expect(projectDigest(project)).toBe(digest);
  });
});
