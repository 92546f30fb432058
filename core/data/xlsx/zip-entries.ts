import type { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';

/**
 * exceljs 4.4's streaming reader iterates the zip entries of unzipper 0.10's `Parse` stream with
 * its own `iterateStream` (utils/iterate-stream.js): it collects 'data' events, pauses the stream
 * while it handles one entry, and stops as soon as the stream has emitted 'end' and its collected
 * list is empty. But `Parse` emits 'end' itself on 'finish' (lib/parse.js), i.e. as soon as its
 * writable side has parsed the last byte of the archive — not when its readable side has handed
 * every entry over. Small entries (under the 16 KB of a PassThrough) do not hold the parser back,
 * so while exceljs is still busy with one entry (parking a worksheet in a temporary file, reading
 * the relationships) the parser can run to the end of the archive, pushing the remaining entries
 * into the paused stream's buffer; its early 'end' then makes exceljs leave the loop with those
 * entries never read. Which ones depends on timing: xl/sharedStrings.xml after parked sheets
 * (the sheets are then read with indexes instead of texts), xl/workbook.xml stored last (exceljs
 * issue #3064), or the worksheets themselves.
 *
 * The fix withholds that early 'end' on our reader's own zip stream: Node emits the stream's real
 * 'end' once its readable side has ended and every pushed entry has been read, and that one is let
 * through. Applied per reader instance; exceljs and unzipper themselves are not modified.
 */

/** A stream whose 'end' means nothing is left in it. */
interface ZipStream extends EventEmitter {
  readableEnded?: boolean;
}

/** Lets the zip stream's 'end' through only once its readable side has really ended (see the file comment). */
export function holdEarlyEnd(zip: ZipStream): void {
  if (typeof zip.readableEnded !== 'boolean') return;
  const emit = zip.emit;
  zip.emit = function (this: ZipStream, event: string | symbol, ...args: unknown[]): boolean {
    // unzipper's own 'end' on 'finish': entries may still wait in the buffer. Node's follows.
    if (event === 'end' && zip.readableEnded !== true) return false;
    return emit.call(this, event, ...args);
  };
}

/**
 * Makes exceljs's pass over the zip deliver every entry: exceljs pipes the input it is given
 * into the zip parser it creates (`stream.pipe(zip)` in WorkbookReader.parse), which is where
 * we get hold of that parser.
 */
export function deliverEveryEntry(input: Readable): void {
  const pipe = input.pipe;
  input.pipe = function <T extends NodeJS.WritableStream>(this: Readable, destination: T, options?: { end?: boolean }): T {
    holdEarlyEnd(destination as unknown as ZipStream);
    return pipe.call(this, destination, options) as T;
  };
}
