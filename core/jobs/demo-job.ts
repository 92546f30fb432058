import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { writeDemoFiles, type DemoResult } from '../data/demo/index.js';
import type { ImportSummary } from '../model/import.js';
import { runImport } from './import-job.js';
import type { JobDefinition } from './types.js';

const params = z.object({
  size: z.enum(['tiny', 'demo', 'full']).default('demo'),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  /** Keep the generated CSVs in this folder (otherwise they go to a temporary folder, removed after import). */
  out: z.string().min(1).optional(),
});
export type DemoJobParams = z.output<typeof params>;

export interface DemoSummary extends ImportSummary {
  size: string;
  seed: number;
  csvDir: string | null;
  generateSeconds: number;
}

/** Writes the seeded demo data as L.point CSVs and imports them through the ordinary importer. */
export const demoJob: JobDefinition<DemoJobParams, DemoSummary> = {
  id: 'demo',
  title: 'Demo project',
  description: 'Generates the deterministic demo data (L.point format, planted structure documented in docs/demo-data.md) and imports it.',
  isAnalysis: false,
  params,
  paramInfo: [
    { name: 'size', type: 'tiny|demo|full', default: 'demo', help: 'tiny for tests, demo opens in seconds, full is real scale (29,913 customers, ~4.4M lines).' },
    { name: 'seed', type: 'integer', default: 1, help: 'Same seed, same data, byte for byte.' },
    { name: 'out', type: 'folder', default: null, help: 'Also keep the CSV files in this folder.' },
  ],
  async run(ctx, p) {
    const dir = p.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'swb-demo-'));
    const t0 = performance.now();
    let files: DemoResult;
    try {
      files = await writeDemoFiles(dir, {
        size: p.size,
        seed: p.seed,
        signal: ctx.signal,
        onProgress: (done, total) => ctx.progress({ phase: 'generate', done, total, unit: 'customers', message: `generating demo data (${p.size} size)` }),
      });
      const generateSeconds = (performance.now() - t0) / 1000;
      const f = files.files;
      const summary = await runImport(ctx, { files: [f.DEMO, f.PD_CLAC, f.BR, f.PDDE, f.COP_U, f.LPAY], format: 'lpoint', map: {}, role: 'auto', encoding: 'utf8', onError: 'abort', allowDuplicate: false }, 'demo', p);
      return { ...summary, size: p.size, seed: p.seed, csvDir: p.out ?? null, generateSeconds: Math.round(generateSeconds * 1000) / 1000 };
    } finally {
      if (p.out === undefined) fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
