/**
 * exceljs 4.4's streaming reader decodes every chunk of XML on its own (`parse-sax.js` →
 * `bufferToString`: one non-streaming TextDecoder call per chunk), so a multi-byte UTF-8
 * character cut by a chunk boundary becomes two U+FFFD. Measured: 45 of 30,000 Korean product
 * names corrupted in one workbook. Chunk boundaries fall anywhere in the inflated zip entries and
 * in the parked worksheet files, so Korean data is hit in every large workbook.
 *
 * The fix hands exceljs text instead of bytes (its decoder passes strings through untouched):
 * the parts it parses from zip entries get `setEncoding('utf8')` (Node's StringDecoder keeps a
 * split character for the next chunk), and each worksheet's chunk source is wrapped in a
 * streaming TextDecoder. Applied per reader instance; exceljs itself is not modified.
 */

/** A worksheet chunk source wrapped in a streaming decoder; `source` is the original (a parked file's stream, or the entry's). */
export interface DecodedChunks extends AsyncIterable<string> {
  source: unknown;
}

/** Yields the text of byte chunks, keeping a character cut between two chunks whole. */
export function decodeUtf8Chunks(source: AsyncIterable<unknown>): DecodedChunks {
  async function* decode(): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of source) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
      if (text !== '') yield text;
    }
    const tail = decoder.decode();
    if (tail !== '') yield tail;
  }
  return Object.assign(decode(), { source });
}

type EntryParser = (entry: { setEncoding?: (e: string) => unknown }, ...rest: unknown[]) => unknown;
type WorksheetParser = (iterator: AsyncIterable<unknown>, sheetNo: string) => unknown;

/** The methods of exceljs's WorkbookReader through which XML bytes reach its parser. */
interface ReaderParts {
  _parseRels?: EntryParser;
  _parseWorkbook?: EntryParser;
  _parseSharedStrings?: EntryParser;
  _parseStyles?: EntryParser;
  _parseHyperlinks?: WorksheetParser;
  _parseWorksheet?: WorksheetParser;
}

/** Makes one exceljs WorkbookReader decode UTF-8 across chunk boundaries (see the file comment). */
export function decodeUtf8AcrossChunks(reader: unknown): void {
  const r = reader as ReaderParts;
  for (const name of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'] as const) {
    const original = r[name];
    if (typeof original !== 'function') throw new Error(`exceljs changed: WorkbookReader.${name} is missing`);
    r[name] = function (this: unknown, entry, ...rest) {
      entry.setEncoding?.('utf8');
      return original.call(this, entry, ...rest);
    };
  }
  const worksheet = r._parseWorksheet;
  if (typeof worksheet !== 'function') throw new Error('exceljs changed: WorkbookReader._parseWorksheet is missing');
  r._parseWorksheet = function (this: unknown, iterator, sheetNo) {
    return worksheet.call(this, decodeUtf8Chunks(iterator), sheetNo);
  };
}
