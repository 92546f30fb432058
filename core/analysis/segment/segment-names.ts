import { EXCLUSION_REASONS, LRFMV_WORDS_EN, lrfmvPatternWords, parseLrfmvPattern } from '../../model/segment.js';

/**
 * The segmentations' default names and exclusion reasons in an export's language (issue #14:
 * "default segment names … follow the chosen language"; a name the user gave is their words and
 * stays as typed). Runs store the default names in English (the contract: `segments` JSON, the
 * CLI, old runs); an export with `--lang ko` reads each name back by the pattern of the namer that
 * wrote it — kmeans/kprototypes "segment 2", the outliers, the LRFMV names of lrfmv-names.ts,
 * stratified-kmeans' "online · spend Q3 · 1" — and says it in Korean with the same words as the
 * Segments page (renderer/src/pages/segments/labels.ts; test/unit/analysis/segment/segment-names
 * checks that both say the same). A name no pattern knows is returned unchanged.
 */
export function segmentNameIn(name: string, lang: 'en' | 'ko'): string {
  if (lang === 'en') return name;
  let m = /^segment (-?\d+)$/.exec(name);
  if (m) return `세그먼트 ${m[1]}`;
  if (name === 'outliers') return '이상치';
  m = /^(royal|high-performing|general|low-performing)( \d+)?$/.exec(name);
  if (m) return LRFMV_NAMES_KO[m[1]] + (m[2] ?? '');
  m = /^(royal|high-performing|general|low-performing), but ([LRFMV][+\u2212])$/.exec(name);
  if (m) return `${LRFMV_NAMES_KO[m[1]]}, 단 ${m[2]}`;
  m = /^(.+): (L. R. F. M. V.)( \(\d+\))?$/.exec(name);
  const signs = m ? parseLrfmvPattern(m[2]) : null;
  if (m && signs && m[1] === lrfmvPatternWords(signs).map((w) => LRFMV_WORDS_EN[w]).join(', ')) return `${lrfmvPatternWords(signs).map((w) => LRFMV_WORDS_KO[w]).join(', ')}: ${m[2]}${m[3] ?? ''}`;
  m = /^(offline-only|online) · spend Q(\d) · (\d+)$/.exec(name);
  if (m) return `${m[1] === 'offline-only' ? '오프라인 전용' : '온라인'} · 구매액 ${m[2]}분위 · ${m[3]}`;
  m = /^spend Q(\d) · (\d+)$/.exec(name);
  if (m) return `구매액 ${m[1]}분위 · ${m[2]}`;
  return name;
}

/** Why a customer is in no segment, in `lang` (the `reason` column of the segments export). */
export function exclusionReasonIn(reason: string, lang: 'en' | 'ko'): string {
  if (lang === 'en') return reason;
  const known = (Object.entries(EXCLUSION_REASONS) as [keyof typeof EXCLUSION_REASONS, string][]).find(([, text]) => text === reason);
  if (known) return EXCLUSION_REASONS_KO[known[0]];
  if (reason === 'DBSCAN noise') return 'DBSCAN 노이즈';
  const m = /^small cluster \(≤ (\d+) customers\)$/.exec(reason);
  if (m) return `작은 군집 (${m[1]}명 이하)`;
  return reason;
}

const LRFMV_NAMES_KO: Readonly<Record<string, string>> = { royal: '로열', 'high-performing': '고성과', general: '범용', 'low-performing': '저성과' };

/** The Korean of LRFMV_WORDS_EN (the same words as the Segments page). */
export const LRFMV_WORDS_KO: Readonly<Record<string, string>> = {
  'L+': '장기 거래', 'L-': '단기 거래', 'R+': '이탈', 'R-': '최근 구매',
  'FMV+': '헤비', 'FMV-': '라이트', 'F+': '잦은 구매', 'F-': '드문 구매',
  'M+': '고액', 'M-': '소액', 'V+': '대량 구매', 'V-': '소량 구매',
};

const EXCLUSION_REASONS_KO: Readonly<Record<keyof typeof EXCLUSION_REASONS, string>> = {
  noPurchases: '구매 없음',
  netNotPositive: '순 구매액 ≤ 0 (반품이 구매보다 많음)',
  netItemsNotPositive: '순 구매 수량 ≤ 0 (반품이 구매보다 많음)',
};
