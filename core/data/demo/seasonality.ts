import type { Season } from './taxonomy-types.js';

/**
 * Monthly multipliers (Jan…Dec) of how often a product of each season tag is picked, and the
 * overall yearly level of shopping trips. These are the planted yearly patterns that the
 * forecasting analyses should recover (docs/demo-data.md, "Seasonality").
 */
export const SEASON_SHAPES: Record<Season, readonly number[]> = {
  none: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  summer: [0.5, 0.5, 0.65, 0.85, 1.1, 1.6, 2.1, 2.0, 1.1, 0.7, 0.55, 0.5],
  winter: [2.0, 1.6, 1.0, 0.6, 0.4, 0.3, 0.3, 0.3, 0.55, 1.0, 1.7, 2.2],
  rainy: [0.5, 0.5, 0.7, 0.8, 0.9, 1.6, 2.6, 1.6, 0.9, 0.7, 0.6, 0.5],
  spring: [0.5, 0.7, 1.5, 1.9, 1.7, 1.1, 0.9, 0.9, 1.1, 1.2, 0.7, 0.5],
  kids: [0.8, 0.8, 0.9, 1.0, 2.2, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 2.0],
  school: [0.8, 2.0, 2.2, 0.9, 0.7, 0.7, 0.8, 1.3, 0.8, 0.7, 0.7, 0.8],
  kimjang: [0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.8, 1.2, 3.0, 1.5],
  may: [0.7, 0.9, 0.9, 1.0, 3.0, 0.9, 0.8, 0.8, 0.8, 0.9, 0.9, 1.2],
  gift: [0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15],
};

/** Overall trip level by month: a mild December (year-end) peak and a February dip. */
export const MONTH_LEVEL: readonly number[] = [0.95, 0.9, 1.0, 0.98, 1.04, 0.98, 1.0, 1.02, 1.0, 0.99, 1.03, 1.12];

/** Days before the first day of Seollal/Chuseok with more trips (ramping up) and gift-set buying. */
export const PRE_HOLIDAY_DAYS = 10;
export const GIFT_WINDOW_DAYS = 14;
/** Trip multiplier on the day just before a lunar holiday; it falls linearly to 1 over PRE_HOLIDAY_DAYS. */
export const PRE_HOLIDAY_PEAK = 2.2;
/** Trip multipliers on the first, main and last day of the Seollal/Chuseok break. */
export const LUNAR_HOLIDAY_LEVEL: readonly number[] = [0.6, 0.25, 0.6];
/** Other public holidays behave like Sundays, slightly busier. */
export const PUBLIC_HOLIDAY_LEVEL = 1.1;
/** Online trips grow through the year: share × (ONLINE_TREND_START + ONLINE_TREND_GAIN × day/364). */
export const ONLINE_TREND_START = 0.85;
export const ONLINE_TREND_GAIN = 0.3;
