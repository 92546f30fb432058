import { KR_HOLIDAYS, dayOfIso } from '../forecast/holidays.js';

/** Korean public holidays (the built-in calendar core/analysis/forecast/holidays.ts) as project days. */
const HOLIDAY_DAYS = new Set(KR_HOLIDAYS.map((h) => dayOfIso(h.date)));

/** The seed's calendar features of a project day (days since 1970-01-01 UTC). */
export interface CalendarFeatures {
  /** 1–12 (de_month). */
  month: number;
  /** 1–31 (de_day). */
  day: number;
  /** 0 Monday … 6 Sunday (de_dow). */
  weekday: number;
  /** 1 on a Korean public holiday, else 0 (de_hday). */
  holiday: number;
  /** 0 winter (Dec–Feb), 1 spring (Mar–May), 2 summer (Jun–Aug), 3 autumn (Sep–Nov) (de_season, meteorological seasons). */
  season: number;
}

export function calendarOf(day: number): CalendarFeatures {
  const d = new Date(day * 86_400_000);
  const month = d.getUTCMonth() + 1;
  return { month, day: d.getUTCDate(), weekday: (d.getUTCDay() + 6) % 7, holiday: HOLIDAY_DAYS.has(day) ? 1 : 0, season: Math.floor((month % 12) / 3) };
}
