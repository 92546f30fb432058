import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, makeTinyDemo, runCli, tempDir } from '../../helpers/project.js';

/**
 * Issue #14, defaults that fit the data: k-prototypes said nothing when its categorical inputs
 * were constant (every customer 'unknown' on a file without demographics), and clustered on
 * them anyway. Constant inputs are now left out with a note; with none varying it says the fit is
 * on the numeric inputs alone (the file-without-products contract of issue #10 keeps it running).
 */
describe('k-prototypes on data whose categorical inputs do not vary', () => {
  it('says so on a file with no demographics, channel or partners: the fit is on the numeric inputs alone', () => {
    const project = path.join(tempDir('swb-kproto-none-'), 'p.sqlite');
    const imported = runCli(['import', '--project', project, '--role', 'transactions', path.join(FIXTURES, 'issue10', 'cdnow-like.csv')]);
    expect(imported.code, imported.stderr).toBe(0);
    const r = runCli(['run', 'kprototypes', '--project', project, '--param', 'k=2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.stringify((JSON.parse(r.stdout) as { notes?: unknown }).notes)).toContain('No categorical input differs between customers here (gender, ageBand, region, channel, lpay, partners): k-prototypes clusters on the numeric inputs alone');
  });

  it('keeps the inputs that vary on the demo and says nothing is left out', () => {
    const { project } = makeTinyDemo('swb-kproto-demo-');
    const r = runCli(['run', 'kprototypes', '--project', project, '--param', 'k=3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { featureNames: string[]; notes?: string | string[] };
    const names = s.featureNames.join(' ');
    for (const c of ['gender', 'ageBand', 'region', 'channel']) expect(names).toContain(`${c} (code:`);
    expect(JSON.stringify(s.notes ?? '')).not.toContain('left out');
  });
});
