import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, lpointSmallFiles, projectDigest, ROOT, runCli, tempDir, writeSyntheticPdde } from '../../helpers/project.js';

/**
 * A real child process importing a large file, interrupted once it reports reading rows:
 * kill -9 (no chance to clean up) and Ctrl-C (cancel). Either way the project must be exactly
 * as before, and still usable.
 */
describe('interrupted imports leave the project exactly as before', () => {
  let big: string;

  beforeAll(() => {
    big = path.join(tempDir(), 'big_PDDE.csv');
    writeSyntheticPdde(big, 1_500_000);
  });

  function projectWithSmallData(): { project: string; digest: string } {
    const project = path.join(tempDir(), 'p.sqlite');
    const r = runCli(['import', '--project', project, ...lpointSmallFiles()]);
    expect(r.code, r.stderr).toBe(0);
    return { project, digest: projectDigest(project) };
  }

  /** Starts an import and resolves once stderr shows rows being read (the transaction is open). */
  function startImport(project: string): Promise<{ child: ReturnType<typeof spawn>; stderr: () => string; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
    const child = spawn(process.execPath, [CLI, 'import', '--project', project, big], { cwd: ROOT, env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    return new Promise((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (/read\s+\d/.test(err) && /rows/.test(err)) resolve({ child, stderr: () => err, exit });
      });
      void exit.then(({ code }) => reject(new Error(`import ended (code ${code}) before it was interrupted: ${err}`)));
    });
  }

  it('kill -9 mid-import', async () => {
    const { project, digest } = projectWithSmallData();
    const { child, exit } = await startImport(project);
    child.kill('SIGKILL');
    expect((await exit).signal).toBe('SIGKILL');
    expect(projectDigest(project)).toBe(digest);
    const again = runCli(['runs', '--project', project, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as unknown[]).length).toBe(1);
  });

  it('Ctrl-C cancels: exit 1, a clear message, project unchanged', async () => {
    const { project, digest } = projectWithSmallData();
    const { child, stderr, exit } = await startImport(project);
    child.kill('SIGINT');
    const { code } = await exit;
    expect(code).toBe(1);
    expect(stderr()).toMatch(/Cancelled; the project is unchanged/);
    expect(projectDigest(project)).toBe(digest);
  });
});
