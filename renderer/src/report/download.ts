import type { RenderedReport } from '../../../core/model/report.js';
import { downloadBlob } from '../charts/export.js';

/** Saves a rendered report as the file the host named (HTML text or the PDF's bytes). */
export function saveReport(report: RenderedReport): void {
  if (report.format === 'html') {
    downloadBlob(new Blob([report.html ?? ''], { type: 'text/html;charset=utf-8' }), report.filename);
    return;
  }
  const binary = atob(report.pdfBase64 ?? '');
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  downloadBlob(new Blob([bytes], { type: 'application/pdf' }), report.filename);
}
