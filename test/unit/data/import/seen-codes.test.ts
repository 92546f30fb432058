import { describe, expect, it } from 'vitest';
import { SeenCodes } from '../../../../core/data/import/seen-codes.js';

describe('SeenCodes', () => {
  it('says a code was seen exactly when it was added before, across growth', () => {
    const seen = new SeenCodes(4);
    const codes = Array.from({ length: 50_000 }, (_, i) => `A0${i % 6}${String(i).padStart(9, '0')}`);
    let suspected = 0;
    for (const c of codes) if (seen.addIfNew(c)) suspected++;
    // 32-bit hashes: a handful of false suspicions at most among 50k distinct codes.
    expect(suspected).toBeLessThan(5);
    expect(seen.size).toBe(50_000 - suspected);
    for (const c of codes) expect(seen.addIfNew(c)).toBe(true);
  });
});
