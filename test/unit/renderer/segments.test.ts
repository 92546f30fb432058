import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../core/model/jobs.js';
import type { RunComparison, SegmentProfile, ValidityPoint } from '../../../core/model/segment.js';
import { translate } from '../../../renderer/src/i18n/translate.js';
import { makeFormatters, type Lang } from '../../../renderer/src/lib/format.js';
import { crossTabOption, featureIndex, profileRows } from '../../../renderer/src/pages/compare/options.js';
import type { ChartContext } from '../../../renderer/src/pages/overview/labels.js';
import { choiceText, runChoiceText } from '../../../renderer/src/pages/segments/choice.js';
import { displayName, featureLabel, markSymbol, orderProfiles } from '../../../renderer/src/pages/segments/labels.js';
import { pValue, significant } from '../../../renderer/src/pages/segments/numbers.js';
import { elbowOption, fitTime, groupPoints, OUTLIER_COLOR, pcaOption, segmentColor, validityMetrics, validityOption } from '../../../renderer/src/pages/segments/options.js';
import { buildParams, defaultText, fieldText, isEdited, parseParam, type ParamInfo } from '../../../renderer/src/pages/segments/params-form.js';
import { pickRun, segmentationRuns } from '../../../renderer/src/lib/runs.js';
import { summaryOf } from '../../../renderer/src/pages/segments/runs.js';

const ctx = (lang: Lang): ChartContext => ({ t: (key, params) => translate(lang, key, params), fmt: makeFormatters(lang) });

const PARAMS: ParamInfo[] = [
  { name: 'k', type: 'string', default: 'auto', help: 'k or auto' },
  { name: 'kMax', type: 'integer', default: 20, help: 'largest k' },
  { name: 'noiseShare', type: 'number', default: 0.05, help: 'share' },
  { name: 'gamma', type: 'number', default: null, help: 'weight' },
  { name: 'shares', type: 'boolean', default: false, help: 'shares' },
  { name: 'from', type: 'date', default: null, help: 'first day' },
];

describe('segment parameter form', () => {
  it('shows defaults as text, null as empty', () => {
    expect(PARAMS.map(defaultText)).toEqual(['auto', '20', '0.05', '', 'false', '']);
    expect(fieldText(PARAMS[1], {})).toBe('20');
    expect(fieldText(PARAMS[1], { kMax: '6' })).toBe('6');
  });

  it('parses values by their declared type', () => {
    expect(parseParam(PARAMS[1], ' 6 ')).toEqual({ ok: true, value: 6 });
    expect(parseParam(PARAMS[1], '6.5')).toEqual({ ok: false, error: 'integer' });
    expect(parseParam(PARAMS[2], '0.1')).toEqual({ ok: true, value: 0.1 });
    expect(parseParam(PARAMS[2], 'abc')).toEqual({ ok: false, error: 'number' });
    expect(parseParam(PARAMS[4], 'true')).toEqual({ ok: true, value: true });
    expect(parseParam(PARAMS[4], 'yes')).toEqual({ ok: false, error: 'boolean' });
    expect(parseParam(PARAMS[5], '2021-03-01')).toEqual({ ok: true, value: '2021-03-01' });
    expect(parseParam(PARAMS[5], '20210301')).toEqual({ ok: false, error: 'date' });
    expect(parseParam(PARAMS[0], '4')).toEqual({ ok: true, value: '4' });
    expect(parseParam(PARAMS[3], '')).toEqual({ ok: true, value: null });
  });

  it('sends only what differs from the defaults, and lists what does not parse', () => {
    expect(buildParams(PARAMS, {})).toEqual({ params: {}, errors: {} });
    expect(buildParams(PARAMS, { kMax: '20', k: 'auto', gamma: '' })).toEqual({ params: {}, errors: {} });
    expect(buildParams(PARAMS, { kMax: '6', k: '4', gamma: '0.7', shares: 'true' })).toEqual({ params: { kMax: 6, k: '4', gamma: 0.7, shares: true }, errors: {} });
    expect(buildParams(PARAMS, { kMax: 'six' })).toEqual({ params: {}, errors: { kMax: 'integer' } });
    expect(isEdited(PARAMS, { kMax: '20' })).toBe(false);
    expect(isEdited(PARAMS, { kMax: '6' })).toBe(true);
  });
});

const run = (id: number, analysis: string, status: RunRecord['status'] = 'done', summary: unknown = { segments: 3, segmentList: [] }): RunRecord => ({
  id,
  analysis,
  status,
  params: {},
  dataFingerprint: 'x',
  startedAt: `2026-01-0${id}T00:00:00Z`,
  finishedAt: null,
  durationMs: 1,
  summary,
  error: null,
});

describe('segmentation runs', () => {
  const runs = [run(1, 'demo'), run(2, 'kmeans'), run(3, 'kprototypes', 'failed'), run(4, 'lrfmv-kmedoids'), run(5, 'overview'), run(6, 'stratified-kmeans')];
  it('lists finished segmentation runs newest first', () => {
    expect(segmentationRuns(runs).map((r) => r.id)).toEqual([6, 4, 2]);
  });
  it('shows the wanted run while it exists, else the newest', () => {
    const list = segmentationRuns(runs);
    expect(pickRun(list, 4)).toBe(4);
    expect(pickRun(list, 3)).toBe(6);
    expect(pickRun(list, null)).toBe(6);
    expect(pickRun([], null)).toBe(null);
  });
  it('reads a summary only when it looks like one', () => {
    expect(summaryOf(run(1, 'kmeans'))).not.toBeNull();
    expect(summaryOf(run(1, 'kmeans', 'done', null))).toBeNull();
    expect(summaryOf(run(1, 'kmeans', 'done', { rows: 3 }))).toBeNull();
  });
});

const curve: ValidityPoint[] = [2, 3, 4, 5].map((k) => ({ k, cost: 100 / k, silhouette: 0.5 - k / 100, calinskiHarabasz: 200 + k, daviesBouldin: 0.8, seconds: 0.01 * k }));
const mixed: ValidityPoint[] = curve.map((p) => ({ ...p, silhouette: null, calinskiHarabasz: null, daviesBouldin: null }));

describe('segment charts', () => {
  it('groups points by segment in one pass, outliers first', () => {
    const g = groupPoints({ x: [1, 2, 3, 4], y: [5, 6, 7, 8], segment: [1, -1, 0, 1] });
    expect(g).toEqual([
      { segment: -1, data: [[2, 6]] },
      { segment: 0, data: [[3, 7]] },
      {
        segment: 1,
        data: [
          [1, 5],
          [4, 8],
        ],
      },
    ]);
  });

  it('groups 30,000 points well within a frame budget', () => {
    const n = 30_000;
    const points = { x: Array.from({ length: n }, (_, i) => Math.sin(i)), y: Array.from({ length: n }, (_, i) => Math.cos(i)), segment: Array.from({ length: n }, (_, i) => (i % 21) - 1) };
    // Best of three, so a busy machine does not fail the check.
    let best = Infinity;
    let groups = groupPoints(points);
    let option = pcaOption({ groups, names: new Map(), explained: [0.5, 0.2] }, ctx('en'));
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      groups = groupPoints(points);
      option = pcaOption({ groups, names: new Map(), explained: [0.5, 0.2] }, ctx('en'));
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(50);
    const series = option.series as { large: boolean; data: unknown[] }[];
    expect(series).toHaveLength(21);
    expect(series.every((s) => s.large)).toBe(true);
    expect(series.reduce((s, x) => s + x.data.length, 0)).toBe(n);
    expect((option.dataZoom as { type: string }[]).map((d) => d.type)).toEqual(['inside', 'inside', 'slider', 'slider']);
  });

  it('colours segments apart and outliers grey', () => {
    expect(segmentColor(-1)).toBe(OUTLIER_COLOR);
    const colours = new Set(Array.from({ length: 40 }, (_, i) => segmentColor(i)));
    expect(colours.size).toBe(40);
  });

  it('marks the chosen k on the elbow', () => {
    const o = elbowOption(curve, { k: 3, rule: 'elbow', why: '' }, ctx('en'));
    const line = (o.series as { type: string; markPoint?: { data: { coord: [number, number] }[] } }[]).find((s) => s.type === 'line');
    expect(line?.markPoint?.data[0].coord).toEqual([1, 100 / 3]);
    const given = elbowOption(curve.slice(0, 1), { k: 7, rule: 'given', why: '' }, ctx('en'));
    expect((given.series as { markPoint?: unknown }[])[1].markPoint).toBeUndefined();
  });

  it('draws the validity measures a curve has, and the fit time always', () => {
    expect(validityMetrics(curve)).toEqual(['silhouette', 'calinskiHarabasz', 'daviesBouldin', 'seconds']);
    expect(validityMetrics(mixed)).toEqual(['seconds']);
    const o = validityOption(curve, { k: 3, rule: 'elbow', why: '' }, ctx('ko'));
    expect((o.grid as unknown[]).length).toBe(4);
    expect((o.series as { name: string }[]).map((s) => s.name)).toEqual(['실루엣', '칼린스키-하라바츠', '데이비스-볼딘', '학습 시간']);
    expect(fitTime(ctx('en'), 0.0123)).toBe('12 ms');
    expect(fitTime(ctx('en'), 2.5)).toBe('2.5 s');
  });

  it('explains the chosen k in both languages', () => {
    expect(choiceText(ctx('en').t, { k: 3, rule: 'elbow', why: '' }, curve)).toBe('Elbow rule: the decrease of the cost bends most at k = 3 (k = 2…5 tried).');
    expect(choiceText(ctx('ko').t, { k: 4, rule: 'given', why: '' }, undefined)).toBe('매개변수로 지정한 k = 4입니다.');
    expect(choiceText(ctx('en').t, undefined, curve)).toBeNull();
    const strata = [{ k: 2 }, { k: 3 }] as never;
    expect(runChoiceText(ctx('en').t, { strata } as never)).toBe('k chosen by the elbow in each of the 2 strata: 2 · 3.');
  });
});

describe('segment labels and numbers', () => {
  it('translates default segment names, and leaves given ones', () => {
    const en = ctx('en').t;
    const ko = ctx('ko').t;
    for (const name of ['segment 2', 'outliers', 'royal', 'general 2', 'offline-only · spend Q1 · 3', 'online · spend Q4 · 1']) expect(displayName(en, name)).toBe(name);
    expect(displayName(ko, 'segment 2')).toBe('세그먼트 2');
    expect(displayName(ko, 'outliers')).toBe('이상치');
    expect(displayName(ko, 'high-performing')).toBe('고성과');
    expect(displayName(ko, 'general 2')).toBe('범용 2');
    expect(displayName(ko, 'offline-only · spend Q1 · 3')).toBe('오프라인 전용 · 구매액 1분위 · 3');
    expect(displayName(ko, 'Loyal big spenders')).toBe('Loyal big spenders');
    expect(featureLabel(ko, 'recency')).toBe('최근성');
    expect(featureLabel(ko, 'amount (z)')).toBe('amount (z)');
    expect(markSymbol('high') + markSymbol('low') + markSymbol('')).toBe('▲▼');
  });

  it('orders profiles by id with the outliers last', () => {
    const p = (segment: number) => ({ segment }) as SegmentProfile;
    expect(orderProfiles([p(-1), p(2), p(0), p(1)]).map((x) => x.segment)).toEqual([0, 1, 2, -1]);
  });

  it('writes p-values readably and marks significance at 0.05', () => {
    const dec = makeFormatters('en').dec;
    expect(pValue(0.0000302, dec)).toBe('3.0e-5');
    expect(pValue(0.04567, dec)).toBe('0.046');
    expect(pValue(0, dec)).toBe('≈ 0');
    expect(pValue(Number.NaN, dec)).toBe('–');
    expect(significant(0.049)).toBe(true);
    expect(significant(0.05)).toBe(false);
    expect(significant(null)).toBe(false);
  });
});

describe('compare charts', () => {
  const profile = (segment: number, means: number[]): SegmentProfile => ({
    segment,
    name: `segment ${segment}`,
    customers: 1,
    customerShare: 0.5,
    spend: 1,
    spendShare: 0.5,
    meanSpend: 1,
    features: means.map((mean, i) => ({ name: ['recency', 'frequency'][i], mean, median: mean, overallMean: 10, mark: '' })),
    topCategories: [],
    gender: [],
    ageBands: [],
    weekday: [],
    hour: [],
  });

  it('indexes features against the overall mean', () => {
    expect(featureIndex(15, 10)).toBe(150);
    expect(featureIndex(1, 0)).toBeNull();
    expect(profileRows(profile(0, [5, 20]), profile(1, [10, 30]))).toEqual([
      { name: 'recency', a: 50, b: 100, meanA: 5, meanB: 10 },
      { name: 'frequency', a: 200, b: 300, meanA: 20, meanB: 30 },
    ]);
  });

  it('draws the cross-tab as a heatmap cell per pair', () => {
    const rc: RunComparison = { runA: 1, runB: 2, customers: 10, ari: 0.3, rows: [{ segment: 0, name: 'a' }, { segment: 1, name: 'b' }], columns: [{ segment: 0, name: 'x' }], counts: [[4], [6]] };
    const o = crossTabOption(rc, ctx('en'));
    const data = (o.series as { data: number[][] }[])[0].data;
    expect(data).toEqual([
      [0, 0, 4],
      [0, 1, 6],
    ]);
  });
});
