import { z } from 'zod';

/**
 * Reports (issue #14): a document made of chosen runs in the analyst's order, with a title, a
 * free-text summary per section, the data's provenance and each run's parameters. One renderer
 * (core/service/report) turns a request into this document and the document into one
 * self-contained HTML file; a PDF is that HTML printed by a browser engine (docs/decisions/0019).
 */

/** A4 portrait pages, or 16:9 slides (297 × 167 mm landscape, one section per slide). */
export const REPORT_LAYOUTS = ['a4', 'slides'] as const;
export type ReportLayout = (typeof REPORT_LAYOUTS)[number];

export const REPORT_LANGS = ['en', 'ko'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

export const REPORT_FORMATS = ['html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * One section: a run (any analysis; segmentation, evaluation and overview runs have their own
 * views, every other analysis shows its summary's figures and tables); `with` compares it with a
 * second segmentation run; `segments` compares two of its segments.
 */
export const reportSectionSchema = z.object({
  run: z.number().int().positive(),
  with: z.number().int().positive().optional(),
  segments: z.tuple([z.number().int().min(-1), z.number().int().min(-1)]).optional(),
  /** The analyst's words for this section, printed above its figures. */
  summary: z.string().max(10_000).optional(),
});
export type ReportSection = z.input<typeof reportSectionSchema>;

export const reportRequestShape = {
  title: z.string().max(300).optional(),
  sections: z.array(reportSectionSchema).min(1).max(50),
  layout: z.enum(REPORT_LAYOUTS).default('a4'),
  lang: z.enum(REPORT_LANGS).default('en'),
  format: z.enum(REPORT_FORMATS).default('html'),
};

/** What `renderReport` answers: the HTML text, or the PDF as base64 (JSON carries no bytes). */
export interface RenderedReport {
  filename: string;
  format: ReportFormat;
  html?: string;
  pdfBase64?: string;
  bytes: number;
  title: string;
  sections: number;
}

/** A chart as data (drawn as inline SVG by the HTML renderer). */
export interface ReportChart {
  kind: 'bars' | 'line';
  title: string;
  /** The unit of the values, shown in the title (e.g. ₩, customers). */
  unit?: string;
  labels: string[];
  values: number[];
  /** How the values read: counts, money in the project's currency, decimals, or shares (0..1). */
  format: 'int' | 'money' | 'dec' | 'pct';
  /** A line whose values from this index on are a forecast (drawn dashed), not history. */
  split?: number;
  /** The legend of a split line: [history, forecast]. */
  legend?: [string, string];
}

export type ReportBlock =
  | { kind: 'text'; text: string }
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  | { kind: 'table'; title?: string; columns: string[]; rows: string[][]; note?: string }
  | { kind: 'chart'; chart: ReportChart };

export interface ReportDocumentSection {
  runId: number;
  analysis: string;
  heading: string;
  summary?: string;
  /** Each parameter as stored with the run (`name` = `value`). */
  /** Each parameter by its id, with its declared label in the report's language where the analysis declares one. */
  params: { name: string; label?: string; value: string }[];
  blocks: ReportBlock[];
}

/** The document every output is drawn from. */
export interface ReportDocument {
  title: string;
  lang: ReportLang;
  layout: ReportLayout;
  /** Workbench version and the moment the report was made (ISO). */
  version: string;
  generatedAt: string;
  provenance: {
    project: string;
    files: string[];
    fingerprint: string;
    period: { from: string | null; to: string | null };
    customers: number;
    receipts: number;
    currency: string;
  };
  sections: ReportDocumentSection[];
}
