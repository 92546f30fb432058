/**
 * The planted truth of the optional marketing and coupon files (`demo --with marketing,coupons`,
 * docs/demo-data.md, "Marketing and coupons (optional)"). The marketing-response and
 * coupon-sensitivity analyses are tested on whether they recover exactly these values, so they
 * are exported rather than buried in the generator.
 */
export const PLANTED_RESPONSE = {
  /** The one archetype whose trips react to online spend; no other archetype reacts to any spend. */
  onlineArchetype: 'online_trendy',
  /** The reaction is to the spend of the day before, and only that day. */
  lagDays: 1,
  /**
   * A trip day t of the online archetype is drawn with weight × (1 + beta·z[t−1]) / (1 + beta),
   * z = Online_Spend ÷ its yearly mean (mean 1, so the yearly trip count is unchanged). With
   * beta 2 a day after the cheapest spend (z ≈ 0.3) gets about half the usual trips, a day after a
   * dear one (z ≈ 2.5) twice as many: visible in the tiny size's ~30 customers of the archetype.
   */
  beta: 2,
  /** The one coupon-sensitive archetype: P(Used) rises with the discount. */
  couponArchetype: 'family_grocery',
  /** P(Used) of the coupon-sensitive archetype by discount % (the keys are the only discounts offered). */
  useRates: { 10: 0.1, 20: 0.3, 30: 0.55 } as Readonly<Record<10 | 20 | 30, number>>,
  /** P(Used) of every other archetype, whatever the discount. */
  flatUseRate: 0.15,
  /** P(Clicked) for everyone (a clicked coupon was looked at but not used). */
  clickRate: 0.1,
} as const;

/** The discounts (%) a demo coupon offer can carry. */
export const COUPON_DISCOUNTS = [10, 20, 30] as const;
