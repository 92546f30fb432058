import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEMO_EXTRAS, writeDemoFiles, type DemoResult } from '../data/demo/index.js';
import type { ImportSummary } from '../model/import.js';
import { runImport } from './import-job.js';
import type { JobDefinition } from './types.js';

const params = z.object({
  size: z.enum(['tiny', 'demo', 'full']).default('demo'),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  /** Keep the generated CSVs in this folder (otherwise they go to a temporary folder, removed after import). */
  out: z.string().min(1).optional(),
  /** Optional files with planted responses: daily marketing spend, coupon offers and each line's coupon status. */
  with: z.array(z.enum(DEMO_EXTRAS)).default([]),
});
export type DemoJobParams = z.output<typeof params>;

export interface DemoSummary extends ImportSummary {
  size: string;
  seed: number;
  csvDir: string | null;
  generateSeconds: number;
  /** The optional files generated and imported (marketing, coupons), in that order. */
  with: string[];
}

/**
 * Writes the seeded demo data as L.point CSVs (and the optional files) and imports them through
 * the ordinary importer in one import: all land or none, one run. The optional files need no
 * mapping: their headers are recognised as a marketing file (a date column and spend columns) and a
 * coupon file (month, category, code, discount), exactly as a user's would be with --role auto.
 */
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
    { name: 'with', type: 'marketing,coupons', default: [], help: 'Also write and import the daily marketing spend and/or coupon offers with line coupon statuses (planted responses, docs/demo-data.md).' },
  ],
  async run(ctx, p) {
    const dir = p.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'swb-demo-'));
    const t0 = performance.now();
    let files: DemoResult;
    try {
      files = await writeDemoFiles(dir, {
        size: p.size,
        seed: p.seed,
        with: p.with,
        signal: ctx.signal,
        onProgress: (done, total) => ctx.progress({ phase: 'generate', done, total, unit: 'customers', message: `generating demo data (${p.size} size)` }),
      });
      const generateSeconds = (performance.now() - t0) / 1000;
      const f = files.files;
      const extras = DEMO_EXTRAS.filter((x) => files[x] !== undefined);
      const lpoint = [f.DEMO, f.PD_CLAC, f.BR, f.PDDE, f.COP_U, f.LPAY];
      // Without extras the request is exactly the one of earlier versions (format lpoint: nothing else is accepted).
      const summary = await runImport(ctx, {
        files: [...lpoint, ...extras.map((x) => files[x]?.file as string)], format: extras.length > 0 ? 'auto' : 'lpoint', map: {}, role: 'auto',
        encoding: 'utf8', onError: 'abort', allowDuplicate: false,
      }, 'demo', p);
      return { ...summary, size: p.size, seed: p.seed, csvDir: p.out ?? null, generateSeconds: Math.round(generateSeconds * 1000) / 1000, with: extras };
    } finally {
      if (p.out === undefined) fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
