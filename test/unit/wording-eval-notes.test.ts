import { describe, expect, it } from 'vitest';
import { describeTraining } from '../../core/jobs/recommend/sequence-inputs.js';
import { describeSegmentation, type TrainingSegmentation } from '../../core/jobs/recommend/training-segments.js';
import { evalTextIn, knowsEvalText } from '../../renderer/src/pages/recommend/eval-notes.js';
import { DENY, HANGUL } from './jobs/internal-words.js';

/*
 * Issue #14: the recommender evaluation's notes (one per model), the reasons a model was skipped
 * and core's fallback verdict read in the UI language — Korean included, for runs stored before
 * the change too — and in neither language with the notebook words or code ids ("seed 001", "r_b").
 */

/** The notes a recommend-eval run (models=all, tiny demo, HEAD of 2026-12-07) stored, as written. */
const STORED = {
  'segment-pop': 'segments refitted on the training period only (purchases before 2021-12-03; never the holdout): stratified-kmeans with the parameters of run 2, 200 customers, k = 42',
  ease: 'λ = 100 chosen on the 28 days before the cutoff (171 of 171 validation customers; nDCG@10: 100 → 0.2785, 400 → 0.2434, 1600 → 0.1893; 41.2 s); 1381 most popular products modelled',
  'cluster-knn': 'segments refitted on the training period only (purchases before 2021-12-03; never the holdout): stratified-kmeans with the parameters of run 2, 200 customers, k = 42; neighbours by cosine of the scaled category vectors of the training period',
  'preference-score': "the customer's own products by their 0–5 preference score at the cutoff (buy level + category share + repurchase interval); never-bought products are not scored",
  'score-model': 'recommends never-bought products only, so judge it on new items; one model on all retailers pooled, trained on the 0–5 preference scores at the cutoff (8500 pairs; validation RMSE 0.751 vs 0.808 for the mean)',
  sequence: "trained on 9,146 of 9,146 sessions per epoch (5 epochs, loss 6.342 → 4.916 → 4.463 → 4.203 → 4.062, 88 s, of which 0.3 s to score every customer's list); held-out next session: HR@5 0.663, nDCG@5 0.459 (205 sessions; seed 001: 0.792 / 0.741 on its data); vocabulary 1,401 products and pseudo-products; few examples for 5 epochs — more (sequenceEpochs) may help: on UCI, 40 epochs took nDCG@10 from 0.152 to 0.297",
  'tifu-knn': 'k = 100 neighbours, group size m = 3, r_b = 0.9, r_g = 1, α = 0.9: chosen among 72 settings (k 100/300/900, m 3/7, r_g 0.6/0.8/1, α 0.3/0.5/0.7/0.9) by nDCG@10 on the 28 days before the cutoff (171 of 171 validation customers; best three 0.5758, 0.5757, 0.5757; 2.9 s)',
  rules: '329 rules A → C of the training receipts (minSupport 0.0005, minConfidence 0.05, maxLength 3), best applicable rule first; popular products fill lists no rule reaches',
};

const segmentation = (fromRun: number | null, method: 'kmeans' | 'stratified-kmeans'): TrainingSegmentation => ({
  method, params: {}, fromRun, segments: new Int32Array(0), d: 0, names: new Map(), customers: 12_345, k: 7,
});
const report = (epochs: number, perEpoch: number) => ({
  losses: Array.from({ length: epochs }, (_, i) => 6 - i * 0.5), valid: [{ hr5: 0.61, ndcg5: 0.43 }], sessions: 900, trainSamples: 50_000, perEpoch,
  validSamples: 1_234, vocabulary: 2_345, seconds: 12.4, listSeconds: 0.5,
});

/** What the code writes today, through the job's own functions. */
const WRITTEN: [string, string][] = [
  ['describeSegmentation, from a run', describeSegmentation(segmentation(4, 'kmeans'), '2021-12-03')],
  ['describeSegmentation, defaults (kmeans)', describeSegmentation(segmentation(null, 'kmeans'), '2021-12-03')],
  ['describeSegmentation, defaults (stratified)', `${describeSegmentation(segmentation(null, 'stratified-kmeans'), '2021-12-03')}; neighbours by cosine of the scaled category vectors of the training period`],
  ['describeTraining, few examples', describeTraining(report(1, 20_000))],
  ['describeTraining, enough examples', describeTraining(report(40, 50_000))],
  ['skipped: not a segmentation run', 'run 9 is not a finished kmeans or stratified-kmeans run (the harness refits that method on the training period)'],
  ['skipped: few customers', 'only 2 customers bought before the cutoff: too few to segment'],
  ['skipped: no categories', 'stratified-kmeans needs product categories; this data has none'],
  ['fallback verdict', 'no model was evaluated.'],
];
const ALL: [string, string][] = [...Object.entries(STORED), ...WRITTEN];

const internal = (text: string) => DENY.filter(([re]) => re.test(text)).map(([, why]) => why);

describe('recommender evaluation notes in both languages', () => {
  it.each(ALL)('%s has a pattern and reads in Korean with its values', (_id, note) => {
    expect(knowsEvalText(note)).toBe(true);
    const ko = evalTextIn(note, 'ko');
    expect(ko).toMatch(HANGUL);
    expect(ko).not.toBe(note);
    // Every figure of the note is kept (numbers as written, thousands separators too).
    for (const n of note.match(/\d[\d,.]*\d|\d/g) ?? []) if (!['001', '0.792', '0.741'].includes(n)) expect(ko, n).toContain(n);
  });

  it.each(ALL)('%s carries no internal words in either language', (_id, note) => {
    expect(internal(evalTextIn(note, 'en'))).toEqual([]);
    expect(internal(evalTextIn(note, 'ko'))).toEqual([]);
    expect(evalTextIn(note, 'en')).not.toMatch(/\br_[bg]\b|holdout|harness/);
  });

  it('says the stored English again without the notebook words, values unchanged', () => {
    expect(evalTextIn(STORED.sequence, 'en')).toContain('(205 sessions; the original study: 0.792 / 0.741 on its own data)');
    expect(evalTextIn(STORED['tifu-knn'], 'en')).toContain('decay within a group rb = 0.9, across groups rg = 1, own-history weight α = 0.9');
    expect(evalTextIn(STORED.ease, 'ko')).toBe('기준일 전 28일로 고른 λ = 100(조정용 고객 171명 중 171명; nDCG@10: 100 → 0.2785, 400 → 0.2434, 1600 → 0.1893; 41.2초); 가장 인기 있는 상품 1381개를 모델링');
    expect(evalTextIn(STORED['segment-pop'], 'ko')).toBe('학습 기간만으로 다시 나눈 세그먼트(2021-12-03 이전 구매, 평가 기간은 쓰지 않음): 실행 2의 설정으로 stratified-kmeans, 고객 200명, k = 42');
    // The note the code writes now has the same reading as the stored one.
    expect(evalTextIn(describeTraining(report(1, 20_000)), 'en')).toContain('the original study: 0.792 / 0.741 on its own data');
  });

  it('keeps a text no pattern knows as written', () => {
    expect(knowsEvalText('a future model note')).toBe(false);
    expect(evalTextIn('a future model note', 'ko')).toBe('a future model note');
  });
});
