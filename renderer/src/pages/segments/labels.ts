import type { SegmentProfile } from '../../../../core/model/segment.js';
import { EXCLUSION_REASONS, LRFMV_WORDS_EN, lrfmvPatternWords, OUTLIER_SEGMENT, parseLrfmvPattern, type ExcludedCustomers } from '../../../../core/model/segment.js';
import { isMessageKey, type Translate } from '../../i18n/translate.js';

/** A profile feature's name in the UI language when known ('recency' → "Recency" / "최근성"); others as they are. */
export function featureLabel(t: Translate, name: string): string {
  const key = `feature.${name}`;
  return isMessageKey(key) ? t(key) : name;
}

/** Segments in reading order: by id, the outliers last. */
export function orderProfiles(profiles: readonly SegmentProfile[]): SegmentProfile[] {
  return [...profiles].sort((a, b) => (a.segment === OUTLIER_SEGMENT ? 1 : 0) - (b.segment === OUTLIER_SEGMENT ? 1 : 0) || a.segment - b.segment);
}

/** ▲ / ▼ for a feature marked high / low against the overall mean. */
export function markSymbol(mark: 'high' | 'low' | ''): string {
  return mark === 'high' ? '▲' : mark === 'low' ? '▼' : '';
}

type LrfmvName = 'royal' | 'high-performing' | 'general' | 'low-performing';

/**
 * A segment name as shown: the analyses' default names ("segment 2", "outliers", "royal",
 * "royal, but R+", "short, lapsed, light: L− R+ F− M− V−", "online · spend Q3 · 1") in the UI
 * language; a name the user gave stays as it is.
 */
export function displayName(t: Translate, name: string): string {
  let m = /^segment (\d+)$/.exec(name);
  if (m) return t('segments.name.segment', { n: m[1] });
  if (name === 'outliers') return t('segments.name.outliers');
  m = /^(royal|high-performing|general|low-performing)( \d+)?$/.exec(name);
  if (m) return t(`segments.name.${m[1] as LrfmvName}`) + (m[2] ?? '');
  m = /^(royal|high-performing|general|low-performing), but ([LRFMV][+\u2212])$/.exec(name);
  if (m) return t('segments.name.but', { name: t(`segments.name.${m[1] as LrfmvName}`), sign: m[2] });
  m = /^(.+): (L. R. F. M. V.)( \(\d+\))?$/.exec(name);
  const signs = m ? parseLrfmvPattern(m[2]) : null;
  if (m && signs && m[1] === describePattern(signs, (w) => LRFMV_WORDS_EN[w])) return `${describePattern(signs, (w) => t(`segments.word.${w}` as 'segments.word.L+'))}: ${m[2]}${m[3] ?? ''}`;
  m = /^(offline-only|online) · spend Q(\d) · (\d+)$/.exec(name);
  if (m) return t('segments.name.stratum', { channel: t(m[1] === 'offline-only' ? 'segments.offlineOnly' : 'segments.anyOnline'), grade: m[2], n: m[3] });
  return name;
}

/** The words of a descriptive LRFMV name ("short, lapsed, light"), each through `word`. */
export function describePattern(signs: readonly number[], word: (key: string) => string): string {
  return lrfmvPatternWords(signs).map(word).join(', ');
}

/**
 * The pattern to show beside a name (issue #10 point 4), or '' when there is none or the name
 * already ends with it (descriptive names carry their pattern).
 */
export function patternBeside(name: string, pattern: string | undefined): string {
  if (!pattern) return '';
  return /: L. R. F. M. V.( \(\d+\))?$/.test(name) && name.includes(pattern) ? '' : pattern;
}

/** A reason a customer is in no segment (or set aside), in the UI language; unknown reasons as they are. */
export function reasonText(t: Translate, reason: string): string {
  const known = (Object.entries(EXCLUSION_REASONS) as [keyof typeof EXCLUSION_REASONS, string][]).find(([, text]) => text === reason);
  if (known) return t(`segments.reason.${known[0]}`);
  if (reason === 'DBSCAN noise') return t('segments.reason.dbscanNoise');
  const m = /^small cluster \(≤ (\d+) customers\)$/.exec(reason);
  if (m) return t('segments.reason.smallCluster', { n: m[1] });
  if (reason.startsWith('not recorded')) return t('segments.reason.unrecorded');
  return reason;
}

/** "3 no purchases, 1 net spend ≤ 0 …" for a reason → count map. */
export function reasonList(t: Translate, int: (n: number) => string, byReason: Readonly<Record<string, number>>): string {
  return Object.entries(byReason).map(([why, n]) => t('segments.reasonCount', { n: int(n), reason: reasonText(t, why) })).join(', ');
}

/** The sentences the Segments page shows on what the run left out (empty when nothing). */
export function exclusionSentences(t: Translate, int: (n: number) => string, excluded: ExcludedCustomers): string[] {
  const out: string[] = [];
  if (excluded.total > 0) out.push(t('segments.excludedN', { n: int(excluded.total), reasons: reasonList(t, int, excluded.byReason) }));
  const aside = excluded.setAside ?? {};
  const asideTotal = Object.values(aside).reduce((a, b) => a + b, 0);
  if (asideTotal > 0) out.push(t('segments.setAsideN', { n: int(asideTotal), reasons: reasonList(t, int, aside) }));
  return out;
}
