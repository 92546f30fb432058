import { describe, expect, it } from 'vitest';
import { formatCompact, formatMoney } from '../../../renderer/src/lib/format.js';

/**
 * Issue #14 ("one unit everywhere"): a Korean compact figure keeps the precision of the English one.
 * The screenshots showed net sales as "₩400.7M" in English and "4억 원" in Korean.
 */
describe('Korean compact figures keep three significant figures', () => {
  it('net sales of 400.7M won read 4.01억, not 4억', () => {
    expect(formatMoney('en', 400_700_000, 'KRW', { compact: true })).toBe('₩400.7M');
    expect(formatMoney('ko', 400_700_000, 'KRW', { compact: true })).toBe('4.01억 원');
  });
  it('two decimals below 10 of the unit, one below 1,000, whole and grouped above', () => {
    expect(formatCompact('ko', 12_345)).toBe('1.23만');
    expect(formatCompact('ko', 123_456_789)).toBe('1.23억');
    expect(formatCompact('ko', 1_234_567_890)).toBe('12.3억');
    expect(formatCompact('ko', 1_234_567)).toBe('123.5만');
    expect(formatCompact('ko', 10_443_000)).toBe('1,044만');
    expect(formatCompact('ko', -40_070_000)).toBe('-4,007만');
  });
  it('drops trailing zeros and rounds up into the next unit', () => {
    expect(formatCompact('ko', 300_000_000)).toBe('3억');
    expect(formatCompact('ko', 320_000_000)).toBe('3.2억');
    expect(formatCompact('ko', 99_999_999)).toBe('1억');
    expect(formatCompact('ko', 99_995_000)).toBe('1억');
    expect(formatMoney('ko', 2_096_000, 'USD', { compact: true })).toBe('$209.6만');
  });
});
