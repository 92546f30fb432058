import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkbenchError } from '../../model/result.js';

/**
 * PDF = the report's HTML printed by a Chromium on this machine (headless `--print-to-pdf`, which
 * honours the HTML's @page size: A4 or 16:9 slides). No download, no bundled browser: the system's
 * Chromium or Chrome, or the one SEGMENT_WORKBENCH_CHROMIUM names. The desktop app prints with
 * Electron's own printToPDF instead (electron/report-pdf.ts). docs/decisions/0019-reports.md.
 */

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'];

/** The browser that prints PDFs, or null when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env.SEGMENT_WORKBENCH_CHROMIUM;
  if (given) return fs.existsSync(given) ? given : null;
  return CANDIDATES.find((file) => fs.existsSync(file)) ?? null;
}

/** What to say when no browser can print: one sentence, with the way out. */
export const NO_CHROMIUM = 'No Chromium or Chrome was found to print the PDF (set SEGMENT_WORKBENCH_CHROMIUM to its path, or install chromium); the HTML report needs no browser: ask for .html instead.';

/** Prints `html` to PDF bytes with headless Chromium; the page size comes from the HTML's @page rule. */
export async function printHtmlToPdf(html: string, options: { chromium?: string | null; timeoutMs?: number } = {}): Promise<Buffer> {
  const chromium = options.chromium === undefined ? findChromium() : options.chromium;
  if (!chromium) throw new WorkbenchError('not-found', NO_CHROMIUM);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-report-'));
  try {
    const input = path.join(dir, 'report.html');
    const output = path.join(dir, 'report.pdf');
    fs.writeFileSync(input, html);
    const args = [
      '--headless', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${path.join(dir, 'profile')}`,
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions', '--disable-default-apps', '--no-first-run', '--disable-quic',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `--print-to-pdf=${output}`, `file://${input.split(path.sep).join('/')}`,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(new WorkbenchError('internal', `Could not start ${chromium} to print the PDF: ${e.message}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (code === 0 && fs.existsSync(output)) resolve();
        else reject(new WorkbenchError('internal', `${chromium} did not print the PDF (exit ${code}): ${err.trim().split('\n').slice(-3).join(' ')}`));
      });
    });
    return fs.readFileSync(output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
