import { describe, expect, it } from 'vitest';
import { formatCompact, formatMoney, makeFormatters, moneyUnit } from '../../../renderer/src/lib/format.js';

// Issue #14: every money figure shows its unit; Korean counts in 만/억 with separators.
describe('formatMoney, full', () => {
  it('shows the sign before the number in English, with the currency\'s minor unit', () => {
    expect(formatMoney('en', 1_234_567, 'KRW')).toBe('₩1,234,567');
    expect(formatMoney('en', 1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney('en', 1234.5, 'GBP')).toBe('£1,234.50');
    expect(formatMoney('en', 1234.5, 'EUR')).toBe('€1,234.50');
    expect(formatMoney('en', 1234.5, 'JPY')).toBe('¥1,235');
    expect(formatMoney('en', 1234.5, 'CNY')).toBe('CN¥1,234.50');
  });
  it('writes won as 원 after the number in Korean, other currencies by their sign', () => {
    expect(formatMoney('ko', 1_234_567, 'KRW')).toBe('1,234,567원');
    expect(formatMoney('ko', 1234.4, 'KRW')).toBe('1,234원');
    expect(formatMoney('ko', 1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney('ko', 1234.5, 'GBP')).toBe('£1,234.50');
    expect(formatMoney('ko', 1234.5, 'EUR')).toBe('€1,234.50');
    expect(formatMoney('ko', 1234, 'JPY')).toBe('¥1,234');
  });
  it('puts the minus before the unit', () => {
    expect(formatMoney('en', -1234.5, 'USD')).toBe('-$1,234.50');
    expect(formatMoney('en', -5000, 'KRW')).toBe('-₩5,000');
    expect(formatMoney('ko', -5000, 'KRW')).toBe('-5,000원');
    expect(formatMoney('ko', -12.5, 'GBP')).toBe('-£12.50');
  });
  it("shows the bare number for 'none' and a dash for no value", () => {
    expect(formatMoney('en', 1234.567, 'none')).toBe('1,234.57');
    expect(formatMoney('ko', -1234, 'none')).toBe('-1,234');
    expect(formatMoney('en', null, 'USD')).toBe('–');
    expect(formatMoney('ko', Number.NaN, 'KRW')).toBe('–');
  });
});

describe('formatMoney, compact', () => {
  it('abbreviates from 10,000 in English with the sign kept', () => {
    expect(formatMoney('en', 12_345_678, 'GBP', { compact: true })).toBe('£12.3M');
    expect(formatMoney('en', 10_443_000, 'KRW', { compact: true })).toBe('₩10.4M');
    expect(formatMoney('en', -2_500_000_000, 'USD', { compact: true })).toBe('-$2.5B');
    expect(formatMoney('en', 45_000, 'EUR', { compact: true })).toBe('€45K');
  });
  it('counts won in 만/억/조 with separators inside the unit', () => {
    expect(formatMoney('ko', 10_443_000, 'KRW', { compact: true })).toBe('1,044만 원');
    expect(formatMoney('ko', 320_000_000, 'KRW', { compact: true })).toBe('3.2억 원');
    expect(formatMoney('ko', 1_234_567, 'KRW', { compact: true })).toBe('123.5만 원');
    expect(formatMoney('ko', 123_400_000_000, 'KRW', { compact: true })).toBe('1,234억 원');
    expect(formatMoney('ko', 1_500_000_000_000, 'KRW', { compact: true })).toBe('1.5조 원');
    expect(formatMoney('ko', -10_443_000, 'KRW', { compact: true })).toBe('-1,044만 원');
  });
  it('takes the next unit when rounding reaches it', () => {
    expect(formatMoney('ko', 99_999_999, 'KRW', { compact: true })).toBe('1억 원');
    expect(formatMoney('ko', 99_999, 'KRW', { compact: true })).toBe('10만 원');
  });
  it('uses 만/억 for other currencies in Korean, with their sign', () => {
    expect(formatMoney('ko', 10_443_000, 'USD', { compact: true })).toBe('$1,044만');
    expect(formatMoney('ko', -320_000_000, 'GBP', { compact: true })).toBe('-£3.2억');
  });
  it('keeps small figures whole and whole axis ticks without decimals', () => {
    expect(formatMoney('en', 2000, 'USD', { compact: true })).toBe('$2,000');
    expect(formatMoney('en', 12.5, 'USD', { compact: true })).toBe('$12.50');
    expect(formatMoney('ko', 1800, 'KRW', { compact: true })).toBe('1,800원');
    expect(formatMoney('en', 0, 'KRW', { compact: true })).toBe('₩0');
  });
  it("shows bare compact numbers for 'none'", () => {
    expect(formatMoney('en', 12_345_678, 'none', { compact: true })).toBe('12.3M');
    expect(formatMoney('ko', 10_443_000, 'none', { compact: true })).toBe('1,044만');
  });
});

describe('formatCompact in Korean', () => {
  it('groups thousands inside 만 (never "1044.3만")', () => {
    expect(formatCompact('ko', 10_443_000)).toBe('1,044만');
    expect(formatCompact('ko', 52_345_000_000)).toBe('523.5억');
  });
});

describe('moneyUnit and the bound formatters', () => {
  it('names the unit a header shows', () => {
    expect(moneyUnit('en', 'KRW')).toBe('₩');
    expect(moneyUnit('ko', 'KRW')).toBe('원');
    expect(moneyUnit('en', 'GBP')).toBe('£');
    expect(moneyUnit('ko', 'USD')).toBe('$');
    expect(moneyUnit('en', 'none')).toBe('');
  });
  it('binds the project currency', () => {
    const f = makeFormatters('ko', 'KRW');
    expect(f.money(15_000)).toBe('15,000원');
    expect(f.moneyCompact(10_443_000)).toBe('1,044만 원');
    expect(makeFormatters('en').money(1234.5)).toBe('1,234.5');
  });
});
