import fs from 'node:fs';
import path from 'node:path';
import type { OperationInput, OperationName, OperationOutputs } from '../core/model/api.js';
import { REPORT_LANGS, REPORT_LAYOUTS, type RenderedReport } from '../core/model/report.js';
import { oneOf, requireOption, UsageError, type ParsedArgs } from './args.js';

/** What `report` prints: the file written and what it holds. */
export interface ReportWritten {
  file: string;
  format: 'html' | 'pdf';
  title: string;
  sections: number;
  bytes: number;
}

type HostCall = <K extends OperationName>(name: K, input: OperationInput<K>) => Promise<OperationOutputs[K]>;

/** `--runs 3,7` → [3, 7], in the order given (the report's order). */
export function parseRunList(value: string): number[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new UsageError('--runs needs at least one run id (e.g. --runs 3,7; `runs` lists them)');
  return ids.map((s) => {
    if (!/^\d+$/.test(s) || Number(s) < 1) throw new UsageError(`--runs takes run ids separated by commas, got ${JSON.stringify(s)}`);
    return Number(s);
  });
}

/** `--summary 3=text` (repeatable) → the summary of run 3's section. */
function summaries(list: string[] | undefined): Map<number, string> {
  const out = new Map<number, string>();
  for (const item of list ?? []) {
    const m = /^(\d+)=([\s\S]*)$/.exec(item);
    if (!m) throw new UsageError(`--summary takes ID=TEXT (the run and its section's text), got ${JSON.stringify(item)}`);
    out.set(Number(m[1]), m[2]);
  }
  return out;
}

/**
 * `report --project P --runs ID,ID --out F.pdf|F.html`: the same `renderReport` operation the
 * app's Report page calls, written to F (the extension chooses HTML or PDF).
 */
export async function reportCommand(v: ParsedArgs['values'], call: HostCall): Promise<ReportWritten> {
  const project = requireOption(v.project, 'project');
  const runs = parseRunList(requireOption(v.runs, 'runs'));
  const out = path.resolve(requireOption(v.out, 'out'));
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.pdf' && ext !== '.html' && ext !== '.htm') throw new UsageError(`--out must end in .pdf or .html (the extension chooses the format), got ${JSON.stringify(path.basename(out))}`);
  const text = summaries(v.summary);
  const result: RenderedReport = await call('renderReport', {
    project,
    ...(v.title === undefined ? {} : { title: v.title }),
    sections: runs.map((run) => ({ run, ...(text.has(run) ? { summary: text.get(run) } : {}) })),
    layout: oneOf(v.layout, 'layout', REPORT_LAYOUTS, 'a4'),
    lang: oneOf(v.lang, 'lang', REPORT_LANGS, 'en'),
    format: ext === '.pdf' ? 'pdf' : 'html',
  });
  const bytes = result.format === 'pdf' ? Buffer.from(result.pdfBase64 ?? '', 'base64') : Buffer.from(result.html ?? '', 'utf8');
  fs.writeFileSync(out, bytes);
  return { file: out, format: result.format, title: result.title, sections: result.sections, bytes: bytes.length };
}
