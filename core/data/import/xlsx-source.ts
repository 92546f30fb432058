import type { CsvRecordHandler } from '../csv/reader.js';
import type { CsvSniff } from '../csv/sniff.js';
import { padTo, readXlsxRows, sniffXlsxFile } from '../xlsx/index.js';

/** A CSV sniff of a workbook sheet: the pipeline after the reader cannot tell the two apart. */
export interface XlsxSourceSniff extends CsvSniff {
  kind: 'xlsx';
  sheet: string;
  sheets: string[];
}

/**
 * The sniff of an .xlsx file in the shape the CSV planner reads. Text in a workbook is XML,
 * always Unicode, so there is no encoding to guess and no delimiter: the report says 'xlsx'.
 */
export async function sniffXlsxSource(path: string, sheet: string | undefined, sampleRows: number): Promise<XlsxSourceSniff> {
  const x = await sniffXlsxFile(path, { sheet, sampleRows });
  return {
    kind: 'xlsx', sheet: x.sheet, sheets: x.sheets, header: x.header, rows: x.rows, bytes: x.bytes,
    encoding: { encoding: 'utf8', bom: false, reason: 'an .xlsx workbook (Unicode text)' }, delimiter: ',', lineEnding: 'lf',
  };
}

/**
 * The records of a workbook sheet as the CSV stream hands them over (see CsvStream.each): the
 * header row skipped, each record as wide as the header, its line the sheet's row number, and
 * the sha256 of the file's bytes once read to the end.
 */
export function openXlsxRecords(path: string, sniff: XlsxSourceSniff, signal: AbortSignal | undefined): { each(onRecord: CsvRecordHandler, afterChunk?: (bytesRead: number) => void | Promise<void>): Promise<void>; digest(): string } {
  let hex: string | undefined;
  const width = sniff.header.length;
  return {
    async each(onRecord, afterChunk) {
      let header = true;
      const r = await readXlsxRows(path, { sheet: sniff.sheet, signal }, (fields, line) => {
        if (header) header = false;
        else onRecord(padTo(fields, width), line, false);
      }, afterChunk);
      hex = r.digest;
    },
    digest() {
      if (hex === undefined) throw new Error('the workbook digest is available only after the sheet has been read to the end');
      return hex;
    },
  };
}
