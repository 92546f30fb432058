import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../../core/service/report/pdf.js';
import { makeTinyDemo, runCli } from '../../helpers/project.js';

const popplerAvailable = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).status === 0 && spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
const chromium = findChromium();
if (!popplerAvailable || !chromium) console.warn('SKIPPED (PDF part): the report PDF test needs pdftoppm/pdftotext (poppler-utils) and Chromium (apt-get install -y poppler-utils chromium fonts-noto-cjk).');

/** Reads a binary PPM (P6) and counts its distinct colours (a blank page has one). */
function distinctColours(ppm: Buffer): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a P6 PPM');
  const pixels = ppm.subarray(header[0].length);
  const seen = new Set<number>();
  for (let i = 0; i + 2 < pixels.length && seen.size < 1000; i += 3) seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
  return seen.size;
}

/**
 * Issue #14, reports: `report --project P --runs ID,ID --out F.pdf|F.html` writes the chosen runs,
 * in order, with title, provenance and parameters, as one self-contained HTML file or a PDF.
 */
describe('CLI report (tiny demo: a segmentation and a recommend-eval run)', () => {
  let dir: string, project: string, seg: number, evalRun: number, segmentName: string;

  beforeAll(() => {
    ({ dir, project } = makeTinyDemo('swb-report-'));
    const a = runCli(['run', 'kmeans', '--project', project, '--param', 'k=4', '--json']);
    expect(a.code, a.stderr).toBe(0);
    const summary = JSON.parse(a.stdout) as { runId: number; segmentList: { name: string }[] };
    seg = summary.runId;
    segmentName = summary.segmentList[0].name;
    const b = runCli(['run', 'recommend-eval', '--project', project, '--param', 'models=g-topfreq,p-topfreq,item-knn', '--json']);
    expect(b.code, b.stderr).toBe(0);
    evalRun = (JSON.parse(b.stdout) as { runId: number }).runId;
  }, 240_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one self-contained HTML file: inline SVG charts, no external src/href, no script, sections in the order asked', () => {
    const out = path.join(dir, 'r.html');
    const r = runCli(['report', '--project', project, '--runs', `${evalRun},${seg}`, '--title', 'Quarterly loyalty review', '--summary', `${seg}=Four segments; the first is the core.`, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: out, format: 'html', sections: 2, title: 'Quarterly loyalty review' });
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<script|<link\b|@import|url\(/i);
    expect(html).toContain('Quarterly loyalty review');
    expect(html).toContain('Four segments; the first is the core.');
    expect(html).toContain(segmentName);
    // The analyst's order: the evaluation first, then the segmentation.
    expect(html.indexOf(`data-run="${evalRun}"`)).toBeGreaterThan(0);
    expect(html.indexOf(`data-run="${evalRun}"`)).toBeLessThan(html.indexOf(`data-run="${seg}"`));
    // Provenance, parameters, version and date.
    const info = JSON.parse(runCli(['project', '--project', project, '--json']).stdout) as { dataFingerprint: string };
    expect(html).toContain(info.dataFingerprint);
    expect(html).toContain('LPOINT_BIG_COMP_01_DEMO.csv');
    expect(html).toContain('nInit');
    expect(html).toMatch(/Workbench version: \d+\.\d+\.\d+/);
    expect(html).toMatch(/Generated: \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });

  it('writes the report in Korean with --lang ko', () => {
    const out = path.join(dir, 'ko.html');
    const r = runCli(['report', '--project', project, '--runs', `${seg},${evalRun}`, '--lang', 'ko', '--title', '분기 고객 보고서', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="ko"');
    expect(html).toContain('분기 고객 보고서');
    expect(html).toContain('데이터와 출처');
    expect(html).toContain('세그먼트별 고객 수');
    // The evaluation's verdict is said in Korean from the run's structure, not the English the job stored.
    const verdict = /결론: ([^<]*)/.exec(html)?.[1] ?? '';
    expect(verdict).toMatch(/nDCG@10에서 .*(낫습니다|나은 모델이 없습니다)/);
    expect(verdict).toContain('신규 상품만 보면');
    expect(verdict).not.toMatch(/wins|ties|new items/);
  });

  it('refuses an unknown run and a wrong extension, naming what to do', () => {
    const missing = runCli(['report', '--project', project, '--runs', '999', '--out', path.join(dir, 'x.html')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No run 999/);
    const ext = runCli(['report', '--project', project, '--runs', String(seg), '--out', path.join(dir, 'x.docx')]);
    expect(ext.code).toBe(2);
    expect(ext.stderr).toMatch(/\.pdf or \.html/);
  });

  it('says in one sentence when no Chromium can print the PDF, and offers HTML', () => {
    const before = process.env.SEGMENT_WORKBENCH_CHROMIUM;
    process.env.SEGMENT_WORKBENCH_CHROMIUM = path.join(dir, 'no-such-chromium');
    try {
      const r = runCli(['report', '--project', project, '--runs', String(seg), '--out', path.join(dir, 'none.pdf')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/No Chromium or Chrome was found .*SEGMENT_WORKBENCH_CHROMIUM.*\.html/);
      expect(fs.existsSync(path.join(dir, 'none.pdf'))).toBe(false);
    } finally {
      if (before === undefined) delete process.env.SEGMENT_WORKBENCH_CHROMIUM;
      else process.env.SEGMENT_WORKBENCH_CHROMIUM = before;
    }
  });

  it.skipIf(!popplerAvailable || !chromium)('writes a PDF (A4 and 16:9 slides): page 1 is not blank and holds the title; the text holds a segment name', () => {
    for (const layout of ['a4', 'slides'] as const) {
      const out = path.join(dir, `r-${layout}.pdf`);
      const r = runCli(['report', '--project', project, '--runs', `${seg},${evalRun}`, '--title', 'Quarterly loyalty review', '--layout', layout, '--out', out, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout;
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
      const [w, h] = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []).slice(1).map(Number);
      // A4 portrait is 595 × 842 pt; the slide is 16:9 landscape.
      if (layout === 'a4') expect([Math.round(w), Math.round(h)]).toEqual([595, 842]);
      else expect(w / h).toBeCloseTo(16 / 9, 2);
      const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      expect(text).toContain('Quarterly loyalty review');
      expect(text).toContain(segmentName);
      const first = spawnSync('pdftotext', ['-f', '1', '-l', '1', out, '-'], { encoding: 'utf8' }).stdout;
      expect(first).toContain('Quarterly loyalty review');
      const png = path.join(dir, `page-${layout}`);
      expect(spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-png', '-singlefile', out, png]).status).toBe(0);
      expect(fs.statSync(`${png}.png`).size).toBeGreaterThan(1000);
      const ppm = spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-singlefile', out], { maxBuffer: 64 << 20 }).stdout;
      expect(distinctColours(ppm)).toBeGreaterThan(10);
    }
  });
});
