import { GENERIC_FIELDS, type FilePreview, type GenericRole, type ImportOptions } from '../../model/index.js';
import { CsvFileError, sniffCsvFile } from '../csv/index.js';
import { planFile } from './detect.js';
import { LPOINT_COLUMNS } from './lpoint.js';
import { PlanError } from './plan.js';

/**
 * What the import wizard shows before importing: detected format and table, encoding,
 * delimiter, the first rows, and the mapping the importer would use (guessed, or the user's).
 * Reads only the first 64 KB of each file. A file that cannot be imported says why, with line
 * and column, instead of failing the whole preview.
 */
export async function previewFiles(files: readonly string[], options: Pick<ImportOptions, 'format' | 'map' | 'role' | 'encoding'>): Promise<FilePreview[]> {
  const out: FilePreview[] = [];
  for (const file of files) {
    try {
      const sniff = await sniffCsvFile(file, { encoding: options.encoding, sampleRows: 500 });
      const base = { file, bytes: sniff.bytes, encoding: sniff.encoding.encoding + (sniff.encoding.bom ? '+bom' : ''), delimiter: sniff.delimiter, header: sniff.header, rows: sniff.rows.slice(0, 20) };
      try {
        const plan = planFile(sniff.header, sniff.rows, options);
        const fields = plan.format === 'generic' ? [...GENERIC_FIELDS[plan.table as GenericRole]] : [...LPOINT_COLUMNS[plan.table as keyof typeof LPOINT_COLUMNS]];
        out.push({ ...base, ok: true, format: plan.format, table: plan.table, mapping: plan.mapping, fields, notes: plan.notes });
      } catch (err) {
        if (!(err instanceof PlanError)) throw err;
        out.push({ ...base, ok: false, error: { message: err.message, line: err.line, column: err.column } });
      }
    } catch (err) {
      if (err instanceof CsvFileError) out.push({ file, bytes: 0, ok: false, error: { message: err.detail, line: err.reason === 'empty' ? 0 : 1, column: '' } });
      else if ((err as NodeJS.ErrnoException).code === 'ENOENT') out.push({ file, bytes: 0, ok: false, error: { message: 'no such file', line: 0, column: '' } });
      else throw err;
    }
  }
  return out;
}
