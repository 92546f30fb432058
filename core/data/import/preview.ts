import { GENERIC_FIELDS, type FilePreview, type GenericRole, type ImportOptions } from '../../model/index.js';
import { CsvFileError } from '../csv/index.js';
import { XlsxSheetError } from '../xlsx/index.js';
import { suggestBaskets } from './baskets-suggest.js';
import { planFile } from './detect.js';
import { LPOINT_COLUMNS } from './lpoint.js';
import { PlanError } from './plan.js';
import { describeSource, sniffSource } from './source.js';

/**
 * What the import wizard shows before importing: detected format and table, encoding,
 * delimiter, the first rows, and the mapping the importer would use (guessed, or the user's).
 * Reads only the first 64 KB of each file. A file that cannot be imported says why, with line
 * and column, instead of failing the whole preview.
 */
export async function previewFiles(files: readonly string[], options: Pick<ImportOptions, 'format' | 'map' | 'role' | 'encoding' | 'sheet'>): Promise<FilePreview[]> {
  const out: FilePreview[] = [];
  for (const file of files) {
    try {
      const sniff = await sniffSource(file, options, 500);
      const src = describeSource(sniff);
      const sheets = sniff.kind === 'xlsx' ? { sheet: sniff.sheet, sheets: sniff.sheets } : {};
      const base = { file, bytes: sniff.bytes, encoding: src.label, delimiter: src.delimiter, header: sniff.header, rows: sniff.rows.slice(0, 20), ...sheets };
      try {
        const plan = planFile(sniff.header, sniff.rows, options);
        const fields = plan.format === 'generic' ? [...GENERIC_FIELDS[plan.table as GenericRole]] : plan.format === 'lpoint' ? [...LPOINT_COLUMNS[plan.table as keyof typeof LPOINT_COLUMNS]] : [];
        out.push({ ...base, ok: true, format: plan.format, table: plan.table, mapping: plan.mapping, fields, notes: plan.notes });
      } catch (err) {
        if (!(err instanceof PlanError)) throw err;
        const suggest = sniff.kind !== 'xlsx' && options.format === 'auto' && (await suggestBaskets(file, options.encoding)) ? { suggestFormat: 'baskets' as const } : {};
        out.push({ ...base, ok: false, error: { message: err.message, line: err.line, column: err.column }, ...suggest });
      }
    } catch (err) {
      if (err instanceof CsvFileError) {
        const suggest = err.reason === 'not-csv' && options.format === 'auto' && (await suggestBaskets(file, options.encoding)) ? { suggestFormat: 'baskets' as const } : {};
        const sheets = err instanceof XlsxSheetError ? { sheets: err.sheets, sheet: err.sheet } : {};
        out.push({ file, bytes: 0, ok: false, error: { message: err.detail, line: err.reason === 'empty' ? 0 : 1, column: '' }, ...suggest, ...sheets });
      }
      else if ((err as NodeJS.ErrnoException).code === 'ENOENT') out.push({ file, bytes: 0, ok: false, error: { message: 'no such file', line: 0, column: '' } });
      else throw err;
    }
  }
  return out;
}
