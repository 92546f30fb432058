import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

/** Text is handed to the file system in pieces of about this many UTF-16 units. */
export const CHUNK_CHARS = 1 << 20;

/** RFC 4180 field: quoted only when it holds a comma, quote, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One output CSV (UTF-8 without BOM, LF line ends): rows are gathered into ~1 MB chunks and
 * written through a stream, waiting for 'drain' when the stream asks, so memory stays flat.
 */
export class CsvSink {
  rows = 0;
  private chunk = '';
  private failure: Error | undefined;

  private constructor(readonly path: string, private readonly stream: WriteStream) {
    stream.on('error', (e) => (this.failure ??= e));
  }

  static open(path: string, header: readonly string[]): CsvSink {
    const sink = new CsvSink(path, createWriteStream(path, { highWaterMark: 4 * CHUNK_CHARS }));
    sink.chunk = `${header.join(',')}\n`;
    return sink;
  }

  /** Appends finished row text (each row already ends in \n). */
  add(text: string, rows: number): void {
    this.chunk += text;
    this.rows += rows;
  }

  /** Writes the gathered text once it passes CHUNK_CHARS (or always, with force). */
  async flush(force = false): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.chunk.length === 0 || (!force && this.chunk.length < CHUNK_CHARS)) return;
    const text = this.chunk;
    this.chunk = '';
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush(true);
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
  }

  /** Stops writing without finishing the file (after an error or an abort). */
  async destroy(): Promise<void> {
    this.chunk = '';
    if (this.stream.closed) return;
    const closed = once(this.stream, 'close').catch(() => undefined);
    this.stream.destroy();
    await closed;
  }
}
