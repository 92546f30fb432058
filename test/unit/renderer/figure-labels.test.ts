import { describe, expect, it } from 'vitest';
import { figureLabel } from '../../../renderer/src/pages/runs/figure-labels.js';

/** Issue #14: the run page names a summary's figures in the UI language, not by their field ids. */
describe('figureLabel', () => {
  it('names known fields in both languages', () => {
    expect(figureLabel('ksPValue', 'en')).toBe('KS p-value');
    expect(figureLabel('ksPValue', 'ko')).toBe('KS p-값');
    expect(figureLabel('customers', 'ko')).toBe('고객 수');
  });
  it('falls back to the field name in words', () => {
    expect(figureLabel('someNewField', 'ko')).toBe('some new field');
  });
});
