import type { HourBump } from './archetype-types.js';
import { ARCHETYPES } from './archetypes.js';
import { DAYS, MONTH_OF, mandatoryClosingSundays, weekday, yearHolidays } from './calendar.js';
import { OPEN_HOURS, R_ONLINE, RETAILERS } from './retailers.js';
import { cumulative } from './rng.js';
import { GIFT_WINDOW_DAYS, LUNAR_HOLIDAY_LEVEL, MONTH_LEVEL, PRE_HOLIDAY_DAYS, PRE_HOLIDAY_PEAK, PUBLIC_HOLIDAY_LEVEL } from './seasonality.js';

/**
 * Per-day and per-hour sampling tables: the weekly, yearly and holiday patterns of when each
 * archetype shops, and when each retailer is open.
 */
export interface CalendarTables {
  /** Cumulative day weights per archetype. */
  dayCum: Float64Array[];
  /** 1 on weekends and public holidays (weekend hour habits apply). */
  restDay: Uint8Array;
  /** 1 on the main day of Seollal and Chuseok (shops closed). */
  lunarMain: Uint8Array;
  /** 1 on hypermarkets' mandatory closing Sundays. */
  closingSunday: Uint8Array;
  /** 1 in the 14 days before the first day of Seollal or Chuseok (gift sets bought). */
  giftWindow: Uint8Array;
  /** hourCum[hourTable(a, rest, retailer, online)]: cumulative weights of hours 0–23. */
  hourCum: Float64Array[];
}

/** Index into hourCum: hour habits differ by archetype, rest day or not, retailer opening hours and channel. */
export function hourTable(archetype: number, rest: number, retailer: number, online: boolean): number {
  return ((archetype * 2 + rest) * RETAILERS.length + retailer) * 2 + (online ? 1 : 0);
}

function bumps(list: readonly HourBump[], hour: number): number {
  let s = 0.004;
  for (const [c, sd, w] of list) {
    const raw = Math.abs(hour - c);
    const dist = Math.min(raw, 24 - raw);
    s += w * Math.exp(-0.5 * (dist / sd) * (dist / sd));
  }
  return s;
}

/** Day multiplier from holidays: a ramp before each lunar holiday, low levels on its three days, Sunday-like other holidays. */
function holidayLevels(): { level: Float64Array; rest: Uint8Array; lunarMain: Uint8Array; giftWindow: Uint8Array } {
  const h = yearHolidays();
  const level = new Float64Array(DAYS).fill(1);
  const rest = new Uint8Array(DAYS);
  const lunarMain = new Uint8Array(DAYS);
  const giftWindow = new Uint8Array(DAYS);
  for (let d = 0; d < DAYS; d++) {
    if (weekday(d) >= 5) rest[d] = 1;
    if (h.holiday[d]) {
      rest[d] = 1;
      level[d] = PUBLIC_HOLIDAY_LEVEL;
    }
  }
  for (const days of [h.seollal, h.chuseok]) {
    if (days.length === 0) continue;
    days.forEach((d, k) => (level[d] = LUNAR_HOLIDAY_LEVEL[Math.min(k, LUNAR_HOLIDAY_LEVEL.length - 1)]));
    lunarMain[days[Math.min(1, days.length - 1)]] = 1;
    const first = days[0];
    for (let k = 1; k <= PRE_HOLIDAY_DAYS && first - k >= 0; k++) level[first - k] *= 1 + ((PRE_HOLIDAY_PEAK - 1) * (PRE_HOLIDAY_DAYS + 1 - k)) / PRE_HOLIDAY_DAYS;
    for (let k = 1; k <= GIFT_WINDOW_DAYS && first - k >= 0; k++) giftWindow[first - k] = 1;
  }
  return { level, rest, lunarMain, giftWindow };
}

/** Builds the day and hour sampling tables once per run (they depend on no seed). */
export function buildCalendarTables(): CalendarTables {
  const { level, rest, lunarMain, giftWindow } = holidayLevels();
  const dayCum = ARCHETYPES.map((a) => {
    const w = new Float64Array(DAYS);
    for (let d = 0; d < DAYS; d++) {
      const dow = rest[d] && weekday(d) < 5 ? 6 : weekday(d);
      w[d] = a.weekdays[dow] * MONTH_LEVEL[MONTH_OF[d]] * level[d];
    }
    return cumulative(w);
  });
  const hourCum: Float64Array[] = [];
  ARCHETYPES.forEach((a, ai) => {
    for (let r = 0; r < 2; r++) {
      for (let ret = 0; ret < RETAILERS.length; ret++) {
        for (const online of [false, true]) {
          const [open, close] = OPEN_HOURS[ret];
          const w = new Float64Array(24);
          for (let hr = 0; hr < 24; hr++) {
            if (online) w[hr] = bumps(a.hoursOnline, hr);
            else if (ret !== R_ONLINE && hr >= open && hr <= close) w[hr] = bumps(r ? a.hoursWeekend : a.hoursWeekday, hr);
          }
          hourCum[hourTable(ai, r, ret, online)] = cumulative(w);
        }
      }
    }
  });
  return { dayCum, restDay: rest, lunarMain, closingSunday: mandatoryClosingSundays(), giftWindow, hourCum };
}
