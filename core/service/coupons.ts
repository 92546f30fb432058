import type { Cell } from '../data/export/csv-writer.js';
import { readCouponCustomers } from '../data/store/coupon-results.js';
import type { Db } from '../data/store/open.js';
import { getRun } from '../data/store/runs.js';
import { readMembers, readNames } from '../data/store/segments.js';
import type { CouponSummary } from '../model/coupons.js';
import type { RunRecord } from '../model/jobs.js';
import { WorkbenchError } from '../model/result.js';
import { segmentationRun } from './segments.js';

/** A `coupon-sensitivity` run, or a clear error naming what the run is. */
export function couponRun(db: Db, runId: number): RunRecord & { summary: CouponSummary } {
  const run = getRun(db, runId);
  if (!run) throw new WorkbenchError('not-found', `No run ${runId} in this project; \`runs\` lists them.`);
  if (run.analysis !== 'coupon-sensitivity') throw new WorkbenchError('invalid-input', `Run ${runId} is a ${run.analysis} run; this needs a coupon-sensitivity run (\`run coupon-sensitivity\`).`);
  return run as RunRecord & { summary: CouponSummary };
}

/**
 * The `coupons` export (issue #11): one row per customer with an offered line, by ascending id —
 * customer code, segment name (of `segmentRun` when given, else of the run's own segmentRun; empty
 * without one), cluster (empty when left out for too few offers), sensitive (true/false, empty when
 * left out), then the use rate at each discount level (`rate_<level>`, empty at a level the
 * customer was never offered) and the offered lines at each level (`offers_<level>`).
 */
export function couponExportRows(db: Db, runId: number, params: Record<string, string> = {}): { header: string[]; rows: Iterable<Cell[]> } {
  const run = couponRun(db, runId);
  const s = run.summary;
  const stored = readCouponCustomers(db, runId);
  const segRun = params.segmentRun !== undefined ? Number(params.segmentRun) : s.segmentRun;
  let segmentName: Map<number, string> | null = null;
  if (segRun !== null) {
    segmentationRun(db, segRun);
    const m = readMembers(db, segRun);
    const names = readNames(db, segRun);
    segmentName = new Map();
    m.customers.forEach((c, i) => segmentName!.set(c, m.segments[i] < 0 ? '' : names.get(m.segments[i]) ?? `segment ${m.segments[i]}`));
  }
  const codes = new Map<number, string>();
  for (const [id, code] of db.prepare('SELECT id, code FROM customers').raw().iterate() as IterableIterator<[number, string]>) codes.set(id, code);
  const L = s.levels.length;
  return {
    header: ['customer', 'segment', 'cluster', 'sensitive', ...s.levels.map((l) => `rate_${l}`), ...s.levels.map((l) => `offers_${l}`)],
    rows: (function* () {
      for (let i = 0; i < stored.customers.length; i++) {
        const id = stored.customers[i], c = stored.cluster[i];
        const rates: Cell[] = [], offers: Cell[] = [];
        for (let l = 0; l < L; l++) {
          const o = stored.offered[i * L + l];
          rates.push(o > 0 ? stored.used[i * L + l] / o : '');
          offers.push(o);
        }
        yield [codes.get(id) ?? String(id), segmentName?.get(id) ?? '', c < 0 ? '' : c, c < 0 ? '' : String(s.clusters[c].sensitive), ...rates, ...offers];
      }
    })(),
  };
}
