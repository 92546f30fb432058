import type { ForecastBy, ForecastGrain, ForecastHoliday, ForecastMeasure, ForecastModelId, ForecastSeriesSummary, ForecastSummary, ModelForecast, SeriesForecast } from './forecast.js';

/**
 * What a `forecast` run stores and the Forecast page reads, beyond the analysis' own contract
 * (core/model/forecast.ts): the run's request, and per series what the page lists before opening it.
 */

/** A series line of the run summary: the contract fields (name, chosen, mase, beatsSnaive) and more. */
export interface ForecastRunSeries extends ForecastSeriesSummary {
  /** Stable key: 'total', 'seg<id>', 'retailer:<code>', 'category:<name>'. */
  key: string;
  /** 1 − MASE(chosen)/MASE(snaive): how much better than the seasonal naive (negative: worse). */
  gain: number;
  /** One sentence: by how much the chosen model beats snaive, or that it does not. */
  verdict: string;
  /** Sum of the history's values (to order and size the series). */
  total: number;
  notes: string[];
}

/** Summary of a `forecast` run (contract: runId, series, horizon, seconds). */
export interface ForecastRunSummary extends ForecastSummary {
  series: ForecastRunSeries[];
  by: ForecastBy;
  measure: ForecastMeasure;
  grain: ForecastGrain;
  segmentRun: number | null;
  /** `horizon` is in days (the parameter); on weekly data the models forecast this many weeks. */
  horizonPeriods: number;
  folds: number;
  models: ForecastModelId[];
  /** First and last period start of the history (ISO dates); periods in the history. */
  from: string;
  to: string;
  periods: number;
  /** The holidays Prophet used: the built-in Korean calendar, the project's edited list, or none. */
  holidays: 'built-in' | 'edited' | 'none';
  /** Notes on the series (partial weeks dropped, outliers, series left out). */
  notes: string[];
}

/** One series of a forecast run as the page shows it. */
export interface ForecastSeriesView {
  summary: ForecastRunSummary;
  key: string;
  name: string;
  /** ISO dates of the history and the horizon (length n + horizon periods). */
  dates: string[];
  /** The history's values (length n). */
  actual: number[];
  result: SeriesForecast;
}

/** The holiday list Prophet uses in a project: the built-in calendar until edited. */
export interface HolidayList {
  holidays: ForecastHoliday[];
  edited: boolean;
}

/** A refit of one series' Prophet with the project's current holidays, not stored (the editor's preview). */
export interface ForecastRefit {
  runId: number;
  key: string;
  model: ModelForecast;
  /** Wall time of the fit on the host, milliseconds. */
  ms: number;
}
