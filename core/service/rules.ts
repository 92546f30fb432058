import { ruleMetrics, type RuleMetrics } from '../analysis/rules/metrics.js';
import { itemsetKey } from '../analysis/rules/rules.js';
import type { Cell } from '../data/export/csv-writer.js';
import { projectFileOf, type Db } from '../data/store/open.js';
import { readRulesItems, readRulesPart, type StoredRulesPart } from '../data/store/rule-results.js';
import { getRun } from '../data/store/runs.js';
import { withCurrentNames } from './run-names.js';
import type { RunRecord } from '../model/jobs.js';
import { WorkbenchError } from '../model/result.js';
import { RULES_SCATTER_MAX, type RuleRow, type RuleSortKey, type RulesSummary, type RulesView } from '../model/rules.js';

/** A `rules` run, or a clear error naming what the run is. */
export function rulesRun(db: Db, runId: number): RunRecord & { summary: RulesSummary } {
  const run = getRun(db, runId);
  if (!run) throw new WorkbenchError('not-found', `No run ${runId} in this project; \`runs\` lists them.`);
  if (run.analysis !== 'rules') throw new WorkbenchError('invalid-input', `Run ${runId} is a ${run.analysis} run; this needs a rules run (\`run rules\`).`);
  // Part names as the segments are named now (issue #14), in the page and the export alike.
  return withCurrentNames(db, run) as RunRecord & { summary: RulesSummary };
}

/** One part's rules with their metrics as columns, and the item ids of both sides. */
interface RuleTable {
  antecedents: number[][];
  consequents: number[][];
  metrics: RuleMetrics[];
  unique: Int32Array;
}

function ruleTable(part: StoredRulesPart): RuleTable {
  const counts = new Map<string, number>();
  for (let k = 0; k < part.setCount.length; k++) counts.set(itemsetKey(part.setItems.subarray(part.setStart[k], part.setStart[k + 1])), part.setCount[k]);
  const n = part.baskets;
  const t: RuleTable = { antecedents: [], consequents: [], metrics: [], unique: part.ruleUnique };
  for (let r = 0; r < part.ruleItemset.length; r++) {
    const k = part.ruleItemset[r], mask = part.ruleMask[r];
    const a: number[] = [], c: number[] = [];
    for (let j = part.setStart[k]; j < part.setStart[k + 1]; j++) (mask & (1 << (j - part.setStart[k])) ? a : c).push(part.setItems[j]);
    t.antecedents.push(a);
    t.consequents.push(c);
    t.metrics.push(ruleMetrics(counts.get(a.join(','))! / n, counts.get(c.join(','))! / n, part.setCount[k] / n));
  }
  return t;
}

// The last table read: paging and sorting the same run's rules re-use it (runs never change once stored).
let cached: { key: string; table: RuleTable; items: string[] } | null = null;

function cachedTable(db: Db, run: RunRecord & { summary: RulesSummary }, key: string): { table: RuleTable; items: string[] } {
  const id = `${projectFileOf(db)}\u0000${run.id}\u0000${run.startedAt}\u0000${key}`;
  if (cached?.key !== id) cached = { key: id, table: ruleTable(readRulesPart(db, run.id, run.summary, key)), items: readRulesItems(db, run.id) };
  return cached;
}

export interface RulesViewOptions {
  part?: string;
  sort?: RuleSortKey;
  desc?: boolean;
  /** Keeps rules with an item whose name contains this (case-insensitive). */
  search?: string;
  minConfidence?: number;
  minLift?: number;
  /** segment=each: only the rules no other segment holds. */
  uniqueOnly?: boolean;
  offset?: number;
  limit?: number;
}

/** A page of a rules run's rules for the Rules page: sorted (ties by rule order), filtered, with scatter points. */
export function rulesView(db: Db, runId: number, o: RulesViewOptions = {}): RulesView {
  const run = rulesRun(db, runId);
  const part = o.part ?? run.summary.parts[0]?.key ?? 'all';
  if (!run.summary.parts.some((p) => p.key === part)) throw new WorkbenchError('not-found', `Run ${runId} has no part '${part}'; parts: ${run.summary.parts.map((p) => p.key).join(', ')}.`);
  const { table, items } = cachedTable(db, run, part);
  const needle = (o.search ?? '').trim().toLowerCase();
  const itemHit = needle === '' ? null : items.map((name) => name.toLowerCase().includes(needle));
  const keep: number[] = [];
  for (let r = 0; r < table.metrics.length; r++) {
    const m = table.metrics[r];
    if (o.minConfidence !== undefined && m.confidence < o.minConfidence) continue;
    if (o.minLift !== undefined && m.lift < o.minLift) continue;
    if (o.uniqueOnly && table.unique[r] !== 1) continue;
    if (itemHit && !table.antecedents[r].some((i) => itemHit[i]) && !table.consequents[r].some((i) => itemHit[i])) continue;
    keep.push(r);
  }
  const sort = o.sort ?? 'lift';
  const dir = o.desc === false ? 1 : -1;
  keep.sort((x, y) => {
    const a = table.metrics[x][sort], b = table.metrics[y][sort];
    return a < b ? -dir : a > b ? dir : x - y;
  });
  const offset = o.offset ?? 0, limit = Math.min(o.limit ?? 200, 5000);
  const names = (ids: number[]) => ids.map((i) => items[i]).sort();
  const rows: RuleRow[] = keep.slice(offset, offset + limit).map((r) => {
    const m = table.metrics[r];
    return {
      antecedents: names(table.antecedents[r]), consequents: names(table.consequents[r]),
      ...m, conviction: Number.isFinite(m.conviction) ? m.conviction : null,
      ...(table.unique.length > 0 ? { unique: table.unique[r] === 1 } : {}),
    };
  });
  const points = keep.slice(0, RULES_SCATTER_MAX).map((r): [number, number, number] => [table.metrics[r].support, table.metrics[r].confidence, table.metrics[r].lift]);
  return { summary: run.summary, part, total: keep.length, rows, points };
}

export const RULES_HEADER = ['segment', 'antecedents', 'consequents', 'antecedent support', 'consequent support', 'support', 'confidence', 'lift', 'leverage', 'conviction', 'zhangs_metric'] as const;

/**
 * The `rules` export (issue #11 contract): one row per rule of every part, in the run's order —
 * segment name (empty for the whole data), items as names joined by ` & ` in ascending order,
 * metrics at full precision, conviction `inf` when confidence is 1.
 */
export function rulesExportRows(db: Db, runId: number): { header: string[]; rows: Iterable<Cell[]> } {
  const run = rulesRun(db, runId);
  const items = readRulesItems(db, runId);
  return {
    header: [...RULES_HEADER],
    rows: (function* () {
      for (const p of run.summary.parts) {
        const t = ruleTable(readRulesPart(db, runId, run.summary, p.key));
        const segment = p.segment === null ? '' : p.name;
        const join = (ids: number[]) => ids.map((i) => items[i]).sort().join(' & ');
        for (let r = 0; r < t.metrics.length; r++) {
          const m = t.metrics[r];
          yield [segment, join(t.antecedents[r]), join(t.consequents[r]), m.antecedentSupport, m.consequentSupport, m.support, m.confidence, m.lift, m.leverage, Number.isFinite(m.conviction) ? m.conviction : 'inf', m.zhangsMetric];
        }
      }
    })(),
  };
}
