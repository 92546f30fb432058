import { sniffBaskets } from './baskets-reader.js';

/**
 * Whether the import wizard should offer the basket format for a file it could not read as a
 * table: at least two of its first lines, with different numbers of comma-separated items (a
 * table has one width; baskets vary). Only a suggestion — a basket file has no header to prove
 * it, so it is never imported as baskets unless the user chooses `format: 'baskets'`.
 */
export async function suggestBaskets(path: string, encoding: 'auto' | 'utf8' | 'cp949'): Promise<boolean> {
  try {
    const s = await sniffBaskets(path, { encoding, sampleRows: 50 });
    return s.rows.length >= 2 && new Set(s.rows.map((r) => r.length)).size > 1;
  } catch {
    return false;
  }
}
