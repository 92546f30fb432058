import { z } from 'zod';

/**
 * Requests of the operations every shell calls (CLI now; Electron IPC and the browser host use the
 * same schemas). Each is validated at the boundary before any work starts.
 */
export const projectRequestSchema = z.object({ project: z.string().min(1) });

export const runRequestSchema = z.object({
  project: z.string().min(1),
  analysis: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type RunRequest = z.input<typeof runRequestSchema>;

export const EXPORT_KINDS = ['import-report', 'summary'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const exportRequestSchema = z.object({
  project: z.string().min(1),
  run: z.number().int().positive(),
  what: z.string().min(1),
  out: z.string().min(1),
  params: z.record(z.string(), z.string()).default({}),
});
export type ExportRequest = z.input<typeof exportRequestSchema>;

export interface ExportResult {
  file: string;
  rows: number;
  what: string;
}

/** An analysis as listed by `analyses`: id, title, what it does, parameters with defaults and help. */
export interface AnalysisInfo {
  id: string;
  title: string;
  description: string;
  params: { name: string; type: string; default: unknown; help: string }[];
}
