import type { RulesSummary } from '../../model/rules.js';
import type { Db } from './open.js';
import { blobToInt32, readArtifact, typedToBlob, writeArtifact } from './segments.js';

/**
 * Storage of a `rules` run in run_artifacts (no table of its own): the item names once, and per
 * part (the whole data or one segment) its itemsets and rules as Int32 blobs — itemset CSR
 * (start, items, count) and rules as (itemset, antecedent mask), plus a 0/1 flag per rule for
 * "held by no other segment". Metrics are recomputed from the counts when read (exact, and 8
 * bytes a rule instead of 80).
 */
export interface StoredRulesPart {
  key: string;
  baskets: number;
  setStart: Int32Array;
  setItems: Int32Array;
  setCount: Int32Array;
  ruleItemset: Int32Array;
  ruleMask: Int32Array;
  /** 1 when no other segment holds the rule (segment=each), else 0; empty when not compared. */
  ruleUnique: Int32Array;
}

const FIELDS = ['setStart', 'setItems', 'setCount', 'ruleItemset', 'ruleMask', 'ruleUnique'] as const;

export function writeRulesItems(db: Db, runId: number, itemNames: readonly string[]): void {
  writeArtifact(db, runId, 'rules/items', JSON.stringify(itemNames));
}

export function writeRulesPart(db: Db, runId: number, part: StoredRulesPart): void {
  for (const f of FIELDS) writeArtifact(db, runId, `rules/${part.key}/${f}`, typedToBlob(part[f]));
}

export function readRulesItems(db: Db, runId: number): string[] {
  const b = readArtifact(db, runId, 'rules/items');
  if (!b) throw new Error(`run ${runId} has no stored rules`);
  return JSON.parse(b.toString('utf8')) as string[];
}

export function readRulesPart(db: Db, runId: number, summary: RulesSummary, key: string): StoredRulesPart {
  const part = summary.parts.find((p) => p.key === key);
  if (!part) throw new Error(`run ${runId} has no rules part '${key}'`);
  const out = { key, baskets: part.baskets } as StoredRulesPart;
  for (const f of FIELDS) {
    const b = readArtifact(db, runId, `rules/${key}/${f}`);
    out[f] = b ? blobToInt32(b) : new Int32Array(0);
  }
  return out;
}
