import { mannWhitneyU } from '../analysis/stats/mann-whitney.js';
import { adjustPValues } from '../analysis/stats/p-adjust.js';
import type { Cell } from '../data/export/csv-writer.js';
import type { Db } from '../data/store/open.js';
import { getRun } from '../data/store/runs.js';
import { readMembers, readNames } from '../data/store/segments.js';
import { readClv, type StoredClv } from '../data/store/value-results.js';
import type { RunRecord } from '../model/jobs.js';
import { WorkbenchError } from '../model/result.js';
import { CLV_HEADER, type ClvComparisonRow, type ClvCustomerRow, type ClvGroup, type ClvStats, type ClvSummary, type ClvView } from '../model/value.js';
import { segmentationRun } from './segments.js';

/** A `clv` run, or a clear error naming what the run is. */
export function clvRun(db: Db, runId: number): RunRecord & { summary: ClvSummary } {
  const run = getRun(db, runId);
  if (!run) throw new WorkbenchError('not-found', `No run ${runId} in this project; \`runs\` lists them.`);
  if (run.analysis !== 'clv') throw new WorkbenchError('invalid-input', `Run ${runId} is a ${run.analysis} run; this needs a clv run (\`run clv\`).`);
  return run as RunRecord & { summary: ClvSummary };
}

function codes(db: Db): Map<number, string> {
  return new Map(db.prepare('SELECT id, code FROM customers').raw().all() as [number, string][]);
}

function row(t: StoredClv, i: number, code: string): ClvCustomerRow {
  return { customer: code, frequency: t.frequency[i], recency: t.recency[i], T: t.T[i], monetary: t.monetary[i], pAlive: t.pAlive[i], expectedPurchases: t.expectedPurchases[i], expectedValue: t.expectedValue[i] };
}

/**
 * The `clv` export (issue #13 contract: header CLV_HEADER): one row per customer in internal id
 * order — frequency, recency and T in the run's time unit over the whole data, monetary (mean
 * repeat purchase amount, 0 without repeat purchases), P(alive), expected purchases and
 * discounted expected value over the horizon, at full precision.
 */
export function clvExportRows(db: Db, runId: number): { header: string[]; rows: Iterable<Cell[]> } {
  clvRun(db, runId);
  const t = readClv(db, runId);
  const code = codes(db);
  return {
    header: [...CLV_HEADER],
    rows: (function* () {
      for (let i = 0; i < t.ids.length; i++) yield [code.get(t.ids[i]) ?? String(t.ids[i]), t.frequency[i], t.recency[i], t.T[i], t.monetary[i], t.pAlive[i], t.expectedPurchases[i], t.expectedValue[i]];
    })(),
  };
}

/** Quantile by linear interpolation between order statistics (R type 7, numpy's default) of a sorted array. */
function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const h = (sorted.length - 1) * q, lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

function stats(values: Float64Array): ClvStats {
  const s = Float64Array.from(values).sort();
  const mean = s.length ? s.reduce((a, v) => a + v, 0) / s.length : 0;
  return { min: s[0] ?? 0, q1: quantile(s, 0.25), median: quantile(s, 0.5), q3: quantile(s, 0.75), max: s[s.length - 1] ?? 0, mean };
}

function group(t: StoredClv, idx: number[], segment: number | null, name: string): ClvGroup {
  const value = Float64Array.from(idx, (i) => t.expectedValue[i]), alive = Float64Array.from(idx, (i) => t.pAlive[i]);
  const hist = new Array<number>(10).fill(0);
  let risk = 0;
  for (const p of alive) {
    hist[Math.min(9, Math.floor(p * 10))]++;
    if (p < 0.5) risk++;
  }
  let purchases = 0;
  for (const i of idx) purchases += t.expectedPurchases[i];
  return {
    segment, name, customers: idx.length, value: stats(value), totalValue: value.reduce((a, v) => a + v, 0), pAlive: stats(alive), pAliveHistogram: hist, atRiskShare: idx.length ? risk / idx.length : 0,
    meanExpectedPurchases: idx.length ? purchases / idx.length : 0,
  };
}

export interface ClvViewOptions {
  /** A segmentation run: CLV and P(alive) per segment. */
  segmentRun?: number;
  /** A customer code to look up. */
  customer?: string;
}

/** A clv run as the Value page shows it: the fit and check (summary), distributions per group, the top customers, one customer. */
export function clvView(db: Db, runId: number, o: ClvViewOptions = {}): ClvView {
  const run = clvRun(db, runId);
  const t = readClv(db, runId);
  const code = codes(db);
  const all = Array.from({ length: t.ids.length }, (_, i) => i);
  const groups = [group(t, all, null, 'all')];
  if (o.segmentRun !== undefined) {
    segmentationRun(db, o.segmentRun);
    const m = readMembers(db, o.segmentRun), names = readNames(db, o.segmentRun);
    const segOf = new Map<number, number>();
    m.customers.forEach((c, i) => segOf.set(c, m.segments[i]));
    const by = new Map<number, number[]>();
    for (const i of all) {
      const s = segOf.get(t.ids[i]);
      if (s === undefined) continue;
      if (!by.has(s)) by.set(s, []);
      by.get(s)!.push(i);
    }
    for (const s of [...by.keys()].sort((a, b) => a - b)) groups.push(group(t, by.get(s)!, s, names.get(s) ?? (s === -1 ? 'outliers' : `segment ${s}`)));
  }
  const top = all.slice().sort((a, b) => t.expectedValue[b] - t.expectedValue[a] || a - b).slice(0, 20).map((i) => row(t, i, code.get(t.ids[i]) ?? String(t.ids[i])));
  let customer: ClvCustomerRow | null = null;
  const wanted = o.customer?.trim();
  if (wanted) {
    const id = (db.prepare('SELECT id FROM customers WHERE code = ?').get(wanted) as { id: number } | undefined)?.id;
    const i = id === undefined ? -1 : t.ids.indexOf(id);
    if (i >= 0) customer = row(t, i, wanted);
  }
  return { summary: run.summary, groups, top, customer };
}

/** What the campaign export keeps of a clv run: customers by internal id with their P(alive) and value. */
export interface ClvCampaignFilter {
  keep(customerId: number): { pAlive: number; value: number } | null;
}

/**
 * The campaign builder's CLV filter (issue #13: "high value, P(alive) < 0.5 — at risk"): params
 * `clvRun` (a clv run), `minValue` (expected value at least this), `minPAlive` / `maxPAlive`
 * (P(alive) in [min, max)); null without `clvRun`. Customers the clv run has no row for are
 * dropped when it is given. Refuses a filter without `clvRun`, or a value that is not a number.
 */
export function clvCampaignFilter(db: Db, params: Record<string, string>): ClvCampaignFilter | null {
  const num = (name: string): number | undefined => {
    const v = params[name];
    if (v === undefined || v.trim() === '') return undefined;
    const x = Number(v);
    if (!Number.isFinite(x)) throw new WorkbenchError('invalid-input', `${name} must be a number, got '${v}'.`);
    return x;
  };
  const minValue = num('minValue'), minPAlive = num('minPAlive'), maxPAlive = num('maxPAlive');
  if (params.clvRun === undefined) {
    if (minValue !== undefined || minPAlive !== undefined || maxPAlive !== undefined) throw new WorkbenchError('invalid-input', 'minValue, minPAlive and maxPAlive need clvRun (the clv run whose values they filter on).');
    return null;
  }
  const runId = Number(params.clvRun);
  if (!Number.isInteger(runId) || runId < 1) throw new WorkbenchError('invalid-input', `clvRun must be a run id, got '${params.clvRun}'.`);
  clvRun(db, runId);
  const t = readClv(db, runId);
  const at = new Map<number, number>();
  t.ids.forEach((id, i) => at.set(id, i));
  return {
    keep(customerId) {
      const i = at.get(customerId);
      if (i === undefined) return null;
      const pAlive = t.pAlive[i], value = t.expectedValue[i];
      if (minValue !== undefined && !(value >= minValue)) return null;
      if (minPAlive !== undefined && !(pAlive >= minPAlive)) return null;
      if (maxPAlive !== undefined && !(pAlive < maxPAlive)) return null;
      return { pAlive, value };
    },
  };
}

/**
 * CLV, P(alive) and expected purchases of two segments of a segmentation run side by side (the
 * Compare page with a clv run picked): means over the segments' customers that the clv run has,
 * a Mann–Whitney U test per measure (effect = common-language effect size, as the category tests)
 * and Holm-adjusted p-values over the three.
 */
export function clvComparison(db: Db, segmentRun: number, a: number, b: number, clvRunId: number): ClvComparisonRow[] {
  clvRun(db, clvRunId);
  const t = readClv(db, clvRunId);
  const at = new Map<number, number>();
  t.ids.forEach((id, i) => at.set(id, i));
  const m = readMembers(db, segmentRun);
  const rowsA: number[] = [], rowsB: number[] = [];
  m.segments.forEach((s, i) => {
    const r = at.get(m.customers[i]);
    if (r === undefined) return;
    if (s === a) rowsA.push(r);
    else if (s === b) rowsB.push(r);
  });
  const measures = [['clv', t.expectedValue], ['p_alive', t.pAlive], ['expected_purchases', t.expectedPurchases]] as const;
  const mean = (v: Float64Array) => (v.length ? v.reduce((x, y) => x + y, 0) / v.length : NaN);
  const tests = measures.map(([name, col]) => {
    const x = Float64Array.from(rowsA, (r) => col[r]), y = Float64Array.from(rowsB, (r) => col[r]);
    if (x.length === 0 || y.length === 0) return { name, customersA: x.length, customersB: y.length, meanA: mean(x), meanB: mean(y), u: NaN, pValue: NaN, effect: NaN };
    const u = mannWhitneyU(x, y);
    return { name, customersA: x.length, customersB: y.length, meanA: mean(x), meanB: mean(y), u: u.u, pValue: u.pValue, effect: u.effect };
  });
  const finite = tests.filter((x) => Number.isFinite(x.pValue));
  const adjusted = adjustPValues(finite.map((x) => x.pValue), 'holm');
  return tests.map((x) => ({ ...x, pAdjusted: Number.isFinite(x.pValue) ? adjusted[finite.indexOf(x)] : NaN }));
}
