import { describe, expect, it } from 'vitest';
import { translateReason } from '../../../../core/analysis/recommend/reason-translate.js';
import { REASONS } from '../../../../core/analysis/recommend/reasons.js';
import { RULE_REASONS } from '../../../../core/analysis/rules/recommender.js';

/*
 * Issue #14: a campaign export renders reasons in the export's language, whatever language the
 * recommend run stored them in (and for runs made before, which hold only the text). Every kind of
 * reason, with awkward values (labels with parentheses, "and", Korean; zero and negative numbers),
 * goes from either language to the other and to itself unchanged.
 */

const LABELS = ['흰우유 (PD1296)', 'Bread and butter (P7)', 'A → B, odd', '라면'];
const samples: [string, { en: string; ko: string }][] = [
  ['popular', REASONS.popular(0)], ['popular', REASONS.popular(1234)],
  ['own', REASONS.own(3)],
  ['segment', REASONS.segment(17)],
  ...LABELS.map((l, i) => ['itemKnn', REASONS.itemKnn(l, [0.3456, 1, -0.2, 0.005][i])] as [string, { en: string; ko: string }]),
  ['noSimilar', REASONS.noSimilar()], ['notModelled', REASONS.notModelled()], ['noLink', REASONS.noLink()], ['neverBought', REASONS.neverBought()],
  ...LABELS.map((l, i) => ['easeLink', REASONS.easeLink(l, [0.1234, -0.0005, 2, 0][i])] as [string, { en: string; ko: string }]),
  ['neighbours', REASONS.neighbours(3, 20, 'Royal')], ['neighbours', REASONS.neighbours(0, 5, null)], ['neighbours', REASONS.neighbours(7, 9, '로열 고객')],
  ['preference', REASONS.preference(3.55, 2, 0.73, 1.25, 14)], ['preference', REASONS.preference(0, 0, 0, 0, null)],
  ['tifu', REASONS.tifu(3, 1, 4, 10)], ['tifu', REASONS.tifu(2, 30, 0, 10)], ['tifu', REASONS.tifu(5, null, 2, 10)], ['tifu', REASONS.tifu(0, null, 6, 10)],
  ['predictedOwn', REASONS.predictedOwn(4.26)], ['predictedNew', REASONS.predictedNew(-0.04)],
  ...LABELS.map((l, i) => ['nextPurchase', REASONS.nextPurchase(l, [0.1234, 0.5, 1, 0.0001][i], [0.345, 0.5, 1, 0][i])] as [string, { en: string; ko: string }]),
  ['rule', RULE_REASONS.rule('milk', '흰우유 (PD1296)', 0.93)], ['rulePopular', RULE_REASONS.popular(12)],
];

describe('reasons in the export language', () => {
  it.each(samples.map(([kind, text], i) => [`${kind} #${i}`, text] as const))('%s goes to either language from either language', (_k, text) => {
    expect(translateReason(text.en, 'ko')).toBe(text.ko);
    expect(translateReason(text.ko, 'en')).toBe(text.en);
    expect(translateReason(text.en, 'en')).toBe(text.en);
    expect(translateReason(text.ko, 'ko')).toBe(text.ko);
  });

  it('a rule with several antecedents changes its separator with the language', () => {
    const en = RULE_REASONS.rule(['milk', 'bread'].join(' and '), 'butter', 0.5).en;
    const ko = RULE_REASONS.rule(['milk', 'bread'].join(', '), 'butter', 0.5).ko;
    expect(translateReason(en, 'ko')).toBe(ko);
    expect(translateReason(ko, 'en')).toBe(en);
  });

  it('says a default segment name in Korean, and keeps a typed one', () => {
    expect(translateReason(REASONS.neighbours(3, 20, 'segment 2').en, 'ko')).toBe(REASONS.neighbours(3, 20, '세그먼트 2').ko);
    expect(translateReason(REASONS.neighbours(3, 20, 'online · spend Q3 · 1').en, 'ko')).toBe(REASONS.neighbours(3, 20, '온라인 · 구매액 3분위 · 1').ko);
    expect(translateReason(REASONS.neighbours(3, 20, 'Weekend shoppers').en, 'ko')).toBe(REASONS.neighbours(3, 20, 'Weekend shoppers').ko);
  });

  it('keeps a text it does not know as it is', () => {
    expect(translateReason('hand-written note', 'ko')).toBe('hand-written note');
    expect(translateReason('', 'en')).toBe('');
  });

  it('covers every kind of reason the recommenders give', () => {
    const kinds = new Set(samples.map(([k]) => k));
    for (const k of Object.keys(REASONS)) expect(kinds, k).toContain(k);
    expect(kinds).toContain('rule');
    expect(kinds).toContain('rulePopular');
  });
});
