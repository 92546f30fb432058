import { z } from 'zod';
import { MARKETING_DEFAULTS } from '../../analysis/marketing/index.js';
import { intParam } from '../segment/params.js';
import type { ParamInfo } from '../types.js';

/** "a,b" (the CLI's `--param offlineTierBounds=1250,3250`) or [a, b]: two ascending numbers. */
const boundsParam = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => (s.trim() === '' ? NaN : Number(s.trim()))) : v),
  z.tuple([z.number().finite(), z.number().finite()]).refine(([a, b]) => a <= b, 'must be two ascending numbers: low bound, high bound'),
);

/** "A,B" or [A, B]: channel names. */
const channelsParam = z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : v), z.array(z.string().min(1)).min(1));

/** Parameters of `run marketing-response` (issue #11; names as the Marketing page and docs/marketing.md use them). */
export const marketingParams = z
  .object({
    segmentRun: intParam(1, 2 ** 31 - 1).optional(),
    onlineChannel: z.string().min(1).optional(),
    offlineChannel: z.string().min(1).optional(),
    offlineTierBounds: boundsParam.optional(),
    channels: channelsParam.optional(),
    maxLag: intParam(0, 28).default(MARKETING_DEFAULTS.maxLag),
    hacLag: intParam(0, 365).optional(),
  })
  .strict();

export type MarketingParams = z.output<typeof marketingParams>;

export const marketingParamInfo: ParamInfo[] = [
  { name: 'segmentRun', type: 'run id', default: null, help: 'Measure per segment of this segmentation run (without it: all customers as one segment).' },
  { name: 'onlineChannel', type: 'channel', default: null, help: 'The online spend column (default: the channel whose name contains online / 온라인).' },
  { name: 'offlineChannel', type: 'channel', default: null, help: 'The offline spend column (default: the channel whose name contains offline / 오프라인).' },
  { name: 'offlineTierBounds', type: 'low,high', default: null, help: 'Offline tiers: low below the first bound, high from the second (default: terciles of the distinct spend levels).' },
  { name: 'channels', type: 'A,B,…', default: null, help: 'Channels in the daily lag regression (default: every channel).' },
  { name: 'maxLag', type: 'integer', default: MARKETING_DEFAULTS.maxLag, help: 'Longest lag of the regression, in days (0–28).' },
  { name: 'hacLag', type: 'integer', default: null, help: 'Newey–West truncation lag (default ⌊4 (n/100)^(2/9)⌋ for n days).' },
];
