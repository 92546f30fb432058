import { describe, expect, it } from 'vitest';
import { nameLrfmvSegments } from '../../../../core/analysis/segment/lrfmv-names.js';
import { exclusionReasonIn, segmentNameIn } from '../../../../core/analysis/segment/segment-names.js';
import { EXCLUSION_REASONS } from '../../../../core/model/segment.js';
import { translate, type MessageKey, type Params } from '../../../../renderer/src/i18n/translate.js';
import { displayName, reasonText } from '../../../../renderer/src/pages/segments/labels.js';

/*
 * Issue #14: default segment names follow the export's language. An export with --lang ko says
 * them as the Korean Segments page does (the same words), a name the user typed stays as it is,
 * and English changes nothing.
 */

const tKo = (key: MessageKey, params?: Params) => translate('ko', key, params);

// Every namer's default names: kmeans/kprototypes, outliers, stratified (with and without channel),
// and the LRFMV namer itself on a spread of mean z-score patterns.
const lrfmv = nameLrfmvSegments([
  [1, -1, 1, 1, 1], [-1, 1, -1, -1, 1], [1, -1, 1, 1, -1], [-1, 1, -1, -1, -1],
  [1, -1, 1, 1, 0.5], [-1, -1, 1, -1, 1], [-1, -1, 1, -1, 1], [0.2, 0.3, -0.1, 0.4, -0.5],
]).map((x) => x.name).concat(nameLrfmvSegments([[1, 1, 1, 1, 1], [-1, -1, -1, -1, -1]]).map((x) => x.name));
const DEFAULTS = ['segment 1', 'segment 12', 'outliers', 'online · spend Q3 · 1', 'offline-only · spend Q1 · 12', ...lrfmv];

describe('default segment names in Korean', () => {
  it('the LRFMV sample has seed names, a "but" name and descriptive names (the check below is not vacuous)', () => {
    expect(lrfmv).toContain('royal');
    expect(lrfmv.some((n) => n.includes(', but '))).toBe(true);
    expect(lrfmv.some((n) => /: L. R. F. M. V. \(2\)$/.test(n))).toBe(true);
  });

  it.each(DEFAULTS)('%s: Korean, and the same as the Segments page says', (name) => {
    const ko = segmentNameIn(name, 'ko');
    expect(ko).toMatch(/[가-힣]/);
    expect(ko).toBe(displayName(tKo, name));
    expect(segmentNameIn(name, 'en')).toBe(name);
  });

  it('stratified names without a channel and names users typed', () => {
    expect(segmentNameIn('spend Q2 · 3', 'ko')).toBe('구매액 2분위 · 3');
    for (const typed of ['VIP 고객', 'royal customers', 'segment two', 'light: not a pattern']) expect(segmentNameIn(typed, 'ko')).toBe(typed);
  });

  it('exclusion reasons as the Segments page says them', () => {
    for (const reason of [...Object.values(EXCLUSION_REASONS), 'DBSCAN noise', 'small cluster (≤ 5 customers)']) {
      const ko = exclusionReasonIn(reason, 'ko');
      expect(ko).toMatch(/[가-힣]/);
      expect(ko).toBe(reasonText(tKo, reason));
      expect(exclusionReasonIn(reason, 'en')).toBe(reason);
    }
  });
});
