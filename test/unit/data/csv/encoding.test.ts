import { describe, expect, it } from 'vitest';
import { createDecoder, detectEncoding } from '../../../../core/data/csv/index.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: ArrayLike<number>[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const BOM = [0xef, 0xbb, 0xbf];

/** CP949 bytes from the KS X 1001 table: 남성 B3B2 BCBA, 여성 BFA9 BCBA, 대 B4EB. */
const cp949 = {
  남성: [0xb3, 0xb2, 0xbc, 0xba],
  여성: [0xbf, 0xa9, 0xbc, 0xba],
  대: [0xb4, 0xeb],
};
const ascii = (text: string): number[] => Array.from(utf8(text));
/** "cust,gender,age\nM1,남성,20대\nM2,여성,30대\n" in CP949. */
const cp949Csv = concat(ascii('cust,gender,age\nM1,'), cp949.남성, ascii(',20'), cp949.대, ascii('\nM2,'), cp949.여성, ascii(',30'), cp949.대, ascii('\n'));

describe('the CP949 fixture', () => {
  it('decodes to the intended Korean text with the WHATWG euc-kr decoder', () => {
    expect(new TextDecoder('euc-kr', { fatal: true }).decode(cp949Csv)).toBe('cust,gender,age\nM1,남성,20대\nM2,여성,30대\n');
  });
});

describe('detectEncoding', () => {
  it('reads ASCII as UTF-8', () => {
    expect(detectEncoding(utf8('a,b\n1,2\n'))).toMatchObject({ encoding: 'utf8', bom: false });
    expect(detectEncoding(new Uint8Array(0))).toMatchObject({ encoding: 'utf8', bom: false });
  });

  it('recognises UTF-8 Korean text', () => {
    expect(detectEncoding(utf8('cust,gender\nM1,남성\nM2,여성\n'))).toEqual({ encoding: 'utf8', bom: false, reason: 'valid UTF-8' });
  });

  it('recognises the UTF-8 BOM', () => {
    expect(detectEncoding(concat(BOM, utf8('성별,연령\n')))).toMatchObject({ encoding: 'utf8', bom: true });
    expect(detectEncoding(Uint8Array.from(BOM))).toMatchObject({ encoding: 'utf8', bom: true });
  });

  it('recognises CP949 Korean text', () => {
    expect(detectEncoding(cp949Csv)).toMatchObject({ encoding: 'cp949', bom: false });
  });

  it('accepts a UTF-8 character cut by the end of the sample', () => {
    const bytes = utf8('a,남성,여성');
    for (let cut = 1; cut <= 2; cut++) {
      expect(detectEncoding(bytes.subarray(0, bytes.length - cut))).toMatchObject({ encoding: 'utf8' });
    }
  });

  it('accepts a CP949 character cut by the end of the sample', () => {
    expect(detectEncoding(cp949Csv.subarray(0, cp949Csv.indexOf(0xb2) /* after the lead byte of 남 */))).toMatchObject({ encoding: 'cp949' });
  });

  it('falls back to UTF-8 and says why when the bytes are neither', () => {
    const guess = detectEncoding(concat(ascii('a,'), [0xff, 0xfe, 0xff], ascii(',b\n')));
    expect(guess.encoding).toBe('utf8');
    expect(guess.reason).toMatch(/neither/);
  });
});

describe('createDecoder', () => {
  it('decodes UTF-8 fed one byte at a time and strips the BOM', () => {
    const bytes = concat(BOM, utf8('성별,연령\n남성,20대\n'));
    const decoder = createDecoder('utf8');
    let text = '';
    for (const b of bytes) text += decoder.decode(Uint8Array.of(b));
    text += decoder.end();
    expect(text).toBe('성별,연령\n남성,20대\n');
  });

  it('decodes CP949 split inside a character', () => {
    const decoder = createDecoder('cp949');
    const at = cp949Csv.indexOf(0xb2);
    const text = decoder.decode(cp949Csv.subarray(0, at)) + decoder.decode(cp949Csv.subarray(at)) + decoder.end();
    expect(text).toBe('cust,gender,age\nM1,남성,20대\nM2,여성,30대\n');
  });

  it('turns invalid bytes into U+FFFD instead of failing', () => {
    const decoder = createDecoder('utf8');
    expect(decoder.decode(concat(ascii('a,'), [0xff], ascii(',b'))) + decoder.end()).toBe('a,\uFFFD,b');
  });

  it('turns a character cut by the end of the file into U+FFFD', () => {
    const decoder = createDecoder('utf8');
    const bytes = utf8('a,남');
    expect(decoder.decode(bytes.subarray(0, bytes.length - 1)) + decoder.end()).toBe('a,\uFFFD');
  });

  it('rejects an unknown encoding', () => {
    expect(() => createDecoder('latin1' as never)).toThrow(TypeError);
  });
});

describe('createDecoder: ASCII chunks next to multibyte ones', () => {
  const decodeAll = (encoding: 'utf8' | 'cp949', chunks: Uint8Array[]): string => {
    const decoder = createDecoder(encoding);
    return chunks.map((c) => decoder.decode(c)).join('') + decoder.end();
  };

  it('gives the same text for every split of a mixed UTF-8 stream', () => {
    const bytes = concat(ascii('id,name\n1,'), utf8('남성'), ascii('\n2,abc\n3,'), utf8('여성\uFEFF'), ascii('\n'));
    const whole = new TextDecoder('utf-8').decode(bytes);
    for (let a = 0; a <= bytes.length; a++) {
      for (let b = a; b <= bytes.length; b += 3) {
        expect(decodeAll('utf8', [bytes.subarray(0, a), bytes.subarray(a, b), bytes.subarray(b)]), `cuts ${a}, ${b}`).toBe(whole);
      }
    }
  });

  it('gives the same text for every split of a mixed CP949 stream', () => {
    const whole = new TextDecoder('euc-kr').decode(cp949Csv);
    for (let a = 0; a <= cp949Csv.length; a++) {
      for (let b = a; b <= cp949Csv.length; b++) {
        expect(decodeAll('cp949', [cp949Csv.subarray(0, a), cp949Csv.subarray(a, b), cp949Csv.subarray(b)]), `cuts ${a}, ${b}`).toBe(whole);
      }
    }
  });

  it('strips a BOM only at the very start, even after an ASCII first chunk', () => {
    expect(decodeAll('utf8', [Uint8Array.from(BOM), utf8('a')])).toBe('a');
    expect(decodeAll('utf8', [Uint8Array.from([...BOM, ...ascii('a')])])).toBe('a');
    expect(decodeAll('utf8', [Uint8Array.from(ascii('a,')), Uint8Array.from([...BOM, ...ascii('b')])])).toBe('a,\uFEFFb');
  });

  it('reports a character left unfinished after ASCII chunks', () => {
    expect(decodeAll('utf8', [Uint8Array.from(ascii('abc')), Uint8Array.from([0xea, 0xb0])])).toBe('abc\uFFFD');
    expect(decodeAll('cp949', [Uint8Array.from(ascii('abc')), Uint8Array.from([0xb3])])).toBe('abc\uFFFD');
  });
});
