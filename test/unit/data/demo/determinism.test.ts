import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDemoFiles, type DemoResult } from '../../../../core/data/demo/index.js';

const root = mkdtempSync(join(tmpdir(), 'demo-determinism-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function hashes(r: DemoResult): Record<string, string> {
  const files = { ...r.files, ...(r.truthFile ? { truth: r.truthFile } : {}) };
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

describe('demo data determinism', () => {
  it('writes byte-identical files for the same size and seed', async () => {
    const a = await writeDemoFiles(join(root, 'a'), { size: 'tiny', seed: 42, writeTruth: true });
    const b = await writeDemoFiles(join(root, 'b'), { size: 'tiny', seed: 42, writeTruth: true });
    expect(hashes(a)).toEqual(hashes(b));
    expect(a.rows).toEqual(b.rows);
  });

  it('writes different purchases for a different seed but the same fixed catalogue and shops', async () => {
    const a = hashes(await writeDemoFiles(join(root, 'c'), { size: 'tiny', seed: 42 }));
    const b = hashes(await writeDemoFiles(join(root, 'd'), { size: 'tiny', seed: 43 }));
    for (const t of ['DEMO', 'PDDE', 'COP_U', 'LPAY']) expect(a[t]).not.toBe(b[t]);
    expect(a.PD_CLAC).toBe(b.PD_CLAC);
    expect(a.BR).toBe(b.BR);
  });

  it('does not depend on the process time zone', async () => {
    const before = process.env.TZ;
    process.env.TZ = 'Asia/Seoul';
    try {
      const a = hashes(await writeDemoFiles(join(root, 'e'), { size: 'tiny', seed: 7 }));
      process.env.TZ = 'America/Los_Angeles';
      const b = hashes(await writeDemoFiles(join(root, 'f'), { size: 'tiny', seed: 7 }));
      expect(a).toEqual(b);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
