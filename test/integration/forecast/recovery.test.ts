import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LUNAR_HOLIDAY_LEVEL, PUBLIC_HOLIDAY_LEVEL } from '../../../core/data/demo/seasonality.js';
import { openProject } from '../../../core/data/store/open.js';
import { weekdayOf } from '../../../core/data/store/queries/forecast-series.js';
import { BUILT_IN_HOLIDAYS } from '../../../core/data/store/forecast-results.js';
import { forecastView } from '../../../core/service/forecast.js';
import { runCli, tempDir } from '../../helpers/project.js';
import { runForecast } from './helpers.js';

/**
 * Recovery of what the demo generator plants (core/data/demo/seasonality.ts, calendar-tables.ts):
 * the weekly rhythm of shopping trips, the Seollal and Chuseok breaks (trip levels 0.6, 0.25, 0.6
 * of a Sunday on their three days: sales fall to about half) and other public holidays that behave
 * like a busier Sunday (1.1×). Prophet's additive components on the `demo` size (3,000 customers)
 * must find them with the right sign and size. Tolerances, relative to the mean daily sales m:
 * - weekly: each weekday's component within 0.08·m of the planted rhythm as the generator realised
 *   it (mean sales of that weekday on days that are no holiday, minus the mean over weekdays);
 *   weekend above, Monday–Thursday below;
 * - Seollal and Chuseok: effect negative, its mean over the three days in [−0.8·m, −0.3·m]
 *   (planted: the three days' level averages 0.48, i.e. about −0.5·m);
 * - Children's Day (a Wednesday in 2021, shopped like a Sunday): effect positive, above 0.2·m.
 */
describe('the demo generator\'s planted seasonality and Korean holidays are recovered by Prophet', () => {
  let dir: string, project: string;
  beforeAll(() => {
    dir = tempDir();
    project = path.join(dir, 'demo.sqlite');
    const r = runCli(['demo', '--project', project, '--size', 'demo']);
    expect(r.code, r.stderr).toBe(0);
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('weekly and holiday components: right sign and size', () => {
    expect(LUNAR_HOLIDAY_LEVEL).toEqual([0.6, 0.25, 0.6]);
    expect(PUBLIC_HOLIDAY_LEVEL).toBe(1.1);
    const s = runForecast(project, ['models=prophet', 'folds=0']);
    const db = openProject(project, { readonlyIfNeeded: true });
    const view = forecastView(db, s.runId);
    db.close();
    const prophet = view.result.models.find((m) => m.model === 'prophet')!;
    const c = prophet.components!;
    expect(c.weekly).not.toBeNull();
    expect(c.holidays).not.toBeNull();
    const n = view.actual.length;
    const mean = view.actual.reduce((a, v) => a + v, 0) / n;
    const start = Date.parse(`${view.dates[0]}T00:00:00Z`) / 86_400_000;
    const dayIndex = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 - start;
    const holidayDays = new Set(BUILT_IN_HOLIDAYS.filter((h) => h.date.startsWith('2021')).map((h) => dayIndex(h.date)));

    // Weekly: the planted rhythm as realised, against the component (same weekday, any week).
    const sums = new Array<number>(7).fill(0), counts = new Array<number>(7).fill(0), comp = new Array<number>(7).fill(0);
    for (let t = 0; t < n; t++) {
      const w = weekdayOf(start + t);
      comp[w] = c.weekly![t];
      if (holidayDays.has(t)) continue;
      sums[w] += view.actual[t];
      counts[w]++;
    }
    const realised = sums.map((v, w) => v / counts[w]);
    const realisedMean = realised.reduce((a, v) => a + v, 0) / 7;
    const compMean = comp.reduce((a, v) => a + v, 0) / 7;
    for (let w = 0; w < 7; w++) {
      expect(Math.abs(comp[w] - compMean - (realised[w] - realisedMean)) / mean, `weekday ${w}`).toBeLessThan(0.08);
    }
    for (const w of [5, 6]) expect(comp[w] - compMean).toBeGreaterThan(0);
    for (const w of [0, 1, 2, 3]) expect(comp[w] - compMean).toBeLessThan(0);

    // Holidays: the lunar breaks fall, Children's Day rises.
    const effect = (name: string) => {
      const days = BUILT_IN_HOLIDAYS.filter((h) => h.date.startsWith('2021') && h.name === name).map((h) => dayIndex(h.date));
      expect(days.length, name).toBeGreaterThan(0);
      return days.reduce((a, t) => a + c.holidays![t], 0) / days.length / mean;
    };
    for (const name of ['설날', '추석']) {
      const e = effect(name);
      expect(e, name).toBeLessThan(-0.3);
      expect(e, name).toBeGreaterThan(-0.8);
    }
    expect(effect('어린이날')).toBeGreaterThan(0.2);
  }, 300_000);
});
