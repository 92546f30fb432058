import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationInput, OperationName, OperationOutputs } from '../../../core/model/api.js';
import type { RunRecord } from '../../../core/model/jobs.js';
import type { ApiError } from '../../../core/model/result.js';
import type { RulesSummary } from '../../../core/model/rules.js';
import type { ForecastRunSummary } from '../../../core/model/forecast-run.js';
import type { SegmentationSummary } from '../../../core/model/segment.js';
import { ApiHost } from '../../../core/service/api.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { makeTinyDemo, runCli } from '../../helpers/project.js';
import { inProcessHost, type InProcessHost } from '../serve/helpers.js';

/**
 * Issue #14: runs are titled, annotated and deleted through the one API (and the CLI over it); a
 * renamed segment carries its new name to every run and export that shows it; a deleted
 * segmentation leaves the runs that used it readable; a deleted run is never served from the
 * browser host's answer cache.
 */
describe('runs: rename, annotate, delete; renamed segments everywhere (issue #14)', () => {
  let dir: string, project: string, service: WorkbenchService, host: ApiHost;
  let seg: number, rules: number, forecast: number, recommend: number, demo: number;

  const runJson = (args: string[]): { runId: number } => {
    const r = runCli([...args, '--project', project, '--json']);
    if (r.code !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { runId: number };
  };

  async function ok<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutputs[K]> {
    const r = await host.invoke(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  }
  async function fails<K extends OperationName>(name: K, input: OperationInput<K>): Promise<ApiError> {
    const r = await host.invoke(name, input);
    if (r.ok) throw new Error(`${name} succeeded`);
    return r.error;
  }

  beforeAll(() => {
    ({ dir, project } = makeTinyDemo('swb-run-edits-'));
    demo = 1;
    seg = runJson(['run', 'kmeans', '--param', 'features=category', '--param', 'k=3']).runId;
    rules = runJson(['run', 'rules', '--param', `segmentRun=${seg}`, '--param', 'segment=each']).runId;
    forecast = runJson(['run', 'forecast', '--param', 'by=segment', '--param', `segmentRun=${seg}`, '--param', 'models=snaive']).runId;
    recommend = runJson(['run', 'recommend', '--param', 'model=p-topfreq', '--param', 'top=3']).runId;
    service = new WorkbenchService();
    host = new ApiHost(service);
  }, 180_000);

  afterAll(async () => {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('titles and annotates a run through the API; the CLI lists them; blank clears', async () => {
    const titled = await ok('renameRun', { project, id: seg, title: '  Spring base  ' });
    expect(titled.title).toBe('Spring base');
    const noted = await ok('annotateRun', { project, id: seg, note: 'k=3 by the elbow.\nSent to CRM.' });
    expect(noted).toMatchObject({ title: 'Spring base', note: 'k=3 by the elbow.\nSent to CRM.' });
    const listed = runCli(['runs', '--project', project]);
    expect(listed.stdout).toMatch(new RegExp(`#${seg}\\s+kmeans\\s+"Spring base"`));
    expect(listed.stdout).toMatch(/note: k=3 by the elbow\. \(\+1 more line\)/);
    const json = JSON.parse(runCli(['runs', '--project', project, '--json']).stdout) as RunRecord[];
    expect(json.find((r) => r.id === seg)).toMatchObject({ title: 'Spring base', note: 'k=3 by the elbow.\nSent to CRM.' });
    // The CLI commands do the same through the same host.
    expect(runCli(['run-rename', '--project', project, '--run', String(rules), '--title', 'Rules per segment']).code).toBe(0);
    expect(runCli(['run-note', '--project', project, '--run', String(rules), '--note', 'draft']).code).toBe(0);
    expect((await ok('getRun', { project, id: rules })).title).toBe('Rules per segment');
    expect(runCli(['run-note', '--project', project, '--run', String(rules), '--note', '']).code).toBe(0);
    expect(await ok('getRun', { project, id: rules })).not.toHaveProperty('note');
  });

  it('refuses what it must: unknown runs, data runs, over-long titles, missing options', async () => {
    expect((await fails('renameRun', { project, id: 999, title: 'x' })).code).toBe('not-found');
    expect((await fails('deleteRun', { project, id: 999 })).code).toBe('not-found');
    expect((await fails('renameRun', { project, id: seg, title: 'x'.repeat(201) })).code).toBe('invalid-input');
    const refused = await fails('deleteRun', { project, id: demo });
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toMatch(/brought the project's data/);
    const cli = runCli(['run-delete', '--project', project, '--run', String(demo)]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/cannot be deleted/);
    expect(runCli(['run-rename', '--project', project, '--run', String(seg)]).code).toBe(2);
    expect(runCli(['run-delete', '--project', project]).code).toBe(2);
    expect((await ok('listRuns', { project })).some((r) => r.id === demo)).toBe(true);
  });

  it('carries a renamed segment to the run list, the runs that used it and their exports', async () => {
    await ok('renameSegment', { project, runId: seg, segment: 1, name: 'Weekend families' });
    const runs = await ok('listRuns', { project });
    const segSummary = runs.find((r) => r.id === seg)!.summary as SegmentationSummary;
    expect(segSummary.segmentList.find((s) => s.id === 1)!.name).toBe('Weekend families');
    const rulesSummary = runs.find((r) => r.id === rules)!.summary as RulesSummary;
    expect(rulesSummary.parts.find((p) => p.segment === 1)!.name).toBe('Weekend families');
    const fcSummary = runs.find((r) => r.id === forecast)!.summary as ForecastRunSummary;
    expect(fcSummary.series.find((s) => s.key === 'seg1')!.name).toBe('Weekend families');
    expect((await ok('getRules', { project, runId: rules, part: 'seg1' })).summary.parts.find((p) => p.segment === 1)!.name).toBe('Weekend families');
    expect((await ok('getForecast', { project, runId: forecast, series: 'seg1' })).name).toBe('Weekend families');
    const rulesCsv = (await ok('exportCsv', { project, run: rules, what: 'rules' })).csv;
    expect(rulesCsv).toMatch(/\r\nWeekend families,/);
    const fcCsv = (await ok('exportCsv', { project, run: forecast, what: 'forecast' })).csv;
    expect(fcCsv).toMatch(/\r\nWeekend families,/);
    const out = path.join(dir, 'run-summary.json');
    expect(runCli(['export', '--project', project, '--run', String(seg), '--what', 'summary', '--out', out]).code).toBe(0);
    const record = JSON.parse(fs.readFileSync(out, 'utf8')) as RunRecord & { summary: SegmentationSummary };
    expect(record).toMatchObject({ id: seg, title: 'Spring base', note: 'k=3 by the elbow.\nSent to CRM.' });
    expect(record.summary.segmentList.find((s) => s.id === 1)!.name).toBe('Weekend families');
    const campaign = (await ok('exportCsv', { project, run: recommend, what: 'campaign', params: { segmentRun: String(seg), segment: 'Weekend families' } })).csv;
    const lines = campaign.trim().split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line.split(',')[1]).toBe('Weekend families');
  });

  it('deletes a segmentation used by later runs: they stay readable with their own stored names; what needs it says it is gone', async () => {
    const before = await ok('getRun', { project, id: rules });
    const stored = (before.summary as RulesSummary).parts.map((p) => p.segment);
    const gone = await ok('deleteRun', { project, id: seg });
    expect(gone).toMatchObject({ id: seg, analysis: 'kmeans', title: 'Spring base' });
    expect(gone.deleted.segment_members).toBe(200);
    expect(gone.deleted.runs).toBe(1);
    expect((await fails('getRun', { project, id: seg })).code).toBe('not-found');
    expect((await fails('getSegmentation', { project, runId: seg })).code).toBe('not-found');
    // The rules and forecast runs keep what they stored: parts, series, names as at run time.
    const after = (await ok('getRun', { project, id: rules })).summary as RulesSummary;
    expect(after.parts.map((p) => p.segment)).toEqual(stored);
    expect(after.parts.find((p) => p.segment === 1)!.name).toBe('segment 2');
    expect((await ok('getRules', { project, runId: rules, part: 'seg1' })).total).toBeGreaterThan(0);
    expect((await ok('exportCsv', { project, run: rules, what: 'rules' })).rows).toBeGreaterThan(0);
    expect((await ok('getForecast', { project, runId: forecast, series: 'seg1' })).actual.length).toBeGreaterThan(0);
    expect((await ok('exportCsv', { project, run: forecast, what: 'forecast' })).rows).toBeGreaterThan(0);
    // A campaign filtered by the deleted segmentation cannot be made: a clear not-found.
    const campaign = await fails('exportCsv', { project, run: recommend, what: 'campaign', params: { segmentRun: String(seg) } });
    expect(campaign.code).toBe('not-found');
    // A new run never takes the deleted run's id.
    const next = runJson(['run', 'kmeans', '--param', 'features=category', '--param', 'k=2']).runId;
    expect(next).toBeGreaterThan(recommend);
  });
});

describe('the browser host never serves a deleted run, or a renamed segment’s old name, from its answer cache (issue #14)', () => {
  let served: InProcessHost, project: string, dir: string, runId: number;
  const call = (op: string, input: unknown) => served.call(op, input);

  beforeAll(async () => {
    ({ dir, project } = makeTinyDemo('swb-run-delete-cache-'));
    runId = (JSON.parse(runCli(['run', 'kmeans', '--project', project, '--param', 'features=category', '--param', 'k=3', '--json']).stdout) as { runId: number }).runId;
    served = await inProcessHost('swb-run-delete-');
  }, 120_000);

  afterAll(async () => {
    await served.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('does not serve a rules view with the old name once a segment of its segmentation is renamed', async () => {
    const rulesRun = (JSON.parse(runCli(['run', 'rules', '--project', project, '--param', `segmentRun=${runId}`, '--param', 'segment=each', '--json']).stdout) as { runId: number }).runId;
    const input = { project, runId: rulesRun, part: 'seg0' };
    await call('getRules', input);
    expect((await call('getRules', input)).cache).toBe('hit');
    const host = new ApiHost(served.service);
    expect((await host.invoke('renameSegment', { project, runId, segment: 0, name: 'Renamed elsewhere' })).ok).toBe(true);
    const after = await call('getRules', input);
    expect(after.cache).not.toBe('hit');
    expect(after.body).toContain('Renamed elsewhere');
  });

  it('answers getSegmentation of a deleted run not-found, though its view was cached', async () => {
    await call('getSegmentation', { project, runId });
    const cached = await call('getSegmentation', { project, runId });
    expect(cached.cache).toBe('hit');
    // Deleted by another process (the CLI), as a second window or a script would.
    expect(runCli(['run-delete', '--project', path.resolve(project), '--run', String(runId)]).code).toBe(0);
    const after = await call('getSegmentation', { project, runId });
    expect(after.cache).not.toBe('hit');
    expect(JSON.parse(after.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
