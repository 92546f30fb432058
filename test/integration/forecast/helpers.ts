import fs from 'node:fs';
import Papa from 'papaparse';
import { expect } from 'vitest';
import type { ForecastRunSummary } from '../../../core/model/forecast-run.js';
import { runCli } from '../../helpers/project.js';

export const HEADER = 'series,date,model,yhat,lower80,upper80,lower95,upper95,actual';
type Row = Record<string, string>;

export function runForecast(project: string, params: string[]): ForecastRunSummary {
  const r = runCli(['run', 'forecast', '--project', project, ...params.flatMap((p) => ['--param', p]), '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ForecastRunSummary;
}

export function exportForecast(project: string, runId: number, out: string): { header: string; rows: Row[] } {
  const r = runCli(['export', '--project', project, '--run', String(runId), '--what', 'forecast', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const text = fs.readFileSync(out, 'utf8');
  return { header: text.slice(0, text.indexOf('\r\n')), rows: Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data };
}

/** The contract of `run forecast --json`, and what must hold of every series line. */
export function expectContract(s: ForecastRunSummary, models: readonly string[]): void {
  expect(Number.isInteger(s.runId)).toBe(true);
  expect(typeof s.seconds).toBe('number');
  expect(s.series.length).toBeGreaterThan(0);
  for (const x of s.series) {
    expect(typeof x.name).toBe('string');
    expect(models).toContain(x.chosen);
    expect(typeof x.beatsSnaive).toBe('boolean');
    expect(Object.keys(x.mase).sort()).toEqual([...models].sort());
    // The chosen model has the lowest mean backtest MASE.
    const best = Math.min(...Object.values(x.mase).map(Number));
    expect(x.mase[x.chosen]).toBe(best);
    if (x.chosen === 'snaive') expect(x.beatsSnaive).toBe(false);
    expect(x.verdict.length).toBeGreaterThan(10);
  }
}
