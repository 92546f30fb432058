import { z } from 'zod';
import { RULES_DEFAULTS } from '../../analysis/rules/index.js';
import { RULE_BASKETS, RULE_LEVELS } from '../../model/rules.js';
import { intParam, numberParam } from '../segment/params.js';
import type { ParamInfo } from '../types.js';

/** Parameters of `run rules` (issue #11 contract: names and defaults). */
export const rulesParams = z
  .object({
    basket: z.enum(RULE_BASKETS).default('receipt'),
    level: z.enum(RULE_LEVELS).default('product'),
    minSupport: numberParam(0, 1).refine((v) => v > 0, 'must be above 0').default(RULES_DEFAULTS.minSupport),
    minConfidence: numberParam(0, 1).default(RULES_DEFAULTS.minConfidence),
    minLift: numberParam(0, 1e9).default(RULES_DEFAULTS.minLift),
    maxLength: intParam(1, 16).default(RULES_DEFAULTS.maxLength),
    excludeTop: intParam(0, 1e6).default(RULES_DEFAULTS.excludeTop),
    maxItemSupport: numberParam(0, 1).refine((v) => v > 0, 'must be above 0').default(RULES_DEFAULTS.maxItemSupport),
    maxItemsets: intParam(1, 1e8).default(RULES_DEFAULTS.maxItemsets),
    segmentRun: intParam(1, 2 ** 31 - 1).optional(),
    segment: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1)).optional(),
  })
  .strict();

export type RulesParams = z.output<typeof rulesParams>;

export const rulesParamInfo: ParamInfo[] = [
  { name: 'basket', type: RULE_BASKETS.join('|'), default: 'receipt', help: 'What one basket is: a receipt, one customer\'s items on one day, or everything a customer bought.' },
  { name: 'level', type: RULE_LEVELS.join('|'), default: 'product', help: 'Items are products, categories or sub-categories (category2).' },
  { name: 'minSupport', type: 'number', default: RULES_DEFAULTS.minSupport, help: 'Smallest share of baskets an itemset must appear in (0–1).' },
  { name: 'minConfidence', type: 'number', default: RULES_DEFAULTS.minConfidence, help: 'Keep rules A → C with P(C | A) at least this (0–1).' },
  { name: 'minLift', type: 'number', default: RULES_DEFAULTS.minLift, help: 'Keep rules whose lift is at least this (1 = independence).' },
  { name: 'maxLength', type: 'integer', default: RULES_DEFAULTS.maxLength, help: 'Longest itemset (antecedent and consequent together).' },
  { name: 'excludeTop', type: 'integer', default: RULES_DEFAULTS.excludeTop, help: 'Long-tail mode: remove the N items present in most baskets before mining.' },
  { name: 'maxItemSupport', type: 'number', default: RULES_DEFAULTS.maxItemSupport, help: 'Long-tail mode: remove items present in more than this share of baskets (1 keeps all).' },
  { name: 'maxItemsets', type: 'integer', default: RULES_DEFAULTS.maxItemsets, help: 'Stop with a message past this many itemsets (support too low), instead of exhausting memory.' },
  { name: 'segmentRun', type: 'run id', default: null, help: 'Mine within the segments of this segmentation run.' },
  { name: 'segment', type: 'name|id|each', default: null, help: 'The segment to mine (name or id), or each: every segment, compared.' },
];
