import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';

/**
 * The desktop app's report printer (issue #14): the report's self-contained HTML in a hidden,
 * sandboxed window with JavaScript off, printed with Electron's printToPDF; the HTML's @page rule
 * sets A4 or the 16:9 slide size (preferCSSPageSize). Its CSP forbids every request, and the
 * window lives in its own in-memory session. The browser host and the CLI print the same HTML
 * with headless Chromium (core/service/report/pdf.ts).
 */
export async function printReportPdf(html: string): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-report-'));
  const file = path.join(dir, 'report.html');
  fs.writeFileSync(file, html);
  const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, partition: 'report-print', spellcheck: false } });
  try {
    await window.loadFile(file);
    return await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
  } finally {
    window.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
