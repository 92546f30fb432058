import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, runCli } from '../helpers/project.js';

/** `run recommend` stores a top-N list per customer; `export --what campaign` writes it Excel-safe. */
describe('recommend and the campaign export on the tiny demo', () => {
  let dir: string, project: string;
  let segRun: number;
  const lines = (file: string) => fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  beforeAll(() => {
    ({ dir, project } = makeTinyDemo());
    segRun = (JSON.parse(runCli(['run', 'kmeans', '--project', project, '--param', 'features=category', '--param', 'k=4', '--json']).stdout) as { runId: number }).runId;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('p-topfreq: every customer gets 5 products with score and reason; the CSV has a BOM, Korean names and neutralised formulas', () => {
    // A product name that Excel would run as a formula.
    const db = new Database(project);
    db.prepare("UPDATE products SET name = '=HYPERLINK(\"http://x\")' WHERE code = 'PD1296'").run();
    db.close();
    const r = runCli(['run', 'recommend', '--project', project, '--param', 'model=p-topfreq', '--param', 'top=5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { runId: number; customers: number; short: number };
    expect(s.customers).toBe(200);
    const out = path.join(dir, 'campaign.csv');
    expect(runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'campaign', '--out', out]).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8').startsWith('\uFEFFcustomer,')).toBe(true);
    const rows = lines(out);
    expect(rows[0]).toBe('customer,segment,rank,product,name,category,score,reason');
    expect(rows.length - 1).toBe(200 * 5 - 0);
    expect(rows.some((l) => /[가-힣]/.test(l))).toBe(true);
    const milk = rows.filter((l) => l.includes(',PD1296,'));
    expect(milk.length).toBeGreaterThan(0);
    for (const l of milk) expect(l).toContain(`,"'=HYPERLINK(""http://x"")",`);
    // The first product of a customer is one they bought most often (their own repeat purchase).
    expect(rows[1]).toMatch(/you bought it in \d+ receipts$/);
  });

  it('getCustomer: the purchase timeline and the run’s recommendations with reasons', async () => {
    const { ApiHost } = await import('../../core/service/api.js');
    const { WorkbenchService } = await import('../../core/service/service.js');
    const host = new ApiHost(new WorkbenchService(), project);
    const run = (JSON.parse(runCli(['run', 'recommend', '--project', project, '--param', 'model=preference-score', '--param', 'top=4', '--json']).stdout) as { runId: number }).runId;
    const db = new Database(project, { readonly: true });
    const code = (db.prepare('SELECT c.code FROM recommendations r JOIN customers c ON c.id = r.customer_id WHERE r.run_id = ? ORDER BY c.id LIMIT 1').get(run) as { code: string }).code;
    db.close();
    const r = await host.invoke('getCustomer', { project, customer: code, runId: run });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.code).toBe(code);
    expect(r.value.timeline.length).toBeGreaterThan(0);
    expect(r.value.timeline[0].date >= r.value.timeline[r.value.timeline.length - 1].date).toBe(true);
    expect(r.value.timeline[0].products.length).toBeGreaterThan(0);
    expect(r.value.recommendations.map((x) => x.rank)).toEqual([1, 2, 3, 4]);
    for (const x of r.value.recommendations) expect(x.reason).toMatch(/^score \d\.\d = buy level [\d.]+ \+ category share \d\.\d \+ interval \d\.\d/);
    const missing = await host.invoke('getCustomer', { project, customer: 'NOPE' });
    expect(missing.ok).toBe(false);
  });

  it('filters by a segment of a segmentation run and hashes customer ids on request', () => {
    const r = JSON.parse(runCli(['run', 'recommend', '--project', project, '--param', 'model=segment-pop', '--param', 'top=3', '--json']).stdout) as { runId: number; notes: string };
    expect(r.notes).toBe(`segments of run ${segRun}`);
    const out = path.join(dir, 'seg.csv');
    expect(runCli(['export', '--project', project, '--run', String(r.runId), '--what', 'campaign', '--param', `segmentRun=${segRun}`, '--param', 'segment=0', '--param', 'hashIds=true', '--out', out]).code).toBe(0);
    const rows = lines(out).slice(1).map((l) => l.split(','));
    const db = new Database(project, { readonly: true });
    const members = db.prepare('SELECT c.code FROM segment_members m JOIN customers c ON c.id = m.customer_id WHERE m.run_id = ? AND m.segment = 0').all(segRun) as { code: string }[];
    db.close();
    expect(rows.length).toBe(members.length * 3);
    const hashed = new Set(members.map((m) => createHash('sha256').update(m.code).digest('hex').slice(0, 16)));
    for (const row of rows) {
      expect(hashed.has(row[0])).toBe(true);
      expect(row[1]).toBe('segment 1');
    }
  });

  it('reasons name the products they cite by name and code', () => {
    const r = JSON.parse(runCli(['run', 'recommend', '--project', project, '--param', 'model=item-knn', '--param', 'top=2', '--json']).stdout) as { runId: number };
    const out = path.join(dir, 'knn.csv');
    expect(runCli(['export', '--project', project, '--run', String(r.runId), '--what', 'campaign', '--out', out]).code).toBe(0);
    expect(lines(out)[1]).toMatch(/,customers who bought [^,]*[가-힣][^,]* \(PD\d{4}\) also bought it \(cosine 0\.\d\d\)$/);
  });

  it('writes the reasons in Korean on request (lang=ko), for every kind the list holds', () => {
    const run = (model: string) => JSON.parse(runCli(['run', 'recommend', '--project', project, '--param', `model=${model}`, '--param', 'top=3', '--param', 'lang=ko', '--json']).stdout) as { runId: number };
    const reasons = (runId: number) => {
      const out = path.join(dir, `ko-${runId}.csv`);
      expect(runCli(['export', '--project', project, '--run', String(runId), '--what', 'campaign', '--out', out]).code).toBe(0);
      return lines(out).slice(1).map((l) => l.slice(l.lastIndexOf(',') + 1));
    };
    const own = reasons(run('p-topfreq').runId);
    expect(own.every((r) => /^(고객님이 영수증 \d+건에서 구매|인기 상품: 영수증 \d+건에 포함)$/.test(r))).toBe(true);
    const knn = reasons(run('item-knn').runId);
    expect(knn.some((r) => /^.+ \(PD\d{4}\)을\(를\) 산 고객이 함께 산 상품 \(코사인 0\.\d\d\)$/.test(r))).toBe(true);
    expect(knn.every((r) => /[가-힣]/.test(r))).toBe(true);
    const pref = reasons(run('preference-score').runId);
    expect(pref.some((r) => /^점수 \d\.\d = 구매 수준 [\d.]+ \+ 카테고리 비중 \d\.\d \+ 구매 주기 \d\.\d; 약 \d+일마다 구매$/.test(r))).toBe(true);
    expect(runCli(['run', 'recommend', '--project', project, '--param', 'model=p-topfreq', '--param', 'lang=fr']).code).toBe(1);
  });

  it('tifu-knn: every customer gets a list; the reasons say how often and how recently, and how many similar customers bought it (EN and KO)', () => {
    const run = (lang: string) => {
      const r = runCli(['run', 'recommend', '--project', project, '--param', 'model=tifu-knn', '--param', 'top=5', '--param', 'tifuK=20', '--param', `lang=${lang}`, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout) as { runId: number; short: number; notes: string };
      expect(s.short).toBe(0);
      expect(s.notes).toBe('k = 20, m = 7, r_b = 0.9, r_g = 0.7, α = 0.7');
      const out = path.join(dir, `tifu-${lang}.csv`);
      expect(runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'campaign', '--out', out]).code).toBe(0);
      // The reason is the last column (quoted when it holds a comma).
      return lines(out).slice(1).map((l) => (l.endsWith('"') ? l.slice(l.lastIndexOf(',"') + 2, -1) : l.slice(l.lastIndexOf(',') + 1)));
    };
    const en = run('en');
    expect(en.some((r) => /^you bought it in \d+ receipts, last \d+ days? ago; \d+ of your 20 most similar customers too$/.test(r)), en.slice(0, 5).join(' | ')).toBe(true);
    expect(en.every((r) => /most similar customers (too|bought it)$|^popular: in \d+ receipts$/.test(r)), en.slice(0, 5).join(' | ')).toBe(true);
    const ko = run('ko');
    expect(ko.some((r) => /^고객님이 영수증 \d+건에서 구매 \(마지막 \d+일 전\); 가장 비슷한 고객 20명 중 \d+명도 구매$/.test(r)), ko.slice(0, 5).join(' | ')).toBe(true);
  });

  it('refuses unknown models, and campaign exports of other runs', () => {
    const r = runCli(['run', 'recommend', '--project', project, '--param', 'model=rnn']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/model/);
    expect(r.stderr).toMatch(/sequence/);
    const e = runCli(['export', '--project', project, '--run', String(segRun), '--what', 'campaign', '--out', path.join(dir, 'x.csv')]);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/not a recommend run/);
  });
});
