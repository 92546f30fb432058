import type { z } from 'zod';
import { RULES_DEFAULTS } from '../../analysis/rules/index.js';
import { RULE_BASKETS, RULE_LEVELS } from '../../model/rules.js';
import { choice, defineParams, int, number, runId, text } from '../param-spec.js';

/** Parameters of `run rules` (issue #11 contract: names and defaults). */
export const { schema: rulesParams, info: rulesParamInfo } = defineParams({
  basket: choice(RULE_BASKETS, {
    default: 'receipt',
    label: { en: 'What one basket is', ko: '장바구니 단위' },
    help: { en: "A receipt, one customer's items on one day, or everything a customer bought.", ko: '영수증 하나, 한 고객이 하루에 산 상품, 또는 한 고객이 산 전체.' },
  }),
  level: choice(RULE_LEVELS, {
    default: 'product',
    label: { en: 'Item level', ko: '품목 수준' },
    help: { en: 'Items are products, top-level categories or sub-categories (category2).', ko: '품목을 상품, 대분류, 중분류(category2) 중 무엇으로 볼지.' },
  }),
  minSupport: number({
    min: 0, above: 0, max: 1, default: RULES_DEFAULTS.minSupport,
    label: { en: 'Minimum share of baskets', ko: '최소 장바구니 비율' },
    help: { en: 'Smallest share of baskets a set of items must appear in to be kept (support, above 0 up to 1).', ko: '품목 조합이 남으려면 들어 있어야 하는 장바구니의 최소 비율(지지도, 0 초과 1 이하).' },
  }),
  minConfidence: number({
    min: 0, max: 1, default: RULES_DEFAULTS.minConfidence,
    label: { en: 'Minimum confidence', ko: '최소 신뢰도' },
    help: { en: 'Keep rules A → C where at least this share of the baskets with A also hold C (0–1).', ko: 'A가 든 장바구니 중 C도 든 비율이 이 값 이상인 규칙 A → C만 남깁니다(0–1).' },
  }),
  minLift: number({
    min: 0, max: 1e9, default: RULES_DEFAULTS.minLift,
    label: { en: 'Minimum lift', ko: '최소 향상도' },
    help: { en: 'Keep rules whose lift is at least this (1 = A and C independent).', ko: '향상도가 이 값 이상인 규칙만 남깁니다(1 = A와 C가 서로 무관).' },
  }),
  maxLength: int({
    min: 1, max: 16, default: RULES_DEFAULTS.maxLength,
    label: { en: 'Most items in a rule', ko: '규칙의 최대 품목 수' },
    help: { en: 'Largest number of items in a rule (both sides together).', ko: '규칙 하나에 들어갈 최대 품목 수(양쪽 합).' },
  }),
  excludeTop: int({
    min: 0, max: 1e6, default: RULES_DEFAULTS.excludeTop,
    label: { en: 'Leave out the most common items', ko: '가장 흔한 품목 제외' },
    help: { en: 'Long-tail mode: remove the N items present in most baskets before mining.', ko: '롱테일 모드: 찾기 전에 가장 많은 장바구니에 든 품목 N개를 뺍니다.' },
  }),
  maxItemSupport: number({
    min: 0, above: 0, max: 1, default: RULES_DEFAULTS.maxItemSupport,
    label: { en: 'Leave out items in more baskets than', ko: '이 비율보다 흔한 품목 제외' },
    help: { en: 'Long-tail mode: remove items present in more than this share of baskets (1 keeps all).', ko: '롱테일 모드: 이 비율보다 많은 장바구니에 든 품목을 뺍니다(1이면 모두 유지).' },
  }),
  maxItemsets: int({
    min: 1, max: 1e8, default: RULES_DEFAULTS.maxItemsets,
    label: { en: 'Stop past this many item sets', ko: '최대 품목 조합 수' },
    help: { en: 'Stop with a message past this many sets of items (the minimum share is too low) instead of running out of memory.', ko: '품목 조합이 이만큼을 넘으면(최소 비율이 너무 낮음) 메모리가 바닥나기 전에 안내와 함께 멈춥니다.' },
  }),
  segmentRun: runId({
    label: { en: 'Segmentation to mine within', ko: '세그먼트별로 찾을 세그먼테이션' },
    help: { en: 'Find rules within the segments of this segmentation run.', ko: '이 세그먼테이션 실행의 세그먼트 안에서 규칙을 찾습니다.' },
  }),
  segment: text({
    min: 1, numbers: true, type: 'name|id|each',
    label: { en: 'Segment', ko: '세그먼트' },
    help: { en: 'The segment to mine (name or number), or each: every segment, compared.', ko: '규칙을 찾을 세그먼트(이름 또는 번호), 또는 each: 모든 세그먼트를 비교.' },
  }),
});

export type RulesParams = z.output<typeof rulesParams>;
