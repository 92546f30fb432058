import { describe, expect, it } from 'vitest';
import { summarise } from '../../../core/analysis/forecast/backtest.js';
import { MARKETING_CAVEAT } from '../../../core/analysis/marketing/response.js';
import { ITEMS_AS_MONETARY_NOTE } from '../../../core/model/segment.js';
import { NOTE_PATTERNS, knowsNote, noteIn } from '../../../renderer/src/lib/notes.js';

/*
 * Issue #14: run notes show in the UI language. The notes stay English in the run (the CLI's JSON
 * contract, old runs); the renderer says each in Korean by its pattern. Every note the jobs write
 * today (one example per sentence, with the values a run would put in) has a Korean form that
 * keeps those values; an unknown note is shown as written.
 */

const accuracy = (coverage80: number, coverage95: number) => ({ mase: 1, smape: 10, rmse: 5, coverage80, coverage95 });
const coverageNotes = [...summarise('ets', [accuracy(0.5, 0.6)]).notes, ...summarise('ets', [accuracy(0.99, 1)]).notes];

/** [pattern id, a note as the job writes it, values the Korean must keep]. */
const EXAMPLES: [string, string, string[]][] = [
  ['segment.itemsAsMonetary', ITEMS_AS_MONETARY_NOTE, []],
  ['stratified.noChannel', 'These data have no sales channel: 4 strata by spend grade alone (not 8 by channel × spend).', ['4']],
  ['stratified.emptyGroup', 'No online customers here: 4 strata, not 8.', ['4', '온라인']],
  ['stratified.emptyGroup', 'No offline-only customers here: 4 strata, not 8.', ['오프라인 전용']],
  ['kprototypes.missing', 'age band: 12 of 200 customers have no value and count at the mean (z = 0).', ['age band', '12', '200']],
  ['kprototypes.noCategorical', 'No categorical input differs between customers here (gender, region): k-prototypes clusters on the numeric inputs alone, as kmeans would.', ['gender, region']],
  ['kprototypes.constant', 'channel: the same value for every customer (offline), left out of the categorical inputs (it separates no one).', ['channel', 'offline']],
  ['kprototypes.unknown', "gender: unknown for 120 of 200 customers; 'unknown' counts as a category of its own.", ['gender', '120', '200']],
  ['forecast.constant', 'The history is constant (0 every period): only snaive is fitted, and no backtest.', ['0']],
  ['forecast.noFold', 'No backtest: 20 periods are too few for one 14-period fold after 28 training periods.', ['20', '14', '28']],
  ['forecast.fewerFolds', 'Backtest with 2 fold(s) instead of 3: the history (90 periods) is too short for more.', ['2', '3', '90']],
  ['forecast.failedBacktest', 'sarima failed in the backtest and was dropped: singular matrix', ['sarima', 'singular matrix']],
  ['forecast.failed', 'prophet failed and was dropped: no data', ['prophet', 'no data']],
  ['forecast.ensembleOf', 'mean of ets and sarima, the two best on this backtest (picked on the same folds it is scored on: slightly optimistic)', ['ets', 'sarima']],
  ['forecast.ensembleTwo', 'ensemble needs two fitted models: not built.', []],
  ['forecast.ensembleBacktest', 'ensemble needs the backtest to pick its two models: not built.', []],
  ['forecast.chosenWithout', 'No backtest: ets chosen by lowest AICc.', ['ets', 'AICc']],
  ['forecast.chosenWithout', 'No backtest: snaive chosen by default.', ['snaive']],
  ['forecast.maxSeries', 'Only the 20 largest of 25 series are forecast (maxSeries); left out: a, b, 로열.', ['20', '25', 'a, b, 로열']],
  ['forecast.narrow95', coverageNotes[0], ['60%']],
  ['forecast.narrow80', coverageNotes[1], ['50%']],
  ['forecast.wide', coverageNotes[2], ['99%']],
  ['forecast.outliers', 'Customers the segmentation set aside (outliers, segment −1) are in no segment series.', ['−1']],
  ['forecast.unknownKey', "Sales without a category form the series '(unknown)'.", ['(unknown)', '카테고리']],
  ['forecast.partialWeek', 'Weeks run Monday–Sunday; the first partial week (2021-01-01 to 2021-01-03, 3 days) is left out.', ['2021-01-01', '2021-01-03', '3']],
  ['forecast.partialWeek', 'Weeks run Monday–Sunday; the last partial week (2021-12-27 to 2021-12-31, 5 days) is left out.', ['2021-12-27', '5', '마지막']],
  ['marketing.caveat', MARKETING_CAVEAT, []],
  ['marketing.noOverlap', 'The marketing spend file and the purchases share no day: nothing could be measured.', []],
  ['marketing.noChannel', 'No online channel among TV, Radio (a name with "online" or "온라인"); choose one with onlineChannel.', ['TV, Radio', 'onlineChannel']],
  ['marketing.noChannel', 'No offline channel among Web (a name with "offline" or "오프라인"); choose one with offlineChannel.', ['Web', 'offlineChannel']],
  ['marketing.sameShare', 'Every customer has the same online share, so the scaled online response is 0 for all.', []],
  ['marketing.period', "Measured over 2022-01-01..2022-03-31, the overlap of the spend file's days and the purchase days; in the regression a day without purchases is 0 sales.", ['2022-01-01', '2022-03-31']],
  ['recommend.tifu', 'k = 20, m = 7, r_b = 0.9, r_g = 0.7, α = 0.7', ['20', '7', '0.9', '0.7']],
  ['recommend.scoreModel', 'one model on all retailers pooled; never-bought products only, by predicted preference score', []],
  ['recommend.clusters', 'clusters of stratified-kmeans run 12', ['12']],
  ['recommend.segments', 'segments of run 3', ['3']],
  ['recommend.rules', 'association rules of the receipts (minSupport 0.0005, minConfidence 0.05, maxLength 3); popular products fill lists no rule reaches', ['0.0005', '0.05', '3']],
];

describe('run notes in Korean', () => {
  it('the coverage notes come from the forecast code itself', () => {
    expect(coverageNotes).toHaveLength(3);
  });

  it.each(EXAMPLES.map(([id, note, keep], i) => [`${id} #${i}`, id, note, keep] as const))('%s', (_name, id, note, keep) => {
    const pattern = NOTE_PATTERNS.find((p) => p.en.test(note));
    expect(pattern?.id).toBe(id);
    const ko = noteIn(note, 'ko');
    expect(ko).toMatch(/[가-힣]/);
    expect(ko).not.toBe(note);
    for (const v of keep) expect(ko).toContain(v);
    // No English sentence left: only values, ids and short technical words stay Latin.
    expect(ko.replace(/[^A-Za-z ]+/g, ' ').split(/\s+/).filter((w) => w.length > 3 && !keep.some((k) => k.includes(w)) && !['snaive', 'AICc'].includes(w))).toEqual([]);
    expect(noteIn(note, 'en')).toBe(note);
    expect(knowsNote(note)).toBe(true);
  });

  it('every pattern has an example, and an unknown note is shown as written', () => {
    const covered = new Set(EXAMPLES.map(([id]) => id));
    for (const p of NOTE_PATTERNS) expect(covered, p.id).toContain(p.id);
    expect(noteIn('Something new happened.', 'ko')).toBe('Something new happened.');
    expect(knowsNote('Something new happened.')).toBe(false);
  });
});
