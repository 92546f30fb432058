import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNoChannelFile } from '../../helpers/no-channel.js';
import { runCli, tempDir } from '../../helpers/project.js';

/**
 * Issue #14, defaults that fit the data: on data without a channel, stratified-kmeans reported 8
 * strata, four of them empty, labelled "offline-only" though nothing said so, and its k did not
 * match the segments shown. Now: 4 strata by spend grade, said in the notes, k = segments.
 */
describe('stratified-kmeans on data without a sales channel', () => {
  it('makes 4 strata by spend grade, labelled without a channel, says so, and its k is the segment count', () => {
    const dir = tempDir('swb-strata-');
    const file = path.join(dir, 'sales.csv');
    writeNoChannelFile(file);
    const project = path.join(dir, 'p.sqlite');
    const imported = runCli(['import', '--project', project, '--role', 'transactions', file]);
    expect(imported.code, imported.stderr).toBe(0);
    const r = runCli(['run', 'stratified-kmeans', '--project', project, '--param', 'kMin=2', '--param', 'kMax=4', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { k: number; segments: number; notes?: string[]; strata: { label: string; customers: number }[] };
    expect(s.strata.map((x) => x.label)).toEqual(['spend Q1', 'spend Q2', 'spend Q3', 'spend Q4']);
    expect(s.strata.every((x) => x.customers > 0)).toBe(true);
    expect(s.notes?.join(' ')).toContain('These data have no sales channel: 4 strata by spend grade alone (not 8 by channel × spend).');
    expect(s.k).toBe(s.segments);
  });
});
