import { describe, expect, it } from 'vitest';
import { currencyOfSign, currencySignOf, isCurrency } from '../../../core/model/currency.js';
import { parseDecimal } from '../../../core/data/import/values.js';

// Issue #14: the sign or code an amount is written with tells the project's currency.
describe('currencySignOf', () => {
  it('finds a sign before the number, after a minus too', () => {
    expect(currencySignOf('$12.00')).toBe('$');
    expect(currencySignOf('-$3')).toBe('$');
    expect(currencySignOf('₩12,000')).toBe('₩');
    expect(currencySignOf('£1.69')).toBe('£');
    expect(currencySignOf('€5')).toBe('€');
    expect(currencySignOf('¥500')).toBe('¥');
    expect(currencySignOf('US$ 4.50')).toBe('US$');
  });
  it('finds a code or a word before or after the number', () => {
    expect(currencySignOf('12.00 USD')).toBe('USD');
    expect(currencySignOf('KRW 12000')).toBe('KRW');
    expect(currencySignOf('12,000원')).toBe('원');
    expect(currencySignOf('300円')).toBe('円');
  });
  it('finds nothing in plain numbers, words or unknown codes', () => {
    for (const v of ['12.00', '-3', '', 'abc', 'POST', '12 XYZ', 'ABC12']) expect(currencySignOf(v), v).toBeUndefined();
  });
});

describe('currencyOfSign', () => {
  it('maps each sign to its ISO code', () => {
    expect(['₩', '원', 'KRW', '$', 'USD', '£', '€', '¥', '円', 'CNY', '元'].map(currencyOfSign)).toEqual(['KRW', 'KRW', 'KRW', 'USD', 'USD', 'GBP', 'EUR', 'JPY', 'JPY', 'CNY', 'CNY']);
    expect(currencyOfSign(undefined)).toBe('none');
    expect(currencyOfSign('XYZ')).toBe('none');
  });
  it('knows the codes a project may have', () => {
    expect(isCurrency('GBP')).toBe(true);
    expect(isCurrency('none')).toBe(true);
    expect(isCurrency('gbp')).toBe(false);
  });
});

describe('parseDecimal with currency signs', () => {
  it('reads the number of a money value written with a sign or code', () => {
    expect(parseDecimal('$12.00')).toBe(12);
    expect(parseDecimal('-$1.25')).toBe(-1.25);
    expect(parseDecimal('$1,000.50')).toBe(1000.5);
    expect(parseDecimal('12,000원')).toBe(12000);
    expect(parseDecimal('12.00 USD')).toBe(12);
    expect(parseDecimal('¥500')).toBe(500);
    expect(parseDecimal('KRW 3,500')).toBe(3500);
  });
  it('still rejects what is not a number', () => {
    for (const v of ['$', '$abc', '12 XYZ', '원', '$1,23']) expect(parseDecimal(v), v).toBeUndefined();
  });
});
