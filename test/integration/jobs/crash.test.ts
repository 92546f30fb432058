import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../../core/service/job-runner.js';

// Stand-in workers that break in the ways a real one can: the runner must turn each into a failed event.
describe('JobRunner: a broken worker fails the job as data', () => {
  let dir: string;
  const script = (name: string, source: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, source);
    return file;
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-worker-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('an uncaught error in the worker', async () => {
    const runner = new JobRunner({ workerPath: script('throws.mjs', "throw new TypeError('boom at load');\n") });
    const final = await runner.start('diagnostics.count', 'unused.sqlite', {}).result;
    expect(final).toMatchObject({ type: 'failed', error: { name: 'TypeError', message: 'boom at load' } });
    await runner.close();
  }, 30_000);

  it('a worker that exits with a non-zero code', async () => {
    const runner = new JobRunner({ workerPath: script('exits.mjs', 'process.exit(3);\n') });
    const final = await runner.start('diagnostics.count', 'unused.sqlite', {}).result;
    expect(final).toMatchObject({ type: 'failed', error: { code: 'internal' } });
    if (final.type === 'failed') expect(final.error.message).toContain('exit code 3');
    await runner.close();
  }, 30_000);

  it('a missing worker bundle says to build', async () => {
    const runner = new JobRunner({ workerPath: path.join(dir, 'missing.mjs') });
    const handle = runner.start('diagnostics.count', 'unused.sqlite', {});
    const final = await handle.result;
    expect(final).toMatchObject({ type: 'failed', jobId: handle.jobId, error: { code: 'internal' } });
    if (final.type === 'failed') expect(final.error.message).toContain('npm run build');
    await runner.close();
  });
});
