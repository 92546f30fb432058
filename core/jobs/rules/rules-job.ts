import { mineRules, TooManyItemsetsError, pick, type MinedRules } from '../../analysis/rules/index.js';
import { sha256Text } from '../../data/hash.js';
import { openProject, type Db } from '../../data/store/open.js';
import { dataCapabilities, missingFieldReason, type DataCapabilities } from '../../data/store/queries/capabilities.js';
import { ruleBaskets, type RuleBaskets } from '../../data/store/queries/rule-baskets.js';
import { writeRulesItems, writeRulesPart } from '../../data/store/rule-results.js';
import { dataFingerprint } from '../../data/store/runs.js';
import { segmentsOf } from '../../data/store/segments.js';
import type { RulesPart, RulesSummary } from '../../model/rules.js';
import { WorkbenchError } from '../../model/result.js';
import { recordRunWith } from '../run-record.js';
import type { JobContext, JobDefinition } from '../types.js';
import { rulesParamInfo, rulesParams, type RulesParams } from './params.js';

interface Part {
  key: string;
  segment: number | null;
  name: string;
  basketIds: Int32Array;
}

/** The parts to mine: the whole data, one segment, or every segment (segment=each). */
function partsOf(db: Db, p: RulesParams, b: RuleBaskets): Part[] {
  const all = Int32Array.from({ length: b.customer.length }, (_, i) => i);
  if (p.segmentRun === undefined) {
    if (p.segment !== undefined) throw new WorkbenchError('invalid-input', 'segment needs segmentRun (the segmentation the segment belongs to).');
    return [{ key: 'all', segment: null, name: 'all', basketIds: all }];
  }
  const { segmentOf, ids, nameOf } = segmentsOf(db, p.segmentRun);
  let chosen = ids;
  if (p.segment !== undefined && p.segment !== 'each') {
    const byId = /^-?\d+$/.test(p.segment) ? Number(p.segment) : ids.find((s) => nameOf(s) === p.segment);
    if (byId === undefined || !ids.includes(byId)) throw new WorkbenchError('not-found', `Run ${p.segmentRun} has no segment '${p.segment}'; its segments: ${ids.map(nameOf).join(', ')}.`);
    chosen = [byId];
  }
  const lists = new Map<number, number[]>(chosen.map((s) => [s, []]));
  for (let i = 0; i < b.customer.length; i++) lists.get(segmentOf.get(b.customer[i]) ?? -2)?.push(i);
  return chosen.map((s) => ({ key: `seg${s}`, segment: s, name: nameOf(s), basketIds: Int32Array.from(lists.get(s)!) }));
}

/** The CSR baskets of a subset of basket ids. */
function subset(b: RuleBaskets, ids: Int32Array) {
  const start = new Int32Array(ids.length + 1);
  for (let k = 0; k < ids.length; k++) start[k + 1] = start[k] + b.start[ids[k] + 1] - b.start[ids[k]];
  const items = new Int32Array(start[ids.length]);
  for (let k = 0; k < ids.length; k++) items.set(b.items.subarray(b.start[ids[k]], b.start[ids[k] + 1]), start[k]);
  return { start, items, itemCount: b.itemNames.length };
}

/** Rule key (antecedent item ids → consequent item ids) for the segment comparison. */
function ruleKeys(m: MinedRules): string[] {
  const s = m.itemsets;
  return Array.from(m.rules.itemset, (k, r) => {
    const len = s.start[k + 1] - s.start[k];
    const mask = m.rules.antecedentMask[r];
    return `${pick(s, k, mask).join(',')}>${pick(s, k, ((1 << len) - 1) & ~mask).join(',')}`;
  });
}

/** What the basket kind needs from the data, refused in one sentence when missing. */
function checkData(caps: DataCapabilities, p: RulesParams): void {
  const needs: (keyof DataCapabilities)[] = ['lines', 'products'];
  if (p.basket !== 'receipt' || p.segmentRun !== undefined) needs.push('customers');
  if (p.basket === 'customer-day') needs.push('dates');
  const reason = missingFieldReason(caps, `rules (basket=${p.basket}${p.segmentRun !== undefined ? ', segments' : ''})`, needs);
  if (reason) throw new WorkbenchError('invalid-input', reason);
}

/** A category level needs products with a category at that level: refused in one sentence rather than mining zero baskets. */
function checkLevel(db: Db, level: RulesParams['level']): void {
  if (level === 'product') return;
  const column = level === 'category' ? 'category' : 'category2';
  if (db.prepare(`SELECT 1 FROM products WHERE ${column} IS NOT NULL AND ${column} <> '' LIMIT 1`).get() === undefined) {
    throw new WorkbenchError('invalid-input', `rules at level=${level} need product categories, which this project's data does not have; use level=product.`);
  }
}

/**
 * Association rules (issue #11; SPEC §3.6, seed 004): baskets from the store (SQL aggregation),
 * long-tail removal, FP-growth itemsets and mlxtend-style rules (core/analysis/rules), per part;
 * stored as a run with its itemsets and rules in run_artifacts.
 */
export const rulesJob: JobDefinition<RulesParams, RulesSummary> = {
  id: 'rules',
  title: 'Association rules (basket analysis)',
  titleKo: '연관 규칙 (장바구니 분석)',
  description: 'Frequent itemsets by FP-growth and rules A → C with support, confidence, lift, leverage, conviction and Zhang\'s metric; per receipt, customer-day or customer; product or category level; long-tail mode; per segment.',
  descriptionKo: 'FP-growth로 빈발 항목 집합을 찾고 규칙 A → C를 지지도, 신뢰도, 향상도, 레버리지, 확신도, Zhang 지표와 함께 구합니다. 영수증·고객-일·고객 단위, 상품·카테고리 수준, 롱테일 모드, 세그먼트별로 볼 수 있습니다.',
  isAnalysis: true,
  params: rulesParams,
  paramInfo: rulesParamInfo,
  async run(ctx: JobContext, p: RulesParams) {
    const t0 = performance.now();
    const db = openProject(ctx.project);
    try {
      checkData(dataCapabilities(db), p);
      checkLevel(db, p.level);
      ctx.progress({ phase: 'read', done: 0, total: 1, message: `${p.basket} baskets at ${p.level} level` });
      const b = ruleBaskets(db, p.basket, p.level);
      ctx.throwIfCancelled();
      const parts = partsOf(db, p, b);
      const mined: MinedRules[] = [];
      for (const [i, part] of parts.entries()) {
        ctx.progress({ phase: 'mine', done: i, total: parts.length, unit: 'parts', message: part.name });
        try {
          mined.push(mineRules(subset(b, part.basketIds), { ...p }, (phase, done, total) => {
            ctx.throwIfCancelled();
            ctx.progress({ phase, done, total, message: part.name });
          }));
        } catch (err) {
          if (err instanceof TooManyItemsetsError) throw new WorkbenchError('invalid-input', parts.length > 1 ? `${part.name}: ${err.message}` : err.message, { maxItemsets: err.maxItemsets, minCount: err.minCount });
          throw err;
        }
      }
      ctx.throwIfCancelled();
      // segment=each: a rule is unique to a segment when no other segment holds it.
      const unique: Int32Array[] = mined.map((m) => new Int32Array(parts.length > 1 ? m.rules.itemset.length : 0));
      if (parts.length > 1) {
        const keys = mined.map(ruleKeys);
        const holders = new Map<string, number>();
        for (const ks of keys) for (const k of ks) holders.set(k, (holders.get(k) ?? 0) + 1);
        keys.forEach((ks, i) => ks.forEach((k, r) => (unique[i][r] = holders.get(k) === 1 ? 1 : 0)));
      }
      const partSummaries: RulesPart[] = parts.map((part, i) => ({
        key: part.key, segment: part.segment, name: part.name, baskets: mined[i].baskets, droppedBaskets: mined[i].droppedBaskets,
        items: mined[i].items, itemsets: mined[i].itemsets.count.length, rules: mined[i].rules.itemset.length,
        ...(parts.length > 1 ? { uniqueRules: unique[i].reduce((s, v) => s + v, 0) } : {}),
      }));
      const used = new Uint8Array(b.itemNames.length);
      parts.forEach((part, i) => {
        const excluded = new Set(mined[i].excluded);
        for (const id of part.basketIds) for (let j = b.start[id]; j < b.start[id + 1]; j++) if (!excluded.has(b.items[j])) used[b.items[j]] = 1;
      });
      ctx.progress({ phase: 'store', done: 0, total: 1, message: 'rules' });
      const fingerprint = dataFingerprint(db, sha256Text);
      const params = { ...p };
      return recordRunWith(db, ctx, 'rules', params, fingerprint, (runId): RulesSummary => {
        writeRulesItems(db, runId, b.itemNames);
        mined.forEach((m, i) => writeRulesPart(db, runId, {
          key: parts[i].key, baskets: m.baskets, setStart: m.itemsets.start, setItems: m.itemsets.items, setCount: m.itemsets.count,
          ruleItemset: m.rules.itemset, ruleMask: m.rules.antecedentMask, ruleUnique: unique[i],
        }));
        const sum = (f: (x: RulesPart) => number) => partSummaries.reduce((s, x) => s + f(x), 0);
        return {
          runId, basket: p.basket, level: p.level,
          baskets: sum((x) => x.baskets), items: used.reduce((s, v) => s + v, 0), itemsets: sum((x) => x.itemsets), rules: sum((x) => x.rules),
          droppedBaskets: sum((x) => x.droppedBaskets),
          excludedItems: [...new Set(mined.flatMap((m) => m.excluded))].map((i) => b.itemNames[i]),
          minCount: mined[0]?.minCount ?? 1, segmentRun: p.segmentRun ?? null, parts: partSummaries,
          seconds: (performance.now() - t0) / 1000,
        };
      }).summary;
    } finally {
      db.close();
    }
  },
};
