import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_SIZES, writeDemoFiles, type DemoOptions } from '../../../../core/data/demo/index.js';

const root = mkdtempSync(join(tmpdir(), 'demo-options-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writeDemoFiles options', () => {
  it('rejects a bad size with a RangeError naming it', async () => {
    await expect(writeDemoFiles(join(root, 'a'), { size: 'huge' as never, seed: 1 })).rejects.toThrow(RangeError);
    await expect(writeDemoFiles(join(root, 'a'), { size: 'huge' as never, seed: 1 })).rejects.toThrow(/options\.size .*"huge"/);
  });

  it('rejects a non-integer or non-number seed', async () => {
    await expect(writeDemoFiles(join(root, 'b'), { size: 'tiny', seed: 1.5 })).rejects.toThrow(/options\.seed must be a safe integer, got 1\.5/);
    await expect(writeDemoFiles(join(root, 'b'), { size: 'tiny', seed: '1' as never })).rejects.toThrow(TypeError);
  });

  it('rejects an empty directory and a non-function onProgress', async () => {
    await expect(writeDemoFiles('', { size: 'tiny', seed: 1 })).rejects.toThrow(/dir must be a non-empty path/);
    await expect(writeDemoFiles(join(root, 'c'), { size: 'tiny', seed: 1, onProgress: 3 as never } as DemoOptions)).rejects.toThrow(TypeError);
  });

  it('throws AbortError at once for an aborted signal and writes nothing', async () => {
    const dir = join(root, 'pre');
    const ctl = new AbortController();
    ctl.abort();
    await expect(writeDemoFiles(dir, { size: 'tiny', seed: 1, signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(existsSync(dir)).toBe(false);
  });

  it('stops between customers when aborted mid-run and removes the partial files', async () => {
    const dir = join(root, 'mid');
    const ctl = new AbortController();
    const seen: number[] = [];
    const run = writeDemoFiles(dir, {
      size: 'tiny', seed: 3, signal: ctl.signal, writeTruth: true,
      onProgress: (done) => {
        seen.push(done);
        if (done >= 40) ctl.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.at(-1)).toBeLessThan(DEMO_SIZES.tiny.customers);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports progress at most about every 1% and ends at the total', async () => {
    const calls: [number, number][] = [];
    await writeDemoFiles(join(root, 'progress'), { size: 'tiny', seed: 4, onProgress: (d, t) => calls.push([d, t]) });
    const total = DEMO_SIZES.tiny.customers;
    expect(calls.length).toBeLessThanOrEqual(101);
    expect(calls.at(-1)).toEqual([total, total]);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThan(calls[i - 1][0]);
  });
});
