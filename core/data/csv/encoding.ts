import { isAscii } from 'node:buffer';
import { Cp949Decoder } from './cp949.js';

export type EncodingName = 'utf8' | 'cp949';
export type EncodingChoice = 'auto' | EncodingName;

export interface EncodingGuess {
  encoding: EncodingName;
  bom: boolean;
  reason: string;
}

export interface CsvDecoder {
  decode(chunk: Uint8Array): string;
  end(): string;
}

/**
 * UTF-8 goes through TextDecoder; CP949 through our own decoder (cp949.ts): Node's 'euc-kr' is
 * plain EUC-KR, not the windows-949 superset Korean Excel writes.
 */
const ENCODINGS: readonly EncodingName[] = ['utf8', 'cp949'];

/** One-shot or streaming decode of either encoding, invalid sequences as U+FFFD. */
function rawDecoder(encoding: EncodingName, ignoreBOM: boolean): { decode(b: Uint8Array, stream: boolean): string } {
  if (encoding === 'cp949') return new Cp949Decoder();
  const d = new TextDecoder('utf-8', { fatal: false, ignoreBOM });
  return { decode: (b, stream) => d.decode(b, { stream }) };
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** True when the bytes decode without error; an incomplete sequence at the very end is allowed (stream mode holds it back). */
function decodesCleanly(label: string, b: Uint8Array): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(b, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** How well the bytes read in one encoding: invalid sequences, and characters beyond ASCII that decoded fine. */
export interface EncodingFit {
  invalid: number;
  decoded: number;
}

/**
 * Decodes the whole sample (stream mode: a character cut by the end of the sample is not an
 * error) and counts what became U+FFFD or a C1 control (U+0080–U+009F: Korean or Latin text
 * does not hold one) against the other characters beyond ASCII.
 */
export function encodingFit(encoding: EncodingName, b: Uint8Array): EncodingFit {
  const text = rawDecoder(encoding, false).decode(b, true);
  let invalid = 0;
  let decoded = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd || c <= 0x9f) invalid++;
    else decoded++;
  }
  return { invalid, decoded };
}

/**
 * Guesses the encoding from the first bytes of a file. Korean exports come either as UTF-8
 * (often with a BOM, from Excel "CSV UTF-8") or as CP949 (Excel's default "CSV" on a Korean
 * Windows). Valid UTF-8 beyond ASCII is almost never valid CP949 by accident and vice versa, so
 * strict validation in that order decides. The sample may end in the middle of a character:
 * decoding in stream mode tolerates that.
 *
 * When the sample is valid in neither (a CP949 file with a few bad bytes, issue #15 §4), the
 * whole sample is weighed, not its first bad byte: the encoding with fewer invalid sequences
 * wins, provided it decodes some text beyond ASCII at all (a CP949 file read as UTF-8 has an
 * invalid sequence in almost every Korean character; one bad byte in it is one). Otherwise
 * UTF-8. Either way the import reports each row holding an invalid sequence (as U+FFFD) by line
 * and column instead of the whole import failing here.
 */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  if (hasUtf8Bom(sample)) return { encoding: 'utf8', bom: true, reason: 'starts with a UTF-8 byte order mark' };
  if (isAscii(sample)) return { encoding: 'utf8', bom: false, reason: 'ASCII only (read as UTF-8)' };
  if (decodesCleanly('utf-8', sample)) return { encoding: 'utf8', bom: false, reason: 'valid UTF-8' };
  const cp949 = encodingFit('cp949', sample);
  if (cp949.invalid === 0) return { encoding: 'cp949', bom: false, reason: 'not valid UTF-8 but valid CP949 (EUC-KR)' };
  const utf8 = encodingFit('utf8', sample);
  const counts = `${count(utf8.invalid)} as UTF-8, ${count(cp949.invalid)} as CP949`;
  if (cp949.invalid < utf8.invalid && cp949.decoded > 0) {
    return { encoding: 'cp949', bom: false, reason: `neither valid UTF-8 nor valid CP949 (invalid sequences in the first ${sample.length} bytes: ${counts}); read as CP949, rows with invalid bytes will be reported` };
  }
  return {
    encoding: 'utf8',
    bom: false,
    reason: `neither valid UTF-8 nor valid CP949 (invalid sequences in the first ${sample.length} bytes: ${counts}); read as UTF-8, rows with invalid bytes will be reported`,
  };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function latin1(chunk: Uint8Array): string {
  return (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)).toString('latin1');
}

/**
 * Streaming, non-fatal decoder: invalid bytes become U+FFFD so a single bad byte costs one
 * reported row (the validator finds the U+FFFD with its line and column), not the whole import.
 * A character split across chunks is held back until the next chunk. A leading UTF-8 BOM is
 * stripped (TextDecoder does it; CP949 has no BOM).
 *
 * Purchase files are mostly pure ASCII, where both encodings agree with Latin-1: such a chunk is
 * copied as one-byte characters (about 8× faster than TextDecoder) whenever the TextDecoder holds
 * no partial character, which is certain after a chunk that ended in an ASCII byte.
 */
export function createDecoder(encoding: EncodingName): CsvDecoder {
  if (!ENCODINGS.includes(encoding)) throw new TypeError(`encoding must be 'utf8' or 'cp949', got ${JSON.stringify(encoding)}`);
  let decoder: ReturnType<typeof rawDecoder> | undefined;
  let atStart = true;
  let clean = true;
  return {
    decode(chunk) {
      if (chunk.length === 0) return '';
      let text: string;
      if (clean && isAscii(chunk)) text = latin1(chunk);
      else {
        decoder ??= rawDecoder(encoding, !atStart);
        text = decoder.decode(chunk, true);
        clean = chunk[chunk.length - 1] < 0x80;
      }
      atStart = false;
      return text;
    },
    end: () => (decoder === undefined ? '' : decoder.decode(new Uint8Array(0), false)),
  };
}
