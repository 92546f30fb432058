import { isAscii } from 'node:buffer';

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

/** WHATWG label for each encoding; 'euc-kr' there is windows-949 (CP949), the superset Korean Excel writes. */
const whatwgLabel: Record<EncodingName, string> = { utf8: 'utf-8', cp949: 'euc-kr' };

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

/**
 * Guesses the encoding from the first bytes of a file. Korean exports come either as UTF-8
 * (often with a BOM, from Excel "CSV UTF-8") or as CP949 (Excel's default "CSV" on a Korean
 * Windows). Valid UTF-8 beyond ASCII is almost never valid CP949 by accident and vice versa, so
 * strict validation in that order decides. The sample may end in the middle of a character:
 * decoding in stream mode tolerates that. Bytes that are neither still get 'utf8', so the
 * validator reports the offending rows (as U+FFFD) instead of the whole import failing here.
 */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  if (hasUtf8Bom(sample)) return { encoding: 'utf8', bom: true, reason: 'starts with a UTF-8 byte order mark' };
  if (isAscii(sample)) return { encoding: 'utf8', bom: false, reason: 'ASCII only (read as UTF-8)' };
  if (decodesCleanly('utf-8', sample)) return { encoding: 'utf8', bom: false, reason: 'valid UTF-8' };
  if (decodesCleanly('euc-kr', sample)) return { encoding: 'cp949', bom: false, reason: 'not valid UTF-8 but valid CP949 (EUC-KR)' };
  return {
    encoding: 'utf8',
    bom: false,
    reason: 'neither valid UTF-8 nor valid CP949; read as UTF-8, rows with invalid bytes will be reported',
  };
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
  const label = whatwgLabel[encoding];
  if (label === undefined) throw new TypeError(`encoding must be 'utf8' or 'cp949', got ${JSON.stringify(encoding)}`);
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let atStart = true;
  let clean = true;
  return {
    decode(chunk) {
      if (chunk.length === 0) return '';
      let text: string;
      if (clean && isAscii(chunk)) text = latin1(chunk);
      else {
        decoder ??= new TextDecoder(label, { fatal: false, ignoreBOM: !atStart });
        text = decoder.decode(chunk, { stream: true });
        clean = chunk[chunk.length - 1] < 0x80;
      }
      atStart = false;
      return text;
    },
    end: () => (decoder === undefined ? '' : decoder.decode()),
  };
}
