import { clipToHistory, fitModel } from '../analysis/forecast/index.js';
import { initForecast } from '../jobs/forecast/forecast-wasm.js';
import type { Cell } from '../data/export/csv-writer.js';
import { projectHolidays, readForecastSeries, writeProjectHolidays, type StoredSeries } from '../data/store/forecast-results.js';
import { isoOfDay } from '../data/store/queries/forecast-series.js';
import type { Db } from '../data/store/open.js';
import { getRun } from '../data/store/runs.js';
import { withCurrentNames } from './run-names.js';
import type { ForecastHoliday } from '../model/forecast.js';
import type { ForecastRefit, ForecastRunSummary, ForecastSeriesView, HolidayList } from '../model/forecast-run.js';
import type { RunRecord } from '../model/jobs.js';
import { WorkbenchError } from '../model/result.js';

export { projectHolidays };

/** A `forecast` run, or a clear error naming what the run is. */
export function forecastRun(db: Db, runId: number): RunRecord & { summary: ForecastRunSummary } {
  const run = getRun(db, runId);
  if (!run) throw new WorkbenchError('not-found', `No run ${runId} in this project; \`runs\` lists them.`);
  if (run.analysis !== 'forecast') throw new WorkbenchError('invalid-input', `Run ${runId} is a ${run.analysis} run; this needs a forecast run (\`run forecast\`).`);
  // Segment series named as the segments are now (issue #14); the stored series keep the names of the run's time.
  return withCurrentNames(db, run) as RunRecord & { summary: ForecastRunSummary };
}

/** ISO dates of `count` periods from project day `start` (a period is a day, or a week of 7). */
export function periodDates(start: number, grain: 'day' | 'week', count: number): string[] {
  const step = grain === 'week' ? 7 : 1;
  return Array.from({ length: count }, (_, i) => isoOfDay(start + i * step));
}

/** One stored series of a run, by key (default: the first). */
export function storedSeriesOf(db: Db, runId: number, key?: string): { summary: ForecastRunSummary; stored: StoredSeries } {
  const run = forecastRun(db, runId);
  const index = key === undefined ? 0 : run.summary.series.findIndex((s) => s.key === key);
  if (index < 0 || index >= run.summary.series.length) {
    throw new WorkbenchError('not-found', `Run ${runId} has no series '${key}'; its series: ${run.summary.series.map((s) => s.key).join(', ') || 'none'}.`);
  }
  return { summary: run.summary, stored: readForecastSeries(db, runId, index) };
}

/** One series of a forecast run as the Forecast page shows it: dates, history, every model's forecast, the backtest. */
export function forecastView(db: Db, runId: number, key?: string): ForecastSeriesView {
  const { summary, stored } = storedSeriesOf(db, runId, key);
  const total = stored.values.length + stored.result.horizon;
  return { summary, key: stored.key, name: summary.series.find((s) => s.key === stored.key)?.name ?? stored.name, dates: periodDates(stored.start, summary.grain, total), actual: stored.values, result: stored.result };
}

export const FORECAST_HEADER = ['series', 'date', 'model', 'yhat', 'lower80', 'upper80', 'lower95', 'upper95', 'actual'] as const;

/**
 * The `forecast` export (issue #12 contract header). Per series and model, first the history —
 * `yhat` the model's one-step in-sample fit (empty where undefined), intervals empty, `actual` the
 * observed value — then the horizon with the forecast and its 80% and 95% intervals and `actual` empty.
 */
export function forecastExportRows(db: Db, runId: number): { header: string[]; rows: Iterable<Cell[]> } {
  const run = forecastRun(db, runId);
  return {
    header: [...FORECAST_HEADER],
    rows: (function* () {
      for (let i = 0; i < run.summary.series.length; i++) {
        const stored = readForecastSeries(db, runId, i);
        const s = { ...stored, name: run.summary.series[i]?.name ?? stored.name };
        const dates = periodDates(s.start, run.summary.grain, s.values.length + s.result.horizon);
        for (const m of s.result.models) {
          for (let t = 0; t < s.values.length; t++) {
            const f = m.fitted[t];
            yield [s.name, dates[t], m.model, f === null || f === undefined || Number.isNaN(f) ? null : f, null, null, null, null, s.values[t]];
          }
          for (let h = 0; h < m.mean.length; h++) {
            yield [s.name, dates[s.values.length + h], m.model, m.mean[h], m.lower80[h], m.upper80[h], m.lower95[h], m.upper95[h], null];
          }
        }
      }
    })(),
  };
}

/** Checks and saves an edited holiday list (sorted by date, then name); null restores the built-in calendar. */
export function saveHolidays(db: Db, list: readonly ForecastHoliday[] | null): HolidayList {
  if (list === null) {
    writeProjectHolidays(db, null);
    return projectHolidays(db);
  }
  const seen = new Set<string>();
  const clean = list.map((h, i) => {
    const date = h.date.trim(), name = h.name.trim();
    const d = new Date(`${date}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new WorkbenchError('invalid-input', `Holiday ${i + 1}: '${h.date}' is not a date as yyyy-mm-dd.`);
    if (name === '') throw new WorkbenchError('invalid-input', `Holiday ${i + 1} (${date}) needs a name; days sharing a name share one effect.`);
    if (seen.has(`${date}\u0000${name}`)) throw new WorkbenchError('invalid-input', `Holiday ${i + 1}: ${date} ${name} is listed twice.`);
    seen.add(`${date}\u0000${name}`);
    return { date, name, ...(h.nameEn && h.nameEn.trim() !== '' ? { nameEn: h.nameEn.trim() } : {}) };
  });
  clean.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  writeProjectHolidays(db, clean);
  return { holidays: clean, edited: true };
}

/**
 * The holiday editor's preview: one series of a run refitted with Prophet on the project's current
 * holidays (same history, horizon and seed as the run), not stored — a new run stores it. One
 * Prophet fit of a year of days, well under the 1 s (bench/forecast.mjs measures it).
 */
export async function refitForecast(db: Db, runId: number, key: string): Promise<ForecastRefit> {
  const t0 = performance.now();
  const run = forecastRun(db, runId);
  const { stored } = storedSeriesOf(db, runId, key);
  const seed = typeof run.params.seed === 'number' ? run.params.seed : undefined;
  const holidays = projectHolidays(db).holidays;
  // Everything is read from the project before the first await: callers close it when this returns its promise.
  await initForecast();
  // Clipped at 0 as the run's own fits are (core/analysis/forecast/intervals.ts).
  const model = clipToHistory(stored.values, fitModel('prophet', { start: stored.start, grain: run.summary.grain, values: stored.values }, stored.result.horizon, { holidays, ...(seed === undefined ? {} : { seed }) }));
  return { runId, key: stored.key, model, ms: performance.now() - t0 };
}
