import type { Db } from '../../data/store/open.js';
import type { RecommendEvalSummary } from '../../model/recommend.js';
import { verdictOf, type Versus } from '../../model/recommend-verdict.js';
import type { OverviewResult } from '../../model/overview.js';
import type { RunRecord } from '../../model/jobs.js';
import type { ReportBlock, ReportLang } from '../../model/report.js';
import { segmentNameIn } from '../../analysis/segment/segment-names.js';
import { isSegmentAnalysis } from '../../model/segment.js';
import { compareRuns, compareSegments, segmentationView } from '../segments.js';
import { forecastView } from '../forecast.js';
import { rulesView } from '../rules.js';
import type { ReportFormat } from './format.js';
import { paramText } from './format.js';
import type { ReportLabels } from './labels.js';

/**
 * The figures of one report section, per kind of run: segmentations, recommender evaluations and
 * the Overview have their own views; every other analysis (rules, forecast, value, marketing,
 * coupons, campaigns…) shows its summary's figures and its first table — the same mechanism, so a
 * new analysis appears in reports without code here.
 */

export interface SectionContext {
  db: Db;
  t: ReportLabels;
  f: ReportFormat;
  /** Default segment names are said in it (a name the analyst gave stays as typed). */
  lang: ReportLang;
}

/** Rows a report table shows at most; the rest is in the run's export. */
const MAX_ROWS = 25;

function table(title: string | undefined, columns: string[], rows: string[][], t: ReportLabels): ReportBlock {
  const shown = rows.slice(0, MAX_ROWS);
  return { kind: 'table', ...(title === undefined ? {} : { title }), columns, rows: shown, ...(rows.length > shown.length ? { note: t.moreRows(rows.length - shown.length) } : {}) };
}

function segmentationBlocks(ctx: SectionContext, runId: number): ReportBlock[] {
  const { t, f } = ctx;
  const view = segmentationView(ctx.db, runId);
  const s = view.summary;
  const facts = [
    { label: t.segments, value: f.int(s.segments) },
    { label: t.customers, value: f.int(s.customers) },
    { label: t.noise, value: f.int(s.noise) },
    { label: t.features, value: s.featureNames.join(', ') || s.featureSet },
    { label: t.scaling, value: s.scaling },
    ...(s.choice ? [{ label: t.kChoice, value: `k = ${s.choice.k} (${s.choice.why})` }] : []),
  ];
  const profiles = [...view.profiles]
    .sort((a, b) => (a.segment === -1 ? 1 : b.segment === -1 ? -1 : a.segment - b.segment))
    .map((p) => ({ ...p, name: segmentNameIn(p.name, ctx.lang) }));
  return [
    { kind: 'facts', rows: facts },
    { kind: 'chart', chart: { kind: 'bars', title: t.segmentSizes, labels: profiles.map((p) => p.name), values: profiles.map((p) => p.customers), format: 'int' } },
    table(undefined, [t.segment, t.customers, t.share, t.spendShare, t.meanSpend, t.topCategory], profiles.map((p) => [
      p.name, f.int(p.customers), f.pct(p.customerShare), f.pct(p.spendShare), f.money(p.meanSpend), p.topCategories[0]?.category ?? '–',
    ]), t),
    ...(s.notes ?? []).map((text): ReportBlock => ({ kind: 'text', text })),
  ];
}

// Differences of nDCG (|x| ≤ 1) with four fixed decimals, as the job and the Recommend page write them.
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(4)}`;
const bound = (x: number) => `${x < 0 ? '−' : ''}${Math.abs(x).toFixed(4)}`;

/** The evaluation's verdict in the report's language, from the run's structure (the stored sentence is English). */
function verdictText(t: ReportLabels, summary: RecommendEvalSummary, k: number): string {
  const v = verdictOf(summary.models, k);
  if (!v) return summary.verdict;
  const newValue = v.bestNew.value.toFixed(4);
  if (!v.comparison) return t.verdictBest(k, v.best.id, v.best.value.toFixed(4), v.bestNew.id, newValue);
  const args = (x: Versus) => ({ model: x.id, baseline: x.baseline, diff: signed(x.diff), low: bound(x.low), high: bound(x.high) });
  const parts = v.comparison.wins.length > 0 ? v.comparison.wins.map((x) => t.verdictWins(k, args(x))) : [t.verdictNone(k, v.comparison.baseline)];
  for (const x of v.comparison.ties) parts.push(t.verdictTies(args(x)));
  return `${parts.join('; ')}; ${t.verdictNew(v.bestNew.id, newValue)}`;
}

function evaluationBlocks(ctx: SectionContext, summary: RecommendEvalSummary): ReportBlock[] {
  const { t, f } = ctx;
  const k = Math.max(...summary.ks);
  const metrics = [`hr@${k}`, `ndcg@${k}`, `recall@${k}`, 'coverage'];
  const models = [...summary.models].sort((a, b) => (b.metrics?.[`ndcg@${k}`] ?? 0) - (a.metrics?.[`ndcg@${k}`] ?? 0));
  return [
    { kind: 'text', text: `${t.verdict}: ${verdictText(t, summary, k)}` },
    { kind: 'facts', rows: [{ label: t.cutoff, value: summary.cutoff }, { label: t.evaluated, value: f.int(summary.customers) }, { label: t.testDays, value: f.int(summary.testDays) }] },
    { kind: 'chart', chart: { kind: 'bars', title: `nDCG@${k}`, labels: models.map((m) => m.id), values: models.map((m) => m.metrics?.[`ndcg@${k}`] ?? Number.NaN), format: 'dec' } },
    table(undefined, [t.model, ...metrics], models.map((m) => [m.id, ...metrics.map((name) => f.dec(m.metrics?.[name]))]), t),
  ];
}

function overviewBlocks(ctx: SectionContext, o: OverviewResult): ReportBlock[] {
  const { t, f } = ctx;
  const k = o.kpis;
  const blocks: ReportBlock[] = [{
    kind: 'facts',
    rows: [
      { label: t.period, value: `${k.firstDate ?? '–'} … ${k.lastDate ?? '–'} (${f.int(k.days)} ${t.days})` },
      { label: t.customers, value: f.int(k.customers) },
      { label: t.receipts, value: f.int(k.receipts) },
      { label: t.sales, value: f.money(k.sales) },
      { label: t.meanBasket, value: f.money(k.meanBasketValue) },
      { label: t.returnShare, value: f.pct(k.returnShare) },
    ],
  }];
  const monthly = o.channelTrend?.available ? o.channelTrend.monthly : null;
  if (monthly && monthly.periods.length > 0) {
    const values = monthly.periods.map((_, i) => monthly.series.reduce((sum, s) => sum + (s.sales[i] ?? 0), 0));
    blocks.push({ kind: 'chart', chart: { kind: 'line', title: t.monthlySales, unit: f.moneyUnit || undefined, labels: monthly.periods, values, format: 'money' } });
  }
  const top = o.topCategories?.available ? o.topCategories.level1.bySales.slice(0, 10) : [];
  if (top.length > 0) blocks.push({ kind: 'chart', chart: { kind: 'bars', title: t.topCategories, unit: f.moneyUnit || undefined, labels: top.map((r) => r.name), values: top.map((r) => r.sales), format: 'money' } });
  return blocks;
}

const isScalar = (v: unknown): v is string | number | boolean => typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= 400);

/** Any other analysis: its summary's scalar figures, then each list of records as a table. */
function genericBlocks(ctx: SectionContext, summary: unknown): ReportBlock[] {
  const { t, f } = ctx;
  if (summary === null || typeof summary !== 'object') return [];
  const cell = (v: unknown): string => (typeof v === 'number' ? (Number.isInteger(v) ? f.int(v) : f.dec(v)) : isScalar(v) ? String(v) : paramText(v));
  const entries = Object.entries(summary as Record<string, unknown>).filter(([key]) => key !== 'runId');
  const blocks: ReportBlock[] = [];
  const facts = entries.filter(([, v]) => isScalar(v)).map(([label, v]) => ({ label, value: cell(v) }));
  if (facts.length > 0) blocks.push({ kind: 'facts', rows: facts });
  for (const [key, value] of entries) {
    if (!Array.isArray(value) || value.length === 0 || !value.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) continue;
    const rows = value as Record<string, unknown>[];
    const columns = Object.keys(rows[0]).filter((c) => rows.some((r) => isScalar(r[c]))).slice(0, 8);
    if (columns.length === 0) continue;
    blocks.push(table(key, columns, rows.map((r) => columns.map((c) => (r[c] === undefined ? '' : cell(r[c])))), t));
    if (blocks.length >= 4) break;
  }
  return blocks;
}

/** Rules: the summary's figures, then the strongest rules by lift (of the first part: the whole data or the first segment). */
function rulesBlocks(ctx: SectionContext, runId: number, summary: unknown): ReportBlock[] {
  const { t, f } = ctx;
  const view = rulesView(ctx.db, runId, { sort: 'lift', desc: true, limit: 15 });
  const rows = view.rows.map((r) => [`${r.antecedents.join(', ')} → ${r.consequents.join(', ')}`, f.pct(r.support), f.pct(r.confidence), f.dec(r.lift, 2)]);
  return [...genericBlocks(ctx, summary).filter((b) => b.kind === 'facts'), table(t.topRules(view.total), [t.rule, 'support', 'confidence', 'lift'], rows, t)];
}

/** Forecast: the first series' history and the chosen model's forecast, then the per-series table. */
function forecastBlocks(ctx: SectionContext, runId: number, summary: unknown): ReportBlock[] {
  const { t } = ctx;
  const view = forecastView(ctx.db, runId);
  const chosen = view.result.models.find((m) => m.model === view.result.chosen) ?? view.result.models[0];
  const chart: ReportBlock[] = chosen
    ? [{ kind: 'chart', chart: { kind: 'line', title: `${view.name}: ${chosen.spec}`, labels: view.dates, values: [...view.actual, ...chosen.mean], format: 'int', split: view.actual.length, legend: [t.history, t.forecast] } }]
    : [];
  return [...chart, ...genericBlocks(ctx, summary)];
}

/** The blocks of a section: the run's view, or a comparison when `with` or `segments` is given. */
export function sectionBlocks(ctx: SectionContext, run: RunRecord, options: { with?: number; segments?: [number, number] }): ReportBlock[] {
  const { t, f } = ctx;
  if (options.with !== undefined) {
    const c = compareRuns(ctx.db, run.id, options.with);
    return [
      { kind: 'facts', rows: [{ label: t.ari, value: f.dec(c.ari) }, { label: t.commonCustomers, value: f.int(c.customers) }] },
      table(t.comparison, [`${t.run} ${c.runA} \\ ${t.run} ${c.runB}`, ...c.columns.map((col) => col.name)], c.rows.map((r, i) => [r.name, ...c.counts[i].map((n) => f.int(n))]), t),
    ];
  }
  if (options.segments !== undefined) {
    const c = compareSegments(ctx.db, run.id, options.segments[0], options.segments[1]);
    const rows = c.categories.slice(0, MAX_ROWS).map((r) => [r.category, f.money(r.meanA), f.money(r.meanB), f.dec(r.pAdjusted)]);
    return [
      table(t.segmentComparison, [t.segment, c.a.name, c.b.name], [
        [t.customers, f.int(c.a.customers), f.int(c.b.customers)],
        [t.share, f.pct(c.a.customerShare), f.pct(c.b.customerShare)],
        [t.meanSpend, f.money(c.a.meanSpend), f.money(c.b.meanSpend)],
      ], t),
      table(undefined, [t.category, c.a.name, c.b.name, 'p (Holm)'], rows, t),
    ];
  }
  if (isSegmentAnalysis(run.analysis)) return segmentationBlocks(ctx, run.id);
  if (run.analysis === 'recommend-eval') return evaluationBlocks(ctx, run.summary as RecommendEvalSummary);
  if (run.analysis === 'overview') return overviewBlocks(ctx, run.summary as OverviewResult);
  if (run.analysis === 'rules') return rulesBlocks(ctx, run.id, run.summary);
  if (run.analysis === 'forecast') return forecastBlocks(ctx, run.id, run.summary);
  return genericBlocks(ctx, run.summary);
}
