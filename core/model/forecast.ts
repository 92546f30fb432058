/**
 * The contract of the forecasting analysis `forecast` (issue #12; SPEC §3.5, seed 003): the
 * options the models take, what one model's forecast and one backtest look like, and what
 * `forecastSeries` (core/analysis/forecast) returns for one series. The job, CLI, export and page
 * build on these types; fields marked "contract" are read by checks outside the project.
 */

/** Model ids, in the order the page lists them (contract: `--param models=`). */
export const FORECAST_MODELS = ['snaive', 'ets', 'sarima', 'prophet', 'ensemble'] as const;
export type ForecastModelId = (typeof FORECAST_MODELS)[number];

export const FORECAST_GRAINS = ['day', 'week'] as const;
export type ForecastGrain = (typeof FORECAST_GRAINS)[number];

export const FORECAST_BY = ['total', 'segment', 'retailer', 'category'] as const;
export type ForecastBy = (typeof FORECAST_BY)[number];

export const FORECAST_MEASURES = ['amount', 'receipts', 'customers', 'quantity'] as const;
export type ForecastMeasure = (typeof FORECAST_MEASURES)[number];

/**
 * One regular series: `values[i]` is the total of period `start + i` (a day, or a week of 7 days
 * starting on that day). Days without sales are zeros, never gaps.
 */
export interface ForecastSeriesInput {
  /** Project day of the first value: days since 1970-01-01 (UTC). */
  start: number;
  grain: ForecastGrain;
  values: number[];
}

/** One holiday day as the forecasters use it (resources/calendars/kr-holidays.json, editable). */
export interface ForecastHoliday {
  /** ISO date, yyyy-mm-dd. */
  date: string;
  /** The holiday's name; days sharing a name share one effect (e.g. the three days of 설날). */
  name: string;
  nameEn?: string;
}

/** Options of `forecastSeries` / `fitModel`. Every field has a default in FORECAST_DEFAULTS. */
export interface ForecastOptions {
  /** Periods ahead (days or weeks). Seed 003: 60 days. */
  horizon: number;
  /** Rolling-origin backtest folds; 0 skips the backtest (then `chosen` falls back, see notes). */
  folds: number;
  /** Models to fit; 'ensemble' needs at least two others and the backtest. */
  models: ForecastModelId[];
  /**
   * Seasonal period in periods: 7 for daily data (weekly season), 52 for weekly data. `null` =
   * from the grain (day → 7, week → 52 for Prophet's yearly term; SARIMA/ETS/snaive use 1 on
   * weekly data, i.e. no season, since 52 lags need years of history).
   */
  season: number | null;
  /** Holidays Prophet models (default: the built-in Korean calendar). */
  holidays: ForecastHoliday[] | null;
  /** Days around each holiday Prophet also gives the holiday's effect (lower, upper window). */
  holidayWindow: [number, number];
  /** Prophet's yearly term: 'auto' turns it on with ≥ 2 years of history, as R's prophet. */
  yearly: 'auto' | boolean;
  /** Seed of every random step (Prophet's uncertainty samples). */
  seed: number;
  /**
   * SARIMA estimation of the final fit: false = conditional sum of squares (fast; R's auto.arima
   * search uses it too), true = refit the best candidates by exact ML as R's final step (seconds per
   * seasonal-MA candidate). Backtest folds always use CSS. See docs/decisions/0014-forecast-models.md.
   */
  sarimaExact: boolean;
  /** Prophet's simulation draws for its interval (R's default is 1000). */
  prophetSamples: number;
}

export const FORECAST_DEFAULTS: ForecastOptions = {
  horizon: 60,
  folds: 3,
  models: ['snaive', 'ets', 'sarima', 'prophet', 'ensemble'],
  season: null,
  holidays: null,
  holidayWindow: [0, 0],
  yearly: 'auto',
  seed: 1,
  sarimaExact: false,
  prophetSamples: 300,
};

/** Additive components of a forecast (Prophet), over history + horizon (same length as `dates`). */
export interface ForecastComponents {
  trend: number[];
  weekly: number[] | null;
  yearly: number[] | null;
  holidays: number[] | null;
}

/** One model's fit and forecast of one series. */
export interface ModelForecast {
  model: ForecastModelId;
  /** The fitted form, e.g. "ETS(A,N,A)", "ARIMA(1,0,1)(0,1,1)[7]", "Prophet(linear, weekly, yearly, holidays)". */
  spec: string;
  /** Point forecasts for the `horizon` periods after the history. */
  mean: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
  /** One-step in-sample fitted values (same length as the history; NaN where undefined, e.g. the first season). */
  fitted: number[];
  /** Small-sample corrected AIC where the model has a likelihood (ETS, SARIMA). */
  aicc?: number;
  /** Gaussian log-likelihood where defined (SARIMA: as R's Arima; ETS: as R's ets). */
  loglik?: number;
  /** Prophet's components over history + horizon. */
  components?: ForecastComponents;
  /** Milliseconds this fit took. */
  ms: number;
}

/** Accuracy of one model on one backtest fold (or the mean over folds). */
export interface ForecastAccuracy {
  /** Mean absolute scaled error: MAE / in-sample MAE of the seasonal naive (lag = season). */
  mase: number;
  /** Symmetric MAPE in percent: mean of 200·|y−ŷ|/(|y|+|ŷ|), terms with y = ŷ = 0 count 0. */
  smape: number;
  rmse: number;
  /** Share of actuals inside the 80% / 95% interval (0..1). */
  coverage80: number;
  coverage95: number;
}

export interface BacktestFold {
  /** Index (into the series) of the first forecast period of this fold. */
  origin: number;
  /** Periods scored in this fold (≤ horizon). */
  length: number;
}

export interface ModelBacktest {
  model: ForecastModelId;
  folds: ForecastAccuracy[];
  mean: ForecastAccuracy;
  /** Notes such as "95% interval too narrow: covers 71%". */
  notes: string[];
}

/** The rolling-origin backtest of all models on one series. */
export interface ForecastBacktest {
  folds: BacktestFold[];
  horizon: number;
  models: ModelBacktest[];
}

/** How the chosen model compares with the seasonal naive (contract: `beatsSnaive`). */
export interface SnaiveComparison {
  /** True when the chosen model's mean MASE is lower than snaive's by more than the noise margin. */
  beatsSnaive: boolean;
  /** Relative MASE gain: 1 − MASE(chosen)/MASE(snaive); negative when snaive is better. */
  gain: number;
  /** One sentence for the summary, e.g. "ets beats snaive by 18% (MASE 0.71 vs 0.87)". */
  text: string;
}

/** Everything `forecastSeries` returns for one series. */
export interface SeriesForecast {
  /** Length of the history used for the final fits. */
  n: number;
  grain: ForecastGrain;
  season: number;
  horizon: number;
  /** Project days of history + horizon periods (length n + horizon). */
  days: number[];
  models: ModelForecast[];
  /** null when folds = 0 or the series is too short for one fold. */
  backtest: ForecastBacktest | null;
  /** Lowest mean MASE on the backtest; with no backtest, the lowest AICc among ets/sarima, else snaive. */
  chosen: ForecastModelId;
  snaive: SnaiveComparison;
  /** Soft problems (model failed and was dropped, too-short history, …). */
  notes: string[];
  /**
   * Where some model's forecast or interval went below the floor and was clipped: 0, or the
   * history's lowest value when it went below 0 (net returns; core/analysis/forecast/intervals.ts,
   * docs/forecast.md). Absent when nothing was clipped, and in runs made before the clip.
   */
  clippedAt?: number;
}

/** Per-series summary line of a forecast run (contract: `series[]` of `run forecast --json`). */
export interface ForecastSeriesSummary {
  name: string;
  chosen: ForecastModelId;
  /** Mean backtest MASE per model (contract). */
  mase: Partial<Record<ForecastModelId, number>>;
  beatsSnaive: boolean;
}

/** Summary of a `forecast` run (contract: runId, series, horizon, seconds). */
export interface ForecastSummary {
  runId: number;
  series: ForecastSeriesSummary[];
  horizon: number;
  seconds: number;
}
