import type { SegmentProfile } from '../../../../core/model/segment.js';
import { OUTLIER_SEGMENT } from '../../../../core/model/segment.js';
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
 * "online · spend Q3 · 1") in the UI language; a name the user gave stays as it is.
 */
export function displayName(t: Translate, name: string): string {
  let m = /^segment (\d+)$/.exec(name);
  if (m) return t('segments.name.segment', { n: m[1] });
  if (name === 'outliers') return t('segments.name.outliers');
  m = /^(royal|high-performing|general|low-performing)( \d+)?$/.exec(name);
  if (m) return t(`segments.name.${m[1] as LrfmvName}`) + (m[2] ?? '');
  m = /^(offline-only|online) · spend Q(\d) · (\d+)$/.exec(name);
  if (m) return t('segments.name.stratum', { channel: t(m[1] === 'offline-only' ? 'segments.offlineOnly' : 'segments.anyOnline'), grade: m[2], n: m[3] });
  return name;
}
