import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../../core/data/store/open.js';
import { salesSeries } from '../../../core/data/store/queries/forecast-series.js';
import { FORECAST_MODELS } from '../../../core/model/forecast.js';
import { FIXTURES, makeTinyDemo, runCli, tempDir } from '../../helpers/project.js';
import { exportForecast, expectContract, HEADER, runForecast } from './helpers.js';

describe('run forecast and export --what forecast on the tiny demo', () => {
  let dir: string, project: string;
  beforeAll(() => ({ dir, project } = makeTinyDemo()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the total: summary contract, export header, history rows with actuals, forecast rows with intervals', () => {
    const s = runForecast(project, []);
    expect(s).toMatchObject({ horizon: 60, horizonPeriods: 60, by: 'total', measure: 'amount', grain: 'day', folds: 3, models: [...FORECAST_MODELS], holidays: 'built-in' });
    expect(s.series.map((x) => x.name)).toEqual(['total']);
    expectContract(s, FORECAST_MODELS);
    const { header, rows } = exportForecast(project, s.runId, path.join(dir, 'f.csv'));
    expect(header).toBe(HEADER);
    const db = openProject(project, { readonlyIfNeeded: true });
    const actual = salesSeries(db, { by: 'total', measure: 'amount', grain: 'day' });
    db.close();
    for (const model of FORECAST_MODELS) {
      const mine = rows.filter((r) => r.model === model);
      const history = mine.filter((r) => r.actual !== '');
      const future = mine.filter((r) => r.actual === '');
      expect(history).toHaveLength(actual.periods);
      history.forEach((r, i) => expect(Number(r.actual)).toBeCloseTo(actual.series[0].values[i], 6));
      expect(history[0].date).toBe('2021-01-01');
      expect(future).toHaveLength(60);
      expect(future[0].date).toBe('2022-01-01');
      expect(future[59].date).toBe('2022-03-01'); // seed 003: 2022-01-01 to 2022-03-01
      for (const r of future) {
        const [y, l80, u80, l95, u95] = [r.yhat, r.lower80, r.upper80, r.lower95, r.upper95].map(Number);
        expect(Number.isFinite(y)).toBe(true);
        expect(l95).toBeLessThanOrEqual(l80 + 1e-9);
        expect(l80).toBeLessThanOrEqual(y + 1e-9);
        expect(y).toBeLessThanOrEqual(u80 + 1e-9);
        expect(u80).toBeLessThanOrEqual(u95 + 1e-9);
      }
    }
  }, 300_000);

  it('each segment of a segmentation run (weekly receipts, two models)', () => {
    const k = runCli(['run', 'kprototypes', '--project', project, '--param', 'k=4', '--json']);
    expect(k.code, k.stderr).toBe(0);
    const segRun = (JSON.parse(k.stdout) as { runId: number }).runId;
    const s = runForecast(project, ['by=segment', `segmentRun=${segRun}`, 'measure=receipts', 'grain=week', 'horizon=28', 'folds=2', 'models=snaive,ets']);
    expect(s).toMatchObject({ by: 'segment', segmentRun: segRun, grain: 'week', horizon: 28, horizonPeriods: 4, models: ['snaive', 'ets'] });
    expect(s.series).toHaveLength(4);
    expectContract(s, ['snaive', 'ets']);
    expect(s.notes.join(' ')).toContain('the first partial week (2021-01-01 to 2021-01-03, 3 days) is left out');
    const { rows } = exportForecast(project, s.runId, path.join(dir, 'seg.csv'));
    expect(new Set(rows.map((r) => r.series))).toEqual(new Set(s.series.map((x) => x.name)));
    expect(rows.filter((r) => r.actual === '' && r.model === 'ets')).toHaveLength(4 * 4);
  }, 300_000);

  it('is deterministic: the same data and parameters give the same export, byte for byte', () => {
    const params = ['models=snaive,ets,prophet', 'folds=1', 'horizon=14'];
    const a = runForecast(project, params), b = runForecast(project, params);
    expect(b.runId).not.toBe(a.runId);
    expect(b.series).toEqual(a.series);
    exportForecast(project, a.runId, path.join(dir, 'a.csv'));
    exportForecast(project, b.runId, path.join(dir, 'b.csv'));
    expect(fs.readFileSync(path.join(dir, 'b.csv')).equals(fs.readFileSync(path.join(dir, 'a.csv')))).toBe(true);
  }, 300_000);

  it('refuses what does not fit, in one sentence', () => {
    const a = runCli(['run', 'forecast', '--project', project, '--param', 'by=segment']);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('forecast by=segment needs segmentRun (the segmentation whose segments to forecast).');
    const b = runCli(['run', 'forecast', '--project', project, '--param', 'models=snaive,arima']);
    expect(b.code).not.toBe(0);
    expect(b.stderr).toContain('models');
  });
});

describe('a generic file without amounts (Kaggle Groceries item log): measure=receipts', () => {
  let dir: string, project: string;
  beforeAll(() => {
    dir = tempDir();
    project = path.join(dir, 'groceries.sqlite');
    const r = runCli(['import', '--project', project, path.join(FIXTURES, 'issue10/groceries.csv')]);
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses measure=amount in one sentence and forecasts receipts', () => {
    const a = runCli(['run', 'forecast', '--project', project]);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain("forecast (measure=amount) needs amounts (no amount or unit price column was imported), which this project's data does not have.");
    const s = runForecast(project, ['measure=receipts', 'models=snaive,ets,sarima']);
    expectContract(s, ['snaive', 'ets', 'sarima']);
    const { header, rows } = exportForecast(project, s.runId, path.join(dir, 'g.csv'));
    expect(header).toBe(HEADER);
    expect(rows.filter((r) => r.actual === '' && r.model === 'sarima')).toHaveLength(60);
  }, 300_000);
});
