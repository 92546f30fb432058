import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORECAST_MODELS } from '../../../core/model/forecast.js';
import { runCli, tempDir, UCI_CSV } from '../../helpers/project.js';
import { exportForecast, expectContract, HEADER, runForecast } from './helpers.js';

const present = fs.existsSync(UCI_CSV);
if (!present) console.warn(`SKIPPED: ${UCI_CSV} is absent (see ../shared/data/README.md); the forecast test on UCI Online Retail needs it.`);

describe.skipIf(!present)('forecast on UCI Online Retail (daily net sales, a shop closed on Saturdays)', () => {
  let dir: string, project: string;
  beforeAll(() => {
    dir = tempDir();
    project = path.join(dir, 'uci.sqlite');
    const r = runCli(['import', '--project', project, UCI_CSV, '--json']);
    expect(r.code, r.stderr).toBe(0);
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('every model forecasts the total; zeros on the Saturdays the shop never trades', () => {
    const s = runForecast(project, []);
    expect(s).toMatchObject({ from: '2010-12-01', to: '2011-12-09', periods: 374 });
    expectContract(s, FORECAST_MODELS);
    const { header, rows } = exportForecast(project, s.runId, path.join(dir, 'uci.csv'));
    expect(header).toBe(HEADER);
    const history = rows.filter((r) => r.model === 'snaive' && r.actual !== '');
    expect(history).toHaveLength(374);
    const saturdays = history.filter((r) => new Date(`${r.date}T00:00:00Z`).getUTCDay() === 6);
    expect(saturdays.length).toBeGreaterThan(50);
    for (const r of saturdays) expect(Number(r.actual)).toBe(0);
  }, 600_000);
});
