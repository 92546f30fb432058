import type { SpendModelId, SpendVerdict } from '../../../../core/model/spend.js';
import type { Translate } from '../../i18n/translate.js';

type T = Translate;
type Dec = (x: number, digits: number) => string;

/** A model's name in the UI language (the ids stay in the CSV and the CLI). */
export function spendModelLabel(t: T, id: SpendModelId): string {
  return t(`value.spend.model.${id}`);
}

/**
 * The verdict as one sentence in the UI language, built from the fields (the summary's `text` is
 * English, for the CLI): the winner by test RMSLE and its difference to the runner-up with the
 * 95 % interval; a tie when the interval contains 0 (then neither is called better).
 */
export function spendVerdictText(t: T, dec: Dec, v: SpendVerdict): string {
  const winner = spendModelLabel(t, v.winner);
  if (v.runnerUp === null || v.difference === null) return t('value.spend.verdict.alone', { winner });
  const vars = { winner, runnerUp: spendModelLabel(t, v.runnerUp), diff: dec(v.difference.mean, 3), gap: dec(Math.abs(v.difference.mean), 3), lower: dec(v.difference.lower, 3), upper: dec(v.difference.upper, 3) };
  return t(v.tie ? 'value.spend.verdict.tie' : 'value.spend.verdict.win', vars);
}
