/**
 * Planted repurchase cycles. A customer who adopts a cyclic product buys it every
 * `days` × (personal factor) × (1 + jitter) days at one preferred retailer for the whole year,
 * so the gap between consecutive purchases of it clusters around `days`. Adoption is drawn
 * per customer with the archetype's probability (order of ARCHETYPES).
 */

export interface Cycle {
  product: string;
  days: number;
  /** Adoption probability per archetype: family, single, online, premium, senior, tech, parent, light. */
  adopt: readonly number[];
  /** Adoption multiplier for men and for women (e.g. sanitary pads are women-only). */
  gender?: { male: number; female: number };
  /** Units per purchase [min, max]. */
  qty: readonly [number, number];
}

/** Personal cycle = days × exp(N(0, PERSONAL_SD)); each gap = personal × (1 + N(0, GAP_JITTER)), at least 1 day. */
export const PERSONAL_SD = 0.1;
export const GAP_JITTER = 0.12;

export const CYCLES: readonly Cycle[] = [
  { product: '흰우유', days: 7, adopt: [0.38, 0.07, 0.11, 0.19, 0.26, 0.06, 0.41, 0.03], qty: [1, 2] },
  { product: '식빵', days: 6, adopt: [0.15, 0.07, 0.07, 0.09, 0.07, 0.03, 0.15, 0.01], qty: [1, 1] },
  { product: '계란', days: 10, adopt: [0.3, 0.04, 0.07, 0.15, 0.26, 0.03, 0.3, 0.02], qty: [1, 1] },
  { product: '두부', days: 8, adopt: [0.19, 0.02, 0.03, 0.09, 0.26, 0.01, 0.15, 0.01], qty: [1, 2] },
  { product: '바나나', days: 7, adopt: [0.15, 0.02, 0.04, 0.09, 0.15, 0.02, 0.23, 0.01], qty: [1, 1] },
  { product: '배추김치', days: 21, adopt: [0.19, 0.07, 0.04, 0.07, 0.3, 0.04, 0.07, 0.02], qty: [1, 1] },
  { product: '백미', days: 30, adopt: [0.41, 0.04, 0.04, 0.15, 0.45, 0.04, 0.34, 0.02], qty: [1, 1] },
  { product: '일회용기저귀', days: 21, adopt: [0.09, 0, 0.02, 0.01, 0, 0.01, 0.69, 0.01], qty: [1, 2] },
  { product: '분유', days: 14, adopt: [0.04, 0, 0.01, 0, 0, 0, 0.45, 0], qty: [1, 2] },
  { product: '롤화장지', days: 35, adopt: [0.38, 0.07, 0.23, 0.15, 0.26, 0.07, 0.38, 0.04], qty: [1, 1] },
  { product: '세탁세제', days: 45, adopt: [0.3, 0.04, 0.19, 0.11, 0.23, 0.04, 0.34, 0.02], qty: [1, 1] },
  { product: '종량제봉투', days: 30, adopt: [0.15, 0.04, 0.04, 0.04, 0.23, 0.04, 0.15, 0.01], qty: [1, 1] },
  { product: '샴푸', days: 50, adopt: [0.23, 0.07, 0.26, 0.15, 0.15, 0.07, 0.23, 0.02], qty: [1, 1] },
  { product: '생리대', days: 28, adopt: [0.23, 0.04, 0.34, 0.15, 0.01, 0.04, 0.3, 0.04], gender: { male: 0, female: 1.4 }, qty: [1, 2] },
  { product: '스킨/토너', days: 60, adopt: [0.07, 0, 0.3, 0.26, 0.04, 0, 0.11, 0.01], gender: { male: 0.2, female: 1.1 }, qty: [1, 1] },
  { product: '캡슐원두커피', days: 21, adopt: [0.07, 0.04, 0.19, 0.26, 0.01, 0.15, 0.07, 0.01], qty: [1, 2] },
  { product: '멀티비타민', days: 30, adopt: [0.07, 0.01, 0.15, 0.23, 0.26, 0.04, 0.07, 0.01], qty: [1, 1] },
  { product: '강아지사료', days: 30, adopt: [0.09, 0.02, 0.09, 0.07, 0.06, 0.04, 0.04, 0.02], qty: [1, 1] },
  { product: '일반담배', days: 4, adopt: [0.03, 0.32, 0, 0.01, 0.04, 0.11, 0, 0.06], gender: { male: 1.6, female: 0.3 }, qty: [1, 2] },
  { product: '삼각김밥', days: 5, adopt: [0.01, 0.26, 0.03, 0, 0, 0.07, 0, 0.03], qty: [1, 2] },
];
