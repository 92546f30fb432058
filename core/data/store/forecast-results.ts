import holidays from '../../../resources/calendars/kr-holidays.json' with { type: 'json' };
import type { ForecastHoliday, SeriesForecast } from '../../model/forecast.js';
import type { HolidayList } from '../../model/forecast-run.js';
import type { Db } from './open.js';
import { readArtifact, writeArtifact } from './segments.js';

/**
 * Storage of a `forecast` run in run_artifacts (no table of its own): per series, by its index in
 * the run summary, one JSON document with the history and everything forecastSeries returned
 * (forecasts, intervals, fitted values, components, backtest). A series is a few hundred KB at
 * most, read whole by the page and the export.
 *
 * The project's holiday list (the built-in Korean calendar until an analyst edits it) lives in
 * the `meta` table under META_HOLIDAYS as JSON: one value per project, no schema change, and
 * removing the key restores the built-in list.
 */
export interface StoredSeries {
  key: string;
  name: string;
  /** Project day of the first value. */
  start: number;
  values: number[];
  result: SeriesForecast;
}

export const META_HOLIDAYS = 'forecast.holidays';

export function writeForecastSeries(db: Db, runId: number, index: number, s: StoredSeries): void {
  writeArtifact(db, runId, `forecast/series/${index}`, JSON.stringify(s));
}

export function readForecastSeries(db: Db, runId: number, index: number): StoredSeries {
  const b = readArtifact(db, runId, `forecast/series/${index}`);
  if (!b) throw new Error(`run ${runId} has no stored forecast series ${index}`);
  return JSON.parse(b.toString('utf8')) as StoredSeries;
}

/** The project's edited holiday list, or null when it uses the built-in calendar. */
export function readProjectHolidays(db: Db): ForecastHoliday[] | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(META_HOLIDAYS) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as ForecastHoliday[]) : null;
}

/** Saves the project's holiday list; null goes back to the built-in calendar. */
export function writeProjectHolidays(db: Db, list: readonly ForecastHoliday[] | null): void {
  if (list === null) db.prepare('DELETE FROM meta WHERE key = ?').run(META_HOLIDAYS);
  else db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(META_HOLIDAYS, JSON.stringify(list));
}

/** The built-in Korean public holidays (resources/calendars/kr-holidays.json: lunar New Year and Chuseok included). */
export const BUILT_IN_HOLIDAYS: readonly ForecastHoliday[] = (holidays as ForecastHoliday[]).map((h) => ({ date: h.date, name: h.name, nameEn: h.nameEn }));

/** The holidays Prophet uses in this project: the edited list, or the built-in calendar. */
export function projectHolidays(db: Db): HolidayList {
  const edited = readProjectHolidays(db);
  return edited === null ? { holidays: [...BUILT_IN_HOLIDAYS], edited: false } : { holidays: edited, edited: true };
}
