import type { AnalysisInfo } from '../../../../core/model/api.js';

/** One parameter as `listAnalyses` describes it (name, type, default, one-line help). */
export type ParamInfo = AnalysisInfo['params'][number];
/** What the user typed per parameter; a missing entry means "the default". */
export type FormValues = Record<string, string>;
export type ParamError = 'integer' | 'number' | 'boolean' | 'date';

/** The default as the form shows it: '' for "none" (null), otherwise its text. */
export function defaultText(p: ParamInfo): string {
  if (p.default === null || p.default === undefined) return '';
  return typeof p.default === 'object' ? JSON.stringify(p.default) : String(p.default);
}

/** The text a field shows: what the user typed, else the default. */
export function fieldText(p: ParamInfo, values: FormValues): string {
  return Object.hasOwn(values, p.name) ? values[p.name] : defaultText(p);
}

/** A parameter's text as the value the job expects, by its declared type; null for an empty field. */
export function parseParam(p: ParamInfo, text: string): { ok: true; value: unknown } | { ok: false; error: ParamError } {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  switch (p.type) {
    case 'integer':
      return /^[-+]?\d+$/.test(s) ? { ok: true, value: Number(s) } : { ok: false, error: 'integer' };
    case 'number': {
      const n = Number(s);
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: 'number' };
    }
    case 'boolean':
      return s === 'true' || s === 'false' ? { ok: true, value: s === 'true' } : { ok: false, error: 'boolean' };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(s) ? { ok: true, value: s } : { ok: false, error: 'date' };
    default:
      return { ok: true, value: s };
  }
}

/**
 * The params of a job from the form: only fields changed from their default are sent (the
 * analysis fills in the rest, so its defaults stay the single source), with any field that does
 * not parse listed in `errors`.
 */
export function buildParams(params: readonly ParamInfo[], values: FormValues): { params: Record<string, unknown>; errors: Record<string, ParamError> } {
  const out: Record<string, unknown> = {};
  const errors: Record<string, ParamError> = {};
  for (const p of params) {
    if (!Object.hasOwn(values, p.name)) continue;
    const text = values[p.name].trim();
    if (text === defaultText(p) || text === '') continue;
    const parsed = parseParam(p, text);
    if (parsed.ok) out[p.name] = parsed.value;
    else errors[p.name] = parsed.error;
  }
  return { params: out, errors };
}

/** Whether the form differs from the defaults (the Reset button is enabled then). */
export function isEdited(params: readonly ParamInfo[], values: FormValues): boolean {
  return params.some((p) => Object.hasOwn(values, p.name) && values[p.name].trim() !== defaultText(p));
}
