import type { FilePreview } from '../../../../../core/model/api.js';
import { GENERIC_FIELDS, REQUIRED_FIELDS, REQUIRED_ONE_OF, type GenericRole, type ImportSummary } from '../../../../../core/model/import.js';
import type { ApiError } from '../../../../../core/model/result.js';
import type { StagedFile } from '../../../api/types.js';

/** The wizard's state, as data-import-state on its root (tests wait on it). */
export type WizardPhase = 'idle' | 'previewing' | 'ready' | 'importing' | 'done' | 'failed' | 'cancelled';

export interface ImportChoices {
  format: 'auto' | 'lpoint' | 'generic' | 'baskets';
  role: 'auto' | GenericRole;
  encoding: 'auto' | 'utf8' | 'cp949';
  onError: 'abort' | 'skip';
  allowDuplicate: boolean;
  /** The sheet of .xlsx workbooks (undefined: each workbook's first sheet). */
  sheet?: string;
}

export interface WizardState {
  phase: WizardPhase;
  /** What is being waited for while previewing: the upload or the host's sniffing. */
  busy: 'staging' | 'preview' | null;
  files: StagedFile[];
  previews: FilePreview[];
  choices: ImportChoices;
  /**
   * The user's mapping overrides (field → column), sent as `map`; shared by all files (as the import
   * request is). "" is an explicit "(none)": the host leaves the field unmapped instead of guessing it.
   */
  map: Record<string, string>;
  jobId: string | null;
  runId: number | null;
  summary: ImportSummary | null;
  error: ApiError | null;
  /** Bumped on every change that needs a new preview. */
  previewVersion: number;
}

export type WizardAction =
  | { type: 'staging' }
  | { type: 'staged'; files: StagedFile[] }
  | { type: 'remove'; path: string }
  | { type: 'previewing' }
  | { type: 'previewed'; previews: FilePreview[]; version: number }
  | { type: 'failed'; error: ApiError }
  | { type: 'choice'; choices: Partial<ImportChoices> }
  /** column null: the user picked "(none)" (see noneFor). */
  | { type: 'map'; field: string; column: string | null }
  | { type: 'clearMap' }
  | { type: 'started'; jobId: string }
  | { type: 'ended'; status: 'done' | 'failed' | 'cancelled'; runId?: number | null; summary?: ImportSummary | null; error?: ApiError | null }
  | { type: 'summary'; summary: ImportSummary }
  | { type: 'reset' };

export const DEFAULT_CHOICES: ImportChoices = { format: 'auto', role: 'auto', encoding: 'auto', onError: 'abort', allowDuplicate: false };

export const initialWizard: WizardState = { phase: 'idle', busy: null, files: [], previews: [], choices: DEFAULT_CHOICES, map: {}, jobId: null, runId: null, summary: null, error: null, previewVersion: 0 };

/** Choices that change what the host detects (onError and allowDuplicate only matter when importing). */
const RESNIFF: (keyof ImportChoices)[] = ['format', 'role', 'encoding', 'sheet'];

const editable = (s: WizardState) => s.phase !== 'importing';

function needPreview(s: WizardState, patch: Partial<WizardState>): WizardState {
  const next = { ...s, ...patch };
  if (next.files.length === 0) return { ...initialWizard, choices: next.choices };
  // Anything edited after an import attempt starts over from a fresh preview: the old job is history.
  return { ...next, phase: 'previewing', busy: 'preview', error: null, jobId: null, runId: null, summary: null, previewVersion: s.previewVersion + 1 };
}

export function wizardReducer(s: WizardState, a: WizardAction): WizardState {
  switch (a.type) {
    case 'staging':
      return editable(s) ? { ...s, phase: 'previewing', busy: 'staging', error: null, summary: null, runId: null, jobId: null } : s;
    case 'staged': {
      const known = new Set(s.files.map((f) => f.path));
      return needPreview(s, { files: [...s.files, ...a.files.filter((f) => !known.has(f.path))] });
    }
    case 'remove':
      return editable(s) ? needPreview(s, { files: s.files.filter((f) => f.path !== a.path), map: {} }) : s;
    case 'previewing':
      return { ...s, phase: 'previewing', busy: 'preview' };
    case 'previewed':
      return a.version === s.previewVersion && s.phase === 'previewing' ? { ...s, phase: 'ready', busy: null, previews: a.previews } : s;
    case 'failed':
      // A failed preview leaves nothing to import; a failed upload keeps the files already previewed.
      return { ...s, phase: 'failed', busy: null, error: a.error, previews: s.busy === 'preview' ? [] : s.previews };
    case 'choice': {
      if (!editable(s)) return s;
      const choices = { ...s.choices, ...a.choices };
      const resniff = RESNIFF.some((k) => k in a.choices && a.choices[k] !== s.choices[k]);
      // A different format or role means different fields: earlier overrides no longer apply.
      return resniff ? needPreview(s, { choices, map: {} }) : { ...s, choices };
    }
    case 'map': {
      if (!editable(s)) return s;
      const map = { ...s.map };
      const column = a.column ?? noneFor(s, a.field);
      if (column === null) delete map[a.field];
      else map[a.field] = column;
      return needPreview(s, { map });
    }
    case 'clearMap':
      return editable(s) ? needPreview(s, { map: {} }) : s;
    case 'started':
      return { ...s, phase: 'importing', jobId: a.jobId, error: null, summary: null, runId: null };
    case 'ended':
      return { ...s, phase: a.status, runId: a.runId ?? null, summary: a.summary ?? null, error: a.error ?? null };
    case 'summary':
      return { ...s, summary: a.summary };
    case 'reset':
      return initialWizard;
  }
}

/** Import is possible when every file previewed without error and nothing is running. */
export function canImport(s: WizardState): boolean {
  return (s.phase === 'ready' || s.phase === 'failed' || s.phase === 'cancelled') && s.files.length > 0 && s.previews.length === s.files.length && s.previews.every((p) => p.ok);
}

/** The startJob params of the import (ImportRequest without project). */
export function importParams(s: WizardState): Record<string, unknown> {
  const { format, role, encoding, onError, allowDuplicate, sheet } = s.choices;
  return { files: s.files.map((f) => f.path), map: s.map, format, role, encoding, onError, allowDuplicate, ...(sheet === undefined ? {} : { sheet }) };
}

/**
 * The mapping fields to offer for a file: those of its detected role, or, when the host could not
 * plan the file but the user chose a generic role, that role's fields (so the mapping can be fixed).
 */
export function mappingFields(preview: FilePreview | undefined, choices: ImportChoices): string[] | null {
  if (preview === undefined || !preview.header) return null;
  if (preview.ok) return preview.format === 'generic' && preview.fields ? preview.fields : null;
  if (choices.format === 'lpoint' || choices.format === 'baskets' || choices.role === 'auto') return null;
  return [...GENERIC_FIELDS[choices.role]];
}

/**
 * The fields the import refuses to go without for a role (core/model's REQUIRED_FIELDS, the list
 * the importer checks), marked in the mapping editor; every other field — product and amount
 * included — may stay at (none).
 */
export function requiredFields(role: string | undefined): readonly string[] {
  return role !== undefined && role in REQUIRED_FIELDS ? REQUIRED_FIELDS[role as GenericRole] : [];
}

/**
 * The either-or requirements of a role (core/model's REQUIRED_ONE_OF: a coupons file needs a month,
 * or both from and to), shown under the mapping editor.
 */
export function requiredOneOf(role: string | undefined): readonly (readonly string[])[] {
  return role !== undefined && role in REQUIRED_FIELDS ? (REQUIRED_ONE_OF[role as GenericRole] ?? []) : [];
}

/**
 * What "(none)" sends for a field: "" — no column, do not guess it (issue #10: a guessed product
 * column the user disagrees with must stay unmapped, not come back with the next preview) — or,
 * for a field the role cannot do without, null: drop the override and let the host guess again
 * (an empty required field could only fail). Roles: those the host detected for the generic
 * files, and the role the user chose.
 */
export function noneFor(s: WizardState, field: string): '' | null {
  const roles = new Set<string>(s.previews.filter((p) => p.format === 'generic' && p.table !== undefined).map((p) => p.table as string));
  if (s.choices.role !== 'auto') roles.add(s.choices.role);
  return [...roles].some((role) => requiredFields(role).includes(field)) ? null : '';
}
