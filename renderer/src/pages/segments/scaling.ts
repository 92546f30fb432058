import type { Lang } from '../../lib/format.js';

/**
 * A segmentation run's `scaling` (how its inputs were transformed, written in English by the job and
 * stored with the run) in the UI language, so a Korean page shows no English sentence (issue #14
 * "one language everywhere"). The stored text stays the contract (CLI, exports); this only reads it.
 * The text is `; `-separated parts; each known part is translated, an unknown one is kept as is.
 */
const PARTS: { en: RegExp; ko: (m: string[]) => string }[] = [
  { en: /^standard$/, ko: () => '표준화' },
  { en: /^standard \(z-scores\)$/, ko: () => '표준화(z 점수)' },
  { en: /^minmax$/, ko: () => '최소–최대 스케일링' },
  { en: /^none$/, ko: () => '스케일링 없음' },
  { en: /^log1p$/, ko: () => 'log1p' },
  { en: /^log1p of (.+)$/, ko: ([cols]) => `${cols}에 log1p` },
  { en: /^spend shares per customer$/, ko: () => '고객별 구매액 비중' },
  { en: /^DBSCAN on the raw pivot \(won\)$/, ko: () => 'DBSCAN은 원 단위 피벗 그대로' },
  { en: /^K-means on the pivot min–max scaled within each stratum$/, ko: () => 'K-평균은 층마다 최소–최대 스케일링한 피벗' },
  { en: /^numeric standardised \(z-scores\)$/, ko: () => '수치형은 표준화(z 점수)' },
  { en: /^numeric log1p, then standardised \(z-scores\)$/, ko: () => '수치형은 log1p 후 표준화(z 점수)' },
  { en: /^categorical as codes \(mismatch = gamma\)$/, ko: () => '범주형은 코드(불일치 = gamma)' },
  { en: /^(\d+) missing values? set to the column mean$/, ko: ([n]) => `결측값 ${n}개를 열 평균으로 채움` },
  { en: /^imported (.+) \(sha256 (\w+)\)$/, ko: ([file, sha]) => `가져온 ${file} (sha256 ${sha})` },
];

export function scalingText(lang: Lang, scaling: string): string {
  if (lang === 'en') return scaling;
  return scaling
    .split('; ')
    .map((part) => {
      for (const p of PARTS) {
        const m = p.en.exec(part);
        if (m) return p.ko(m.slice(1));
      }
      return part;
    })
    .join('; ');
}
