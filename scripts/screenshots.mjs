#!/usr/bin/env node
/* global window, document -- the functions passed to page.evaluate and waitForFunction run in the page. */
/**
 * Screenshots of every page of the workbench, in English and in Korean, for docs/screenshots.
 *
 *   node scripts/screenshots.mjs [--out DIR] [--only page,page]
 *
 * Why a script and not a test: the pictures are documentation, re-taken after the pages change
 * (the coordinator runs it at the end of a round), and looked at by a person; a test would assert
 * nothing a picture shows. It needs the built CLI (`node scripts/build.mjs`), the built renderer
 * (`npx vite build`) and Debian's Chromium at /usr/bin/chromium (never a downloaded browser).
 *
 * The data is the seeded tiny demo (200 customers, with marketing spend and coupons) plus one run
 * of each analysis made through the CLI, so every page shows a result; same seed, same pictures.
 * Each picture is the 1280×800 window as the analyst sees it, named `<page>-<lang>.png`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin/segment-workbench.mjs');
const CHROMIUM = '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };
const LANGS = ['en', 'ko'];

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const OUT = path.resolve(arg('--out', path.join(ROOT, 'docs/screenshots')));
const ONLY = arg('--only', '').split(',').filter(Boolean);

/** Runs the CLI like a user; throws with its stderr when it fails. */
function cli(args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`segment-workbench ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** One run of `analysis` with `params`; returns its id. */
function run(project, analysis, params = {}) {
  const flags = Object.entries(params).flatMap(([k, v]) => ['--param', `${k}=${v}`]);
  return JSON.parse(cli(['run', analysis, '--project', project, ...flags, '--json'])).runId;
}

/** The demo project with a result on every page. */
function makeProject(dir) {
  fs.mkdirSync(path.join(dir, 'projects'));
  const project = path.join(dir, 'projects', 'demo.sqlite');
  cli(['demo', '--project', project, '--size', 'tiny', '--with', 'marketing,coupons', '--json']);
  const runs = {};
  runs.strat = run(project, 'stratified-kmeans', { kMax: 6 });
  runs.kmeans = run(project, 'kmeans', { k: 4 });
  runs.eval = run(project, 'recommend-eval');
  runs.campaign = run(project, 'recommend', { model: 'ease', top: 5 });
  runs.rules = run(project, 'rules');
  runs.clv = run(project, 'clv');
  runs.spend = run(project, 'spend-model', { models: 'baseline,gbdt' });
  runs.forecast = run(project, 'forecast', { models: 'snaive,ets', horizon: 30 });
  runs.marketing = run(project, 'marketing-response', { segmentRun: runs.kmeans });
  runs.coupons = run(project, 'coupon-sensitivity', { segmentRun: runs.kmeans, bootstrap: 200 });
  return { project, runs };
}

/** Starts the browser host and resolves with its URL (which carries the session secret). */
function serve(project, home) {
  // A home and an application-data folder of its own: the recent projects and the folder listing
  // show this demo, not whatever the machine that takes the pictures has opened before.
  const env = { ...process.env, TZ: 'UTC', HOME: home, SEGMENT_WORKBENCH_DATA: path.join(home, 'app-data') };
  const child = spawn(process.execPath, [CLI, 'serve', '--project', project, '--port', '0', '--json'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ url: JSON.parse(line).url, child });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
}

/** Waits until every available chart on the page has drawn. */
async function chartsDrawn(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid^="chart-"][data-available="true"]')].every((e) => e.getAttribute('data-rendered') === 'true'), undefined, { timeout: 60_000 });
}

/** Brings a section to the top of the content pane (the app scrolls inside `.content`). */
async function scrollTo(page, selector) {
  await page.$eval(selector, (e) => e.scrollIntoView({ block: 'start' }));
}

const go = (page, name) => page.click(`[data-testid="nav-${name}"]`);

/**
 * The pages, in navigation order: how to reach each and what to wait for. `shot` names the file;
 * `view` is the section the picture starts at (the result rather than the form above it); Campaign
 * and Spend are sections of Recommend and Value.
 */
const SHOTS = [
  { shot: 'data', open: async (p) => { await go(p, 'data'); await p.waitForSelector('[data-testid="page-data"]'); await p.waitForSelector('[data-testid="currency-picker"]', { timeout: 30_000 }); } },
  { shot: 'overview', open: async (p) => { await go(p, 'overview'); await p.waitForSelector('[data-testid="page-overview"][data-overview-ready="true"]', { timeout: 90_000 }); } },
  { shot: 'segments', open: async (p, runs) => { await go(p, 'segments'); await p.selectOption('[data-testid="segment-run-picker"]', String(runs.kmeans)); await p.waitForSelector(`[data-testid="segment-view"][data-run-id="${runs.kmeans}"][data-ready="true"]`, { timeout: 60_000 }); }, view: '[data-testid="segment-view"]' },
  { shot: 'segments-stratified', open: async (p, runs) => { await go(p, 'segments'); await p.selectOption('[data-testid="segment-run-picker"]', String(runs.strat)); await p.waitForSelector(`[data-testid="segment-view"][data-run-id="${runs.strat}"][data-ready="true"]`, { timeout: 60_000 }); }, view: '[data-testid="segment-view"]' },
  { shot: 'compare', open: async (p, runs) => { await go(p, 'compare'); await p.waitForSelector('[data-testid="compare-run"]'); await p.selectOption('[data-testid="compare-run"]', String(runs.kmeans)); await p.waitForFunction(() => Number(document.querySelector('[data-testid="compare-table"]')?.getAttribute('data-row-count') ?? 0) > 0, undefined, { timeout: 60_000 }); } },
  { shot: 'recommend', open: async (p) => { await go(p, 'recommend'); await p.waitForSelector('[data-testid="eval-view"]', { timeout: 60_000 }); }, view: '[data-testid="eval-view"]' },
  { shot: 'campaign', open: async (p) => { await go(p, 'recommend'); await p.waitForSelector('[data-testid="campaign-preview"][data-ready="true"]', { timeout: 60_000 }); }, view: '[data-testid="campaign"]' },
  { shot: 'rules', open: async (p) => { await go(p, 'rules'); await p.waitForSelector('[data-testid="rules-view"][data-loading="false"]', { timeout: 60_000 }); }, view: '[data-testid="rules-view"]' },
  { shot: 'value', open: async (p) => { await go(p, 'value'); await p.waitForSelector('[data-testid="value-view"][data-loading="false"]', { timeout: 60_000 }); }, view: '[data-testid="value-view"]' },
  { shot: 'value-spend', open: async (p) => { await go(p, 'value'); await p.waitForSelector('[data-testid="spend-view"]', { timeout: 60_000 }); }, view: '[data-testid="spend-view"]' },
  { shot: 'forecast', open: async (p) => { await go(p, 'forecast'); await p.waitForSelector('[data-testid="forecast-view"][data-loading="false"]', { timeout: 60_000 }); }, view: '[data-testid="forecast-view"]' },
  { shot: 'marketing', open: async (p) => { await go(p, 'marketing'); await p.waitForSelector('[data-testid="marketing-view"]', { timeout: 60_000 }); }, view: '[data-testid="marketing-view"]' },
  { shot: 'coupons', open: async (p) => { await go(p, 'coupons'); await p.waitForSelector('[data-testid="coupons-view"]', { timeout: 60_000 }); }, view: '[data-testid="coupons-view"]' },
  { shot: 'runs', open: async (p, runs) => { await go(p, 'runs'); await p.waitForSelector('[data-testid="runs-card"][data-runs-ready="true"]', { timeout: 30_000 }); await p.click(`[data-testid="runs-table"] [data-row-key="${runs.kmeans}"]`); await p.waitForSelector(`[data-testid="run-details"][data-run-id="${runs.kmeans}"]`); } },
  {
    shot: 'report',
    open: async (p, runs) => {
      await p.evaluate((ids) => (window.location.hash = `#/report?runs=${ids}`), `${runs.kmeans},${runs.eval}`);
      await p.waitForSelector('[data-testid="page-report"]');
      await p.waitForFunction(() => document.querySelectorAll('[data-testid="report-section"]').length === 2);
      await p.click('[data-testid="report-preview-button"]');
      await p.waitForSelector('[data-testid="report-preview"]', { timeout: 60_000 });
      await p.waitForFunction(() => (document.querySelector('[data-testid="report-preview"]')?.shadowRoot?.textContent ?? '').length > 0, undefined, { timeout: 60_000 });
    },
  },
];

async function main() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium fonts-noto-cjk).`);
  if (!fs.existsSync(path.join(ROOT, 'renderer/dist/index.html'))) throw new Error('renderer/dist is missing: run `npx vite build` first.');
  if (!fs.existsSync(path.join(ROOT, 'dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run `node scripts/build.mjs` first.');
  fs.mkdirSync(OUT, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-shots-'));
  const started = Date.now();
  const { project, runs } = makeProject(dir);
  console.log(`demo project and ${Object.keys(runs).length} runs: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const host = await serve(project, dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const errors = [];
  try {
    for (const lang of LANGS) {
      // The browser's locale follows the language, as a Korean analyst's would (date inputs, for one).
      const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
      page.on('pageerror', (e) => errors.push(`${lang}: ${e}`));
      page.on('console', (m) => m.type() === 'error' && errors.push(`${lang}: ${m.text()}`));
      await page.addInitScript((l) => window.localStorage.setItem('segment-workbench.lang', l), lang);
      await page.goto(host.url);
      await page.waitForSelector(`html[data-ready="true"][lang="${lang}"]`);
      for (const { shot, open, view } of SHOTS) {
        if (ONLY.length && !ONLY.includes(shot)) continue;
        await open(page, runs);
        if (view) await scrollTo(page, view);
        await chartsDrawn(page);
        // Animations off and fonts loaded: the picture shows the final frame.
        await page.evaluate(() => document.fonts.ready);
        const file = path.join(OUT, `${shot}-${lang}.png`);
        await page.screenshot({ path: file, animations: 'disabled' });
        console.log(path.relative(ROOT, file));
        await page.evaluate(() => document.getElementById('content')?.scrollTo(0, 0));
      }
      await page.close();
    }
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (errors.length) {
    console.error(`console errors:\n${errors.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
