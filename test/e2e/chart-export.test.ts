import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../renderer/src/i18n/translate.js';
import { makeTinyDemo, runCli } from '../helpers/project.js';
import { chromiumAvailable, openWorkbench, type Host } from './browser.js';

/** Nine models (all but the two that train for minutes): the evaluation chart must label every one. */
const NINE = ['g-topfreq', 'p-topfreq', 'segment-pop', 'item-knn', 'ease', 'cluster-knn', 'preference-score', 'tifu-knn', 'rules'];

interface TextBox {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every text of an SVG as laid out by Chromium (the saved file drawn inline in a blank page). */
async function svgTexts(browser: Browser, svg: string): Promise<{ width: number; height: number; texts: TextBox[] }> {
  const page = await browser.newPage({ viewport: { width: 1800, height: 1100 } });
  try {
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    return await page.evaluate(() => {
      const root = document.querySelector('body > svg') as SVGSVGElement;
      const texts = [...root.querySelectorAll('text')]
        .map((t) => {
          const r = t.getBoundingClientRect();
          return { text: (t.textContent ?? '').trim(), x: r.x, y: r.y, w: r.width, h: r.height };
        })
        .filter((t) => t.text !== '' && t.w > 0 && t.h > 0);
      return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')), texts };
    });
  } finally {
    await page.close();
  }
}

/**
 * Pairs of texts whose boxes overlap at all. Strict on purpose: the old Korean elbow legend touched
 * its axis name by only 1.5 px of box (Noto CJK here), more with other fonts.
 */
function overlaps(texts: TextBox[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i];
      const b = texts[j];
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx > 0 && dy > 0) found.push(`"${a.text}" × "${b.text}"`);
    }
  return found;
}

describe.skipIf(!chromiumAvailable())('saved charts are slide-sized with their whole legend (issue #14)', () => {
  let dir: string;
  let project: string;
  let host: Host;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ dir, project } = makeTinyDemo('swb-e2e-chart-export-', 'export.sqlite'));
    const seg = runCli(['run', 'kmeans', '--project', project, '--param', 'kMax=8', '--json']);
    expect(seg.code, seg.stderr).toBe(0);
    const ev = runCli(['run', 'recommend-eval', '--project', project, '--param', `models=${NINE.join(',')}`, '--json']);
    expect(ev.code, ev.stderr).toBe(0);
    ({ host, browser, page } = await openWorkbench(project));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  async function saveSvg(chart: string, name: string): Promise<string> {
    await page.waitForSelector(`[data-testid="${chart}"][data-rendered="true"][data-available="true"]`, { timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${chart}"] [data-testid="save-svg"]`)]);
    const file = path.join(dir, name);
    await download.saveAs(file);
    return fs.readFileSync(file, 'utf8');
  }

  for (const lang of ['en', 'ko'] as const) {
    it(`saves the elbow chart at 1600×900 with its legend clear of the axis names (${lang})`, async () => {
      if (lang === 'ko') {
        await page.selectOption('[data-testid="lang-switch"]', 'ko');
        await page.waitForFunction(() => document.documentElement.lang === 'ko');
      }
      await page.click('[data-testid="nav-segments"]');
      await page.waitForSelector('[data-testid="segment-view"]', { timeout: 30_000 });
      expect(await page.inputValue('[data-testid="chart-elbow"] [data-testid="export-width"]')).toBe('1600');
      expect(await page.inputValue('[data-testid="chart-elbow"] [data-testid="export-height"]')).toBe('900');
      const svg = await saveSvg('chart-elbow', `elbow-${lang}.svg`);
      const { width, height, texts } = await svgTexts(browser, svg);
      expect(width).toBe(1600);
      expect(height).toBe(900 + 36);
      const all = texts.map((t) => t.text);
      expect(all).toContain(translate(lang, 'segments.elbow'));
      // Each series is named twice: by its legend item and by its axis (the unit), and no pager.
      for (const key of ['segments.cost', 'segments.fitTime'] as const) expect(all.filter((t) => t === translate(lang, key)).length, key).toBe(2);
      expect(all.filter((t) => /^\d+\s*\/\s*\d+$/.test(t))).toEqual([]);
      expect(overlaps(texts)).toEqual([]);
    });

    it(`saves the 9-model evaluation chart with every model labelled (${lang})`, async () => {
      await page.click('[data-testid="nav-recommend"]');
      await page.waitForSelector('[data-testid="eval-view"]', { timeout: 30_000 });
      const svg = await saveSvg('chart-eval', `eval-${lang}.svg`);
      const { width, height, texts } = await svgTexts(browser, svg);
      expect(width).toBe(1600);
      expect(height).toBe(936);
      const all = texts.map((t) => t.text);
      for (const model of NINE) expect(all, model).toContain(model);
      for (const key of ['recommend.part.all', 'recommend.part.repeat', 'recommend.part.new'] as const) expect(all, key).toContain(translate(lang, key));
      expect(all).toContain('nDCG@10');
      expect(all.filter((t) => /^\d+\s*\/\s*\d+$/.test(t))).toEqual([]);
      expect(overlaps(texts)).toEqual([]);
    });
  }

  it('saves at the size the analyst sets, remembered after a reload, and as PNG too', async () => {
    await page.click('[data-testid="nav-recommend"]');
    await page.waitForSelector('[data-testid="chart-eval"][data-rendered="true"]');
    await page.fill('[data-testid="chart-eval"] [data-testid="export-width"]', '1280');
    await page.fill('[data-testid="chart-eval"] [data-testid="export-height"]', '720');
    const svg = await saveSvg('chart-eval', 'eval-1280.svg');
    expect(svg).toMatch(/^<svg [^>]*width="1280" height="756"/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="chart-eval"] [data-testid="save-png"]')]);
    const file = path.join(dir, 'eval.png');
    await png.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    // IHDR: width and height at twice the resolution, title line included.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([2560, 2 * (720 + 36)]);
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    await page.click('[data-testid="nav-recommend"]');
    await page.waitForSelector('[data-testid="chart-eval"] [data-testid="export-width"]');
    expect(await page.inputValue('[data-testid="chart-eval"] [data-testid="export-width"]')).toBe('1280');
    expect(await page.inputValue('[data-testid="chart-eval"] [data-testid="export-height"]')).toBe('720');
  });
});
