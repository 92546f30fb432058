import { forecastSeries } from '../../analysis/forecast/index.js';
import { sha256Text } from '../../data/hash.js';
import { initForecast } from './forecast-wasm.js';
import { projectHolidays, writeForecastSeries, type StoredSeries } from '../../data/store/forecast-results.js';
import { openProject, type Db } from '../../data/store/open.js';
import { isoOfDay, salesSeries } from '../../data/store/queries/forecast-series.js';
import { dataFingerprint } from '../../data/store/runs.js';
import { requireSegmentationRun } from '../../data/store/segments.js';
import type { ForecastRunSeries, ForecastRunSummary } from '../../model/forecast-run.js';
import type { ForecastHoliday, ForecastModelId } from '../../model/forecast.js';
import { WorkbenchError } from '../../model/result.js';
import { recordRunWith } from '../run-record.js';
import type { JobContext, JobDefinition } from '../types.js';
import { forecastParamInfo, forecastParams, type ForecastParams } from './params.js';

/** Models forecast periods: days, or whole weeks covering the horizon's days. */
export function horizonPeriods(p: Pick<ForecastParams, 'grain' | 'horizon'>): number {
  return p.grain === 'week' ? Math.ceil(p.horizon / 7) : p.horizon;
}

function checkSegmentRun(db: Db, p: ForecastParams): void {
  if (p.segmentRun === undefined) {
    if (p.by === 'segment') throw new WorkbenchError('invalid-input', 'forecast by=segment needs segmentRun (the segmentation whose segments to forecast).');
    return;
  }
  if (p.by !== 'segment') throw new WorkbenchError('invalid-input', `segmentRun applies to by=segment; by=${p.by} forecasts ${p.by === 'total' ? 'the whole data' : `each ${p.by}`}.`);
  requireSegmentationRun(db, p.segmentRun);
}

/** The summary line of one series: contract fields first (name, chosen, mase per model, beatsSnaive). */
function seriesLine(s: StoredSeries): ForecastRunSeries {
  const r = s.result;
  const mase: Partial<Record<ForecastModelId, number>> = {};
  for (const m of r.backtest?.models ?? []) mase[m.model] = m.mean.mase;
  return {
    name: s.name, chosen: r.chosen, mase, beatsSnaive: r.snaive.beatsSnaive,
    key: s.key, gain: r.snaive.gain, verdict: r.snaive.text, total: s.values.reduce((a, v) => a + v, 0), notes: r.notes,
  };
}

/**
 * Sales forecasts (issue #12; SPEC §3.5, seed 003): the series from the store (SQL aggregation,
 * zeros for days without sales), then per series every chosen model fitted, backtested on a rolling
 * origin and compared with the seasonal naive (core/analysis/forecast); stored as a run with each
 * series' forecasts in run_artifacts. Progress per series; cancel is checked between series and
 * between the models' steps.
 */
export const forecastJob: JobDefinition<ForecastParams, ForecastRunSummary> = {
  id: 'forecast',
  title: 'Sales forecast (snaive, ETS, SARIMA, Prophet, ensemble)',
  titleKo: '매출 예측 (계절 나이브, ETS, SARIMA, Prophet, 앙상블)',
  description: 'Daily or weekly sales per segment, retailer, category or in total, forecast with seasonal naive, ETS, SARIMA and Prophet (Korean holidays), backtested on a rolling origin (MASE, sMAPE, RMSE, interval coverage); the model with the lowest MASE is chosen and compared with the seasonal naive.',
  descriptionKo: '세그먼트·유통사·카테고리별 또는 전체의 일별·주별 매출을 계절 나이브, ETS, SARIMA, Prophet(한국 공휴일 반영)으로 예측하고, 이동 기준점 백테스트(MASE, sMAPE, RMSE, 구간 포함률)로 검증합니다. MASE가 가장 낮은 모델을 고르고 계절 나이브와 비교합니다.',
  isAnalysis: true,
  params: forecastParams,
  paramInfo: forecastParamInfo,
  async run(ctx: JobContext, p: ForecastParams) {
    const t0 = performance.now();
    const db = openProject(ctx.project);
    try {
      checkSegmentRun(db, p);
      ctx.progress({ phase: 'read', done: 0, total: 1, message: `${p.measure} per ${p.grain}, by ${p.by}` });
      const set = salesSeries(db, { by: p.by, measure: p.measure, grain: p.grain, segmentRun: p.segmentRun });
      const notes = [...set.notes];
      let series = set.series;
      if (series.length > p.maxSeries) {
        notes.push(`Only the ${p.maxSeries} largest of ${series.length} series are forecast (maxSeries); left out: ${series.slice(p.maxSeries).map((s) => s.name).join(', ')}.`);
        series = series.slice(0, p.maxSeries);
      }
      if (series.length === 0) throw new WorkbenchError('invalid-input', `forecast by=${p.by} found no series to forecast in this project's data.`);
      let holidays: ForecastHoliday[] = [];
      let holidaySource: ForecastRunSummary['holidays'] = 'none';
      if (p.holidays === 'project') {
        const list = projectHolidays(db);
        holidays = list.holidays;
        holidaySource = list.edited ? 'edited' : 'built-in';
      }
      const h = horizonPeriods(p);
      await initForecast();
      const stored: StoredSeries[] = [];
      for (const [i, s] of series.entries()) {
        ctx.throwIfCancelled();
        ctx.progress({ phase: 'fit', done: i, total: series.length, unit: 'series', message: s.name });
        const result = forecastSeries(
          { start: set.start, grain: set.grain, values: s.values },
          { horizon: h, folds: p.folds, models: p.models, holidays, seed: p.seed },
          (_done, _total, what) => {
            ctx.throwIfCancelled();
            ctx.progress({ phase: 'fit', done: i, total: series.length, unit: 'series', message: `${s.name}: ${what}` });
          },
        );
        stored.push({ key: s.key, name: s.name, start: set.start, values: s.values, result });
      }
      ctx.throwIfCancelled();
      ctx.progress({ phase: 'store', done: series.length, total: series.length, unit: 'series', message: 'forecasts' });
      const fingerprint = dataFingerprint(db, sha256Text);
      const params = { ...p, models: p.models.join(',') };
      return recordRunWith(db, ctx, 'forecast', params, fingerprint, (runId): ForecastRunSummary => {
        stored.forEach((s, i) => writeForecastSeries(db, runId, i, s));
        const step = set.grain === 'week' ? 7 : 1;
        return {
          runId, series: stored.map(seriesLine), horizon: p.horizon, seconds: (performance.now() - t0) / 1000,
          by: p.by, measure: p.measure, grain: p.grain, segmentRun: p.segmentRun ?? null, horizonPeriods: h, folds: p.folds, models: p.models,
          from: isoOfDay(set.start), to: isoOfDay(set.start + (set.periods - 1) * step), periods: set.periods, holidays: holidaySource, notes,
        };
      }).summary;
    } finally {
      db.close();
    }
  },
};
