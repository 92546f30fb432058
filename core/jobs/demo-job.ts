import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { DEMO_EXTRAS, writeDemoFiles, type DemoResult } from '../data/demo/index.js';
import type { ImportSummary } from '../model/import.js';
import { runImport } from './import-job.js';
import { choice, choiceList, defineParams, int, text } from './param-spec.js';
import type { JobDefinition } from './types.js';

const { schema: params, info: paramInfo } = defineParams(
  {
    size: choice(['tiny', 'demo', 'full'], {
      default: 'demo',
      label: { en: 'Size', ko: '크기' },
      help: { en: 'tiny for tests, demo opens in seconds, full is real scale (29,913 customers, ~4.4M lines).', ko: 'tiny는 테스트용, demo는 몇 초 만에 열리고, full은 실제 규모(고객 29,913명, 약 440만 줄).' },
    }),
    seed: int({
      text: 'none', min: 0, max: 2 ** 31 - 1, default: 1,
      label: { en: 'Random seed', ko: '난수 시드' },
      help: { en: 'Same seed, same data, byte for byte.', ko: '시드가 같으면 데이터도 바이트 단위까지 같습니다.' },
    }),
    /** Keep the generated CSVs in this folder (otherwise they go to a temporary folder, removed after import). */
    out: text({
      min: 1, type: 'folder',
      label: { en: 'Keep the files in', ko: '파일을 남길 폴더' },
      help: { en: 'Also keep the CSV files in this folder.', ko: 'CSV 파일을 이 폴더에도 남깁니다.' },
    }),
    /** Optional files with planted responses: daily marketing spend, coupon offers and each line's coupon status. */
    with: choiceList(DEMO_EXTRAS, {
      text: 'none', default: [], type: 'marketing,coupons',
      label: { en: 'Extra files', ko: '추가 파일' },
      help: { en: 'Also write and import the daily marketing spend and/or coupon offers with line coupon statuses (planted responses, docs/demo-data.md).', ko: '일별 마케팅 비용과 쿠폰 제안(줄별 쿠폰 상태 포함)도 만들어 가져옵니다(심어 둔 반응, docs/demo-data.md).' },
    }),
  },
  { strict: false },
);
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
  titleKo: '데모 프로젝트',
  description: 'Generates the deterministic demo data (L.point format, planted structure documented in docs/demo-data.md) and imports it.',
  descriptionKo: '결정적인 데모 데이터(L.point 형식, 심어 둔 구조는 docs/demo-data.md에 설명)를 만들고 가져옵니다.',
  isAnalysis: false,
  params,
  paramInfo,
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
