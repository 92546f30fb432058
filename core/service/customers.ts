import { PURCHASE_LINE } from '../data/store/queries/baskets.js';
import type { Db } from '../data/store/open.js';
import { getRun } from '../data/store/runs.js';
import type { CustomerView } from '../model/recommend.js';
import { WorkbenchError } from '../model/result.js';
import type { ExportLang } from './export-headers.js';
import { reasonReader } from './reason-names.js';

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * A customer's purchase timeline and, given a `recommend` run, their recommendations with reasons
 * as read now (reason-names.ts: the segment's current name; in `lang` when given).
 */
export function customerView(db: Db, code: string, runId?: number, lang?: ExportLang): CustomerView {
  const c = db.prepare('SELECT id, code, gender, age_band, region FROM customers WHERE code = ?').get(code) as { id: number; code: string; gender: string | null; age_band: string | null; region: string | null } | undefined;
  if (!c) throw new WorkbenchError('not-found', `No customer '${code}' in this project.`);
  const totals = db.prepare('SELECT count(*) AS n, total(amount) AS spend FROM receipts WHERE customer_id = ? AND amount > 0').get(c.id) as { n: number; spend: number };
  const days = db.prepare('SELECT day, count(*) AS receipts, total(amount) AS amount FROM receipts WHERE customer_id = ? AND amount > 0 GROUP BY day ORDER BY day DESC LIMIT 60').all(c.id) as { day: number; receipts: number; amount: number }[];
  const lines = days.length === 0 ? [] : (db
    .prepare(`SELECT DISTINCT l.day, p.code, p.name, p.category FROM lines l JOIN products p ON p.id = l.product_id WHERE l.${PURCHASE_LINE.replace(/ AND /g, ' AND l.')} AND l.customer_id = ? AND l.day >= ? ORDER BY l.day DESC, p.code`)
    .all(c.id, days[days.length - 1].day) as { day: number; code: string; name: string | null; category: string | null }[]);
  const byDay = new Map<number, CustomerView['timeline'][number]['products']>();
  for (const l of lines) (byDay.get(l.day) ?? byDay.set(l.day, []).get(l.day)!).push({ code: l.code, name: l.name, category: l.category });
  let recommendations: CustomerView['recommendations'] = [];
  if (runId !== undefined) {
    const run = getRun(db, runId);
    if (!run || run.analysis !== 'recommend') throw new WorkbenchError('invalid-input', `Run ${runId} is not a recommend run.`);
    const readReason = reasonReader(db, run, lang);
    recommendations = (db
      .prepare('SELECT r.rank, p.code AS product, p.name, p.category, r.score, r.reason FROM recommendations r JOIN products p ON p.id = r.product_id WHERE r.run_id = ? AND r.customer_id = ? ORDER BY r.rank')
      .all(runId, c.id) as CustomerView['recommendations']).map((r) => ({ ...r, reason: readReason(c.id, r.reason) }));
  }
  return {
    code: c.code, gender: c.gender, ageBand: c.age_band, region: c.region, receipts: totals.n, spend: totals.spend,
    timeline: days.map((d) => ({ date: iso(d.day), receipts: d.receipts, amount: d.amount, products: byDay.get(d.day) ?? [] })),
    recommendations,
  };
}
