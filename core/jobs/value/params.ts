import { z } from 'zod';
import { CLV_DEFAULTS } from '../../analysis/value/index.js';
import { CLV_TIME_UNITS } from '../../model/value.js';
import { numberParam } from '../segment/params.js';
import type { ParamInfo } from '../types.js';

/** Parameters of `run clv` (issue #13 contract: names). */
export const clvParams = z
  .object({
    calibrationEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real date').optional(),
    horizonDays: numberParam(1, 36_525).default(CLV_DEFAULTS.horizonDays),
    timeUnit: z.enum(CLV_TIME_UNITS).default(CLV_DEFAULTS.timeUnit),
    monthlyDiscount: numberParam(0, 1).default(CLV_DEFAULTS.monthlyDiscount),
  })
  .strict();

export type ClvParams = z.output<typeof clvParams>;

export const clvParamInfo: ParamInfo[] = [
  { name: 'calibrationEnd', type: 'YYYY-MM-DD', default: null, help: 'Last day of the calibration period the models are fitted on; later days are the holdout of the check. Default: 75 % of the data\'s span.' },
  { name: 'horizonDays', type: 'number', default: CLV_DEFAULTS.horizonDays, help: 'Days ahead (from the last day of the data) for expected purchases and value.' },
  { name: 'timeUnit', type: CLV_TIME_UNITS.join('|'), default: CLV_DEFAULTS.timeUnit, help: 'Time unit of the BG/NBD rates (the papers use weeks); predictions do not depend on it.' },
  { name: 'monthlyDiscount', type: 'number', default: CLV_DEFAULTS.monthlyDiscount, help: 'Discount rate per month for the value (0.01 ≈ 12.7 % a year).' },
];
