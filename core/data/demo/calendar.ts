import holidays from '../../../resources/calendars/kr-holidays.json' with { type: 'json' };

/**
 * The demo year (2021, as in the real L.point extract) as day indexes 0…364, computed
 * arithmetically in UTC so neither the clock nor the time zone can change a single byte.
 */

export const YEAR = 2021;
export const DAYS = 365;
/** 2021-01-01 was a Friday; weekday() is 0 = Monday … 6 = Sunday. */
const JAN1_WEEKDAY = 4;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export interface HolidayEntry {
  date: string;
  name: string;
  nameEn: string;
}

export const KR_HOLIDAYS: readonly HolidayEntry[] = holidays as HolidayEntry[];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** YYYYMMDD of each day, month (0–11) and day of month of each day. */
export const DATE_STR: readonly string[] = [];
export const MONTH_OF = new Uint8Array(DAYS);
for (let m = 0, d = 0; m < 12; m++) {
  for (let k = 1; k <= MONTH_DAYS[m]; k++, d++) {
    (DATE_STR as string[]).push(`${YEAR}${pad2(m + 1)}${pad2(k)}`);
    MONTH_OF[d] = m;
  }
}

/** Weekday of a day index, computed arithmetically (no Date, so no time zone). */
export function weekday(day: number): number {
  return (day + JAN1_WEEKDAY) % 7;
}

/** Day index of an ISO date in the demo year, or -1 outside it. */
export function dayOfIso(iso: string): number {
  if (!iso.startsWith(`${YEAR}-`)) return -1;
  const m = Number(iso.slice(5, 7)) - 1;
  const d = Number(iso.slice(8, 10)) - 1;
  let day = d;
  for (let i = 0; i < m; i++) day += MONTH_DAYS[i];
  return day;
}

export interface YearHolidays {
  /** 1 on every public holiday of the year (substitute days included). */
  holiday: Uint8Array;
  /** Days of the three-day Seollal and Chuseok breaks, in date order. */
  seollal: number[];
  chuseok: number[];
}

/** The demo year's holidays from resources/calendars/kr-holidays.json. */
export function yearHolidays(): YearHolidays {
  const holiday = new Uint8Array(DAYS);
  const seollal: number[] = [];
  const chuseok: number[] = [];
  for (const h of KR_HOLIDAYS) {
    const d = dayOfIso(h.date);
    if (d < 0) continue;
    holiday[d] = 1;
    if (h.name === '설날') seollal.push(d);
    if (h.name === '추석') chuseok.push(d);
  }
  seollal.sort((a, b) => a - b);
  chuseok.sort((a, b) => a - b);
  return { holiday, seollal, chuseok };
}

/** Second and fourth Sundays of each month: the mandatory closing days of hypermarkets (대형마트 의무휴업일). */
export function mandatoryClosingSundays(): Uint8Array {
  const closed = new Uint8Array(DAYS);
  const sundaysSeen = new Uint8Array(12);
  for (let d = 0; d < DAYS; d++) {
    if (weekday(d) !== 6) continue;
    const m = MONTH_OF[d];
    sundaysSeen[m]++;
    if (sundaysSeen[m] === 2 || sundaysSeen[m] === 4) closed[d] = 1;
  }
  return closed;
}
