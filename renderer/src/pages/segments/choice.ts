import type { KChoice, SegmentationSummary, ValidityPoint } from '../../../../core/model/segment.js';
import type { Translate } from '../../i18n/translate.js';

/** Why this k, in the UI language: the rule, and for the elbow the range it looked over. */
export function choiceText(t: Translate, choice: KChoice | undefined, curve: readonly ValidityPoint[] | undefined): string | null {
  if (!choice) return null;
  if (choice.rule === 'given') return t('segments.why.given', { k: choice.k });
  const ks = (curve ?? []).map((p) => p.k);
  if (ks.length === 0) return t('segments.why.elbowShort', { k: choice.k });
  return t('segments.why.elbow', { k: choice.k, from: Math.min(...ks), to: Math.max(...ks) });
}

/** The headline "k and why" of a run (stratified runs choose k per stratum). */
export function runChoiceText(t: Translate, summary: SegmentationSummary): string | null {
  if (summary.strata && summary.strata.length > 0) {
    return t('segments.why.strata', { n: summary.strata.length, k: summary.strata.map((s) => s.k).join(' · ') });
  }
  return choiceText(t, summary.choice, summary.curve);
}
