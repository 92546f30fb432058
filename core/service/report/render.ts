import type { Db } from '../../data/store/open.js';
import type { RenderedReport, ReportFormat } from '../../model/report.js';
import { buildReportDocument, type ReportDocumentRequest } from './build.js';
import { renderReportHtml } from './html.js';
import { printHtmlToPdf } from './pdf.js';

/** Turns an HTML report into PDF bytes: headless Chromium by default, Electron's printToPDF in the app. */
export type ReportPrinter = (html: string) => Promise<Buffer>;

export interface PreparedReport {
  html: string;
  title: string;
  sections: number;
}

/** Reads the project and draws the report's HTML (synchronous: the project is open only for this). */
export function prepareReport(db: Db, file: string, request: ReportDocumentRequest, now?: Date): PreparedReport {
  const doc = buildReportDocument(db, file, request, now);
  return { html: renderReportHtml(doc), title: doc.title, sections: doc.sections.length };
}

/**
 * The one path every shell uses (API operation `renderReport`, CLI `report`): the HTML as it is,
 * or, for a PDF, that HTML printed by `print`.
 */
export async function finishReport(prepared: PreparedReport, format: ReportFormat, print: ReportPrinter = printHtmlToPdf): Promise<RenderedReport> {
  const base = { filename: `${reportSlug(prepared.title)}.${format}`, format, title: prepared.title, sections: prepared.sections };
  if (format === 'html') return { ...base, html: prepared.html, bytes: Buffer.byteLength(prepared.html) };
  const pdf = await print(prepared.html);
  return { ...base, pdfBase64: pdf.toString('base64'), bytes: pdf.length };
}

/** A file name from the title: letters (Korean included) and digits kept, the rest as dashes. */
export function reportSlug(title: string): string {
  const slug = title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return slug || 'report';
}
