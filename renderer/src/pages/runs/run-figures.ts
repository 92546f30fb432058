import { DATA_RUN_ANALYSES } from '../../../../core/model/jobs.js';

/**
 * What the run details page reads out of a run's parameters and summary (issue #14: a page, not raw
 * JSON). Summaries differ per analysis; their top-level scalar fields are the headline figures
 * every analysis reports (customers, segments, rules, seconds…), so those are listed, labelled by
 * their field name in words. Nested tables stay in the raw JSON disclosure.
 */
export type Figure = { key: string; label: string; value: number | string | boolean };

/** A field name in words: `noiseShare` → "noise share", `seg_count` → "seg count". */
export function fieldLabel(key: string): string {
  return key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

const LONG_TEXT = 160;

/** The summary's top-level numbers, booleans and short strings, in the summary's order (runId left out: the page says it). */
export function keyFigures(summary: unknown): Figure[] {
  if (summary === null || typeof summary !== 'object' || Array.isArray(summary)) return [];
  const out: Figure[] = [];
  for (const [key, value] of Object.entries(summary as Record<string, unknown>)) {
    if (key === 'runId') continue;
    if (typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value.length <= LONG_TEXT)) out.push({ key, label: fieldLabel(key), value });
  }
  return out;
}

/** One parameter as the page shows it: lists joined, objects as compact JSON, null as "–". */
export function paramText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Whether a run is the project's data (import, demo): it can be titled and annotated, not deleted. */
export function isDataRun(analysis: string): boolean {
  return (DATA_RUN_ANALYSES as readonly string[]).includes(analysis);
}

/** The segments a segmentation summary lists (current names), or none. */
export function segmentRows(summary: unknown): { id: number; name: string; customers: number }[] {
  const list = (summary as { segmentList?: unknown } | null)?.segmentList;
  if (!Array.isArray(list)) return [];
  return list.filter((s): s is { id: number; name: string; customers: number } => s !== null && typeof s === 'object' && typeof s.id === 'number' && typeof s.name === 'string' && typeof s.customers === 'number');
}
