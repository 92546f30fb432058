import { describe, expect, it } from 'vitest';
import { scalingText } from '../../../renderer/src/pages/segments/scaling.js';

/** Every `scaling` the segmentation jobs write (core/jobs/segment/*), as stored with a run. */
const STORED = [
  'DBSCAN on the raw pivot (won); K-means on the pivot min–max scaled within each stratum',
  'log1p of frequency, monetary; standard',
  'standard',
  'minmax',
  'spend shares per customer; log1p; none',
  'log1p of clv, expected_purchases; standard',
  'numeric standardised (z-scores); categorical as codes (mismatch = gamma)',
  'numeric log1p, then standardised (z-scores); categorical as codes (mismatch = gamma)',
  'log1p of L, F, M, V; standard (z-scores)',
  'imported feats.csv (sha256 0123456789ab); 3 missing values set to the column mean; log1p; standard',
];

describe('a segmentation run\'s scaling in the UI language (issue #14)', () => {
  it('keeps the stored English text in English', () => {
    for (const s of STORED) expect(scalingText('en', s)).toBe(s);
  });

  it('leaves no English sentence in Korean: only column names, file names and method names stay', () => {
    for (const s of STORED) {
      const ko = scalingText('ko', s);
      expect(ko, s).not.toBe(s);
      expect(ko.replace(/log1p|DBSCAN|K-|gamma|sha256|feats\.csv|frequency|monetary|clv|expected_purchases|\b[LFMV]\b|[0-9a-f]{12}/g, ''), s).not.toMatch(/[A-Za-z]{3,}/);
    }
    expect(scalingText('ko', STORED[0])).toBe('DBSCAN은 원 단위 피벗 그대로; K-평균은 층마다 최소–최대 스케일링한 피벗');
  });
});
