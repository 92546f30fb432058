import path from 'node:path';
import pkg from '../../../package.json' with { type: 'json' };
import type { Db } from '../../data/store/open.js';
import { projectInfo } from '../../data/store/queries/project-info.js';
import type { ReportDocument, ReportLang, ReportLayout, ReportSection } from '../../model/report.js';
import { JOBS } from '../../jobs/registry.js';
import { currentRun } from '../run-edits.js';
import { paramText, reportFormat } from './format.js';
import { analysisName, reportLabels } from './labels.js';
import { sectionBlocks } from './sections.js';

export interface ReportDocumentRequest {
  title?: string;
  sections: ReportSection[];
  layout: ReportLayout;
  lang: ReportLang;
}

/** Parameter names that restrict the data a run saw: shown as the section's filters. */
const FILTER_PARAM = /^(from|to|period|start|end|since|until|segment|segmentRun|segments|exclude\w*|categories|category|region|retailer|channel|filters?)$/i;

/**
 * The report as a document (core/model/report.ts): each requested run in the order given, with
 * the analyst's title and summaries, the project's provenance, the version and the moment.
 * `now` is injectable so that a test can pin the date.
 */
export function buildReportDocument(db: Db, file: string, request: ReportDocumentRequest, now: Date = new Date()): ReportDocument {
  const t = reportLabels(request.lang);
  const info = projectInfo(db, file);
  const f = reportFormat(request.lang, info.currency);
  const sections = request.sections.map((section) => {
    const run = currentRun(db, section.run);
    const other = section.with === undefined ? null : currentRun(db, section.with);
    const base = run.title ?? `${analysisName(request.lang, run.analysis)} · ${t.run} ${run.id}`;
    const heading = other === null ? base : `${base} ↔ ${other.title ?? `${analysisName(request.lang, other.analysis)} · ${t.run} ${other.id}`}`;
    // Parameters under their declared labels in the report's language (issue #14), the id beside them.
    const declared = new Map((JOBS.get(run.analysis)?.paramInfo ?? []).map((p) => [p.name, p.label?.[request.lang]]));
    const params = Object.entries(run.params).map(([name, value]) => {
      const label = declared.get(name);
      return { name, ...(label ? { label } : {}), value: paramText(value) };
    });
    // A filter left at nothing (0, false, empty) restricts nothing.
    const filters = params.filter((p) => FILTER_PARAM.test(p.name) && !['', '–', '0', 'false', 'none', 'null', 'all'].includes(p.value));
    const blocks = sectionBlocks({ db, t, f, lang: request.lang }, run, { with: section.with, segments: section.segments });
    const meta = [
      { label: t.analysis, value: `${analysisName(request.lang, run.analysis)} (${run.analysis})` },
      { label: t.finished, value: run.finishedAt ?? '–' },
      { label: t.fingerprint, value: run.dataFingerprint.slice(0, 16) },
      { label: t.filters, value: filters.length === 0 ? t.noFilters : filters.map((p) => `${p.name} = ${p.value}`).join('; ') },
    ];
    return {
      runId: run.id,
      analysis: run.analysis,
      heading,
      ...(section.summary?.trim() ? { summary: section.summary.trim() } : run.note ? { summary: run.note } : {}),
      params,
      blocks: [{ kind: 'facts' as const, rows: meta }, ...blocks],
    };
  });
  return {
    title: request.title?.trim() || t.defaultTitle,
    lang: request.lang,
    layout: request.layout,
    version: pkg.version,
    generatedAt: now.toISOString(),
    provenance: {
      project: path.basename(file),
      files: [...new Set(info.imports.map((i) => path.basename(i.file)))],
      fingerprint: info.dataFingerprint,
      period: { from: info.firstDay, to: info.lastDay },
      customers: info.customers,
      receipts: info.receipts,
      currency: info.currency,
    },
    sections,
  };
}
