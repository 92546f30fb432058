import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KR_HOLIDAYS } from '../../../core/analysis/forecast/index.js';
import { ApiHost } from '../../../core/service/api.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { makeTinyDemo } from '../../helpers/project.js';
import { runForecast } from './helpers.js';

/** The Forecast page's operations through the API host: one series' view, the holiday list, the refit preview. */
describe('forecast operations of the API (getForecast, getHolidays, saveHolidays, refitForecast)', () => {
  let dir: string, project: string, host: ApiHost, service: WorkbenchService, runId: number;
  beforeAll(() => {
    ({ dir, project } = makeTinyDemo());
    runId = runForecast(project, ['models=snaive,prophet', 'folds=1']).runId;
    service = new WorkbenchService();
    host = new ApiHost(service, project);
  }, 120_000);
  afterAll(async () => {
    await service.jobs.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('getForecast: dates of history and horizon, the history, every model', async () => {
    const r = await host.invoke('getForecast', { project, runId });
    if (!r.ok) throw new Error(r.error.message);
    const v = r.value;
    expect(v.key).toBe('total');
    expect(v.actual).toHaveLength(365);
    expect(v.dates).toHaveLength(365 + 60);
    expect(v.dates[0]).toBe('2021-01-01');
    expect(v.dates[365]).toBe('2022-01-01');
    expect(v.result.models.map((m) => m.model)).toEqual(['snaive', 'prophet']);
    const missing = await host.invoke('getForecast', { project, runId, series: 'seg9' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const wrongRun = await host.invoke('getForecast', { project, runId: 1 });
    expect(wrongRun).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'Run 1 is a demo run; this needs a forecast run (`run forecast`).' } });
  });

  it('holidays: built-in until saved, checked, sorted, kept in the project, reset to the built-in list', async () => {
    const built = await host.invoke('getHolidays', { project });
    expect(built).toMatchObject({ ok: true, value: { edited: false } });
    if (!built.ok) return;
    expect(built.value.holidays.map((h) => h.date)).toEqual(KR_HOLIDAYS.map((h) => h.date));
    const bad = await host.invoke('saveHolidays', { project, holidays: [{ date: '2021-02-30', name: 'x' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', message: "Holiday 1: '2021-02-30' is not a date as yyyy-mm-dd." } });
    const edited = [{ date: '2021-12-31', name: '연말' }, { date: '2021-05-05', name: '어린이날', nameEn: "Children's Day" }];
    const saved = await host.invoke('saveHolidays', { project, holidays: edited });
    expect(saved).toMatchObject({ ok: true, value: { edited: true, holidays: [edited[1], edited[0]] } });
    expect(await host.invoke('getHolidays', { project })).toEqual(saved);
    // A refit uses the saved list: Prophet now models 2 holidays instead of the built-in ones.
    const refit = await host.invoke('refitForecast', { project, runId, series: 'total' });
    if (!refit.ok) throw new Error(refit.error.message);
    expect(refit.value.model.spec).toContain('2 holidays');
    expect(refit.value.model.mean).toHaveLength(60);
    const stored = await host.invoke('getForecast', { project, runId });
    expect(stored.ok && stored.value.result.models.find((m) => m.model === 'prophet')!.spec).not.toContain('2 holidays');
    expect(await host.invoke('saveHolidays', { project, holidays: null })).toMatchObject({ ok: true, value: { edited: false } });
    expect(await host.invoke('getHolidays', { project })).toMatchObject({ ok: true, value: { edited: false } });
  }, 60_000);
});
