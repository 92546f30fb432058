import type { Cell } from '../data/export/csv-writer.js';
import { readMarketingCustomers } from '../data/store/marketing-results.js';
import type { Db } from '../data/store/open.js';
import { getRun } from '../data/store/runs.js';
import { readNames } from '../data/store/segments.js';
import type { RunRecord } from '../model/jobs.js';
import { OFFLINE_TIERS, type MarketingSummary } from '../model/marketing.js';
import { WorkbenchError } from '../model/result.js';

/** A `marketing-response` run, or a clear error naming what the run is. */
export function marketingRun(db: Db, runId: number): RunRecord & { summary: MarketingSummary } {
  const run = getRun(db, runId);
  if (!run) throw new WorkbenchError('not-found', `No run ${runId} in this project; \`runs\` lists them.`);
  if (run.analysis !== 'marketing-response') throw new WorkbenchError('invalid-input', `Run ${runId} is a ${run.analysis} run; this needs a marketing-response run (\`run marketing-response\`).`);
  return run as RunRecord & { summary: MarketingSummary };
}

export const MARKETING_HEADER = ['customer', 'segment', 'online_share', 'online_response', 'offline_tier', 'amount_low', 'amount_mid', 'amount_high'] as const;

/**
 * The `marketing` export (issue #11): one row per measured customer in customer id order —
 * code, segment name (empty without a segmentation), the raw online share and the scaled online
 * response, the responding offline tier (low / mid / high, `none` when no tier has a positive
 * amount, empty without an offline channel) and the amount per occurrence of each tier.
 * Numbers at full precision; empty where a measure does not exist.
 */
export function marketingExportRows(db: Db, runId: number): { header: string[]; rows: Iterable<Cell[]> } {
  const run = marketingRun(db, runId);
  const m = readMarketingCustomers(db, runId);
  // Current names of the segmentation (issue #14); once it is deleted, the names this run stored.
  const names = new Map(run.summary.segments.flatMap((g) => (g.segment === null ? [] : [[g.segment, g.name] as const])));
  if (run.summary.segmentRun !== null) for (const [s, name] of readNames(db, run.summary.segmentRun)) names.set(s, name);
  const codes = new Map(db.prepare('SELECT id, code FROM customers').raw().all() as [number, string][]);
  const num = (v: number): Cell => (Number.isNaN(v) ? '' : v);
  return {
    header: [...MARKETING_HEADER],
    rows: (function* () {
      for (let i = 0; i < m.customers.length; i++) {
        const s = m.segments[i];
        const t = m.tier[i];
        yield [
          codes.get(m.customers[i]) ?? String(m.customers[i]), s < 0 ? '' : (names.get(s) ?? `segment ${s}`),
          num(m.onlineShare[i]), num(m.onlineScaled[i]), t >= 0 ? OFFLINE_TIERS[t] : t === -1 ? 'none' : '',
          num(m.perTier[i * 3]), num(m.perTier[i * 3 + 1]), num(m.perTier[i * 3 + 2]),
        ];
      }
    })(),
  };
}
