import { z } from 'zod';
import { FORECAST_BY, FORECAST_DEFAULTS, FORECAST_GRAINS, FORECAST_MEASURES, FORECAST_MODELS, type ForecastModelId } from '../../model/forecast.js';
import { intParam } from '../segment/params.js';
import type { ParamInfo } from '../types.js';

/** `models=snaive,ets` (CLI text) or ['snaive', 'ets'] (UI): known ids, no repeats, kept in FORECAST_MODELS order. */
const modelsParam = z
  .preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : v), z.array(z.enum(FORECAST_MODELS)).min(1))
  .transform((list) => FORECAST_MODELS.filter((m) => list.includes(m)) as ForecastModelId[]);

/** Parameters of `run forecast` (issue #12 contract: names and defaults). */
export const forecastParams = z
  .object({
    by: z.enum(FORECAST_BY).default('total'),
    segmentRun: intParam(1, 2 ** 31 - 1).optional(),
    measure: z.enum(FORECAST_MEASURES).default('amount'),
    grain: z.enum(FORECAST_GRAINS).default('day'),
    horizon: intParam(7, 730).default(FORECAST_DEFAULTS.horizon),
    folds: intParam(0, 10).default(FORECAST_DEFAULTS.folds),
    models: modelsParam.default([...FORECAST_DEFAULTS.models]),
    holidays: z.enum(['project', 'none']).default('project'),
    maxSeries: intParam(1, 200).default(20),
    seed: intParam(0, 2 ** 31 - 1).default(FORECAST_DEFAULTS.seed),
  })
  .strict();

export type ForecastParams = z.output<typeof forecastParams>;

export const forecastParamInfo: ParamInfo[] = [
  { name: 'by', type: FORECAST_BY.join('|'), default: 'total', help: 'One series for the whole data, or one per segment (needs segmentRun), retailer or top-level category.' },
  { name: 'segmentRun', type: 'run id', default: null, help: 'by=segment: the segmentation run whose segments are forecast.' },
  { name: 'measure', type: FORECAST_MEASURES.join('|'), default: 'amount', help: 'Net sales amount, purchase receipts, distinct customers or net quantity per period.' },
  { name: 'grain', type: FORECAST_GRAINS.join('|'), default: 'day', help: 'Daily series, or Monday–Sunday weeks (partial first and last weeks left out).' },
  { name: 'horizon', type: 'integer (days)', default: FORECAST_DEFAULTS.horizon, help: 'Days ahead to forecast and per backtest fold (grain=week: rounded up to whole weeks).' },
  { name: 'folds', type: 'integer', default: FORECAST_DEFAULTS.folds, help: 'Rolling-origin backtest folds of `horizon` each; the chosen model has the lowest mean MASE (0: no backtest).' },
  { name: 'models', type: FORECAST_MODELS.join(','), default: FORECAST_DEFAULTS.models.join(','), help: 'Models to fit, comma-separated; snaive is the baseline the others are scored against.' },
  { name: 'holidays', type: 'project|none', default: 'project', help: "Prophet's holidays: the project's list (the built-in Korean calendar until edited on the Forecast page) or none." },
  { name: 'maxSeries', type: 'integer', default: 20, help: 'At most this many series (retailers, categories: the largest by the measure); the rest are said in the notes.' },
  { name: 'seed', type: 'integer', default: FORECAST_DEFAULTS.seed, help: 'Random seed of the interval simulations: same seed and data, same result.' },
];
