/**
 * Run parameters on one line, for a table cell: `key=value` pairs, arrays shortened to their
 * length past three items, long file paths to their last part.
 */
export function compactParams(params: Record<string, unknown> | null | undefined): string {
  if (!params) return '';
  return Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${compactValue(v)}`)
    .join(' ');
}

function compactValue(v: unknown): string {
  if (Array.isArray(v)) return v.length > 3 ? `[${v.length} items]` : `[${v.map(compactValue).join(', ')}]`;
  if (typeof v === 'string') return /[\\/]/.test(v) ? (v.split(/[\\/]/).pop() ?? v) : v;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    return entries.length === 0 ? '{}' : `{${entries.map(([k, x]) => `${k}:${compactValue(x)}`).join(', ')}}`;
  }
  return String(v);
}
