import { describe, expect, it } from 'vitest';
import { seriesName } from '../../renderer/src/pages/forecast/series-name.js';
import { translate, type MessageKey, type Params } from '../../renderer/src/i18n/translate.js';
import { noteIn } from '../../renderer/src/lib/notes.js';

/* Issue #14: a forecast's series ("total", "segment 2", "(unknown)") are named in the UI language on the Forecast page. */
describe('forecast series names', () => {
  const t = (lang: 'en' | 'ko') => (key: MessageKey, params?: Params) => translate(lang, key, params);

  it('says the whole data, default segment names and unknown keys in Korean', () => {
    expect(seriesName(t('ko'), { key: 'total', name: 'total' })).toBe('전체');
    expect(seriesName(t('ko'), { key: 'seg2', name: 'segment 2' })).toBe('세그먼트 2');
    expect(seriesName(t('ko'), { key: 'seg1', name: 'online · spend Q3 · 1' })).toMatch(/^온라인/);
    expect(seriesName(t('ko'), { key: 'retailer:(unknown)', name: '(unknown)' })).toBe('(알 수 없음)');
  });

  it('keeps the names of the data and the user as they are, and English in English', () => {
    expect(seriesName(t('ko'), { key: 'seg3', name: 'Weekend regulars' })).toBe('Weekend regulars');
    expect(seriesName(t('ko'), { key: 'retailer:A01', name: 'A01' })).toBe('A01');
    expect(seriesName(t('en'), { key: 'total', name: 'total' })).toBe('total');
    expect(seriesName(t('en'), { key: 'seg2', name: 'segment 2' })).toBe('segment 2');
  });
});

/* Issue #14: a recommend run's notes (among the run page's key figures) read in Korean, for stored runs too. */
describe('recommend run notes', () => {
  it.each([
    ['k = 20, m = 7, r_b = 0.9, r_g = 0.7, α = 0.7', /^이웃 k = 20, 그룹 크기 m = 7, 그룹 안 감쇠 rb = 0\.9, 그룹 간 감쇠 rg = 0\.7, 본인 이력 가중치 α = 0\.7$/],
    ['one model on all retailers pooled; never-bought products only, by predicted preference score', /^모든 유통사를 합친 모델 하나/],
    ['clusters of stratified-kmeans run 12', /^층화 K-평균 실행 12의 군집$/],
    ['segments of run 3', /^실행 3의 세그먼트$/],
    ['association rules of the receipts (minSupport 0.0005, minConfidence 0.05, maxLength 3); popular products fill lists no rule reaches', /^영수증의 연관 규칙\(최소 지지도 0\.0005, 최소 신뢰도 0\.05, 최대 3개 상품\)/],
  ])('%s', (note, ko) => {
    expect(noteIn(note, 'ko')).toMatch(ko);
    expect(noteIn(note, 'en')).toBe(note);
  });
});
