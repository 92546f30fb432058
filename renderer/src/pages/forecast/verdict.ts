import type { ForecastRunSeries } from '../../../../core/model/forecast-run.js';
import type { Lang } from '../../lib/format.js';

/**
 * A forecast series' comparison with the seasonal naive in the UI language (issue #14: no English
 * sentence on a Korean page). The run stores the sentence in English (core/analysis/forecast/
 * backtest.ts `versusSnaive`; the CLI's `--json` and exports keep it); the page reads its figures
 * back by the sentence's pattern, as lib/notes.ts does for run notes, so runs made before this change
 * read in Korean too. A sentence no pattern knows falls back to the stored structure (chosen model,
 * beatsSnaive, gain), never to English.
 */
export function verdictIn(series: Pick<ForecastRunSeries, 'verdict' | 'chosen' | 'beatsSnaive' | 'gain'>, lang: Lang): string {
  if (lang === 'en') return series.verdict;
  for (const p of VERDICT_PATTERNS) {
    const m = p.en.exec(series.verdict);
    if (m) return p.ko(m.slice(1));
  }
  const pct = Math.round(Math.abs(series.gain) * 100);
  return series.beatsSnaive
    ? `${series.chosen}이(가) 계절 나이브(snaive)보다 ${pct}% 낫습니다.`
    : `${series.chosen}은(는) 계절 나이브(snaive)보다 오차 범위 이상으로 낫지 않습니다.`;
}

interface VerdictPattern {
  en: RegExp;
  ko(groups: string[]): string;
}

const re = (source: string) => new RegExp(`^${source}$`);

/** The sentences `versusSnaive` and `forecastSeries` write, each with its Korean form. */
export const VERDICT_PATTERNS: readonly VerdictPattern[] = [
  {
    en: re('(\\S+) beats snaive by (-?\\d+)% \\(MASE (\\S+) vs (\\S+), better in (\\d+) of (\\d+) folds\\)'),
    ko: ([m, pct, a, b, w, n]) => `${m}이(가) 계절 나이브(snaive)보다 ${pct}% 낫습니다 (MASE ${a} 대 ${b}, 구간 ${n}개 중 ${w}개에서 우세).`,
  },
  {
    en: re('(\\S+) does not beat snaive beyond noise \\(MASE (\\S+) vs (\\S+), better in (\\d+) of (\\d+) folds\\): a seasonal naive forecast is as good'),
    ko: ([m, a, b, w, n]) => `${m}은(는) 계절 나이브(snaive)보다 오차 범위 이상으로 낫지 않습니다 (MASE ${a} 대 ${b}, 구간 ${n}개 중 ${w}개에서 우세). 계절 나이브 예측으로 충분합니다.`,
  },
  { en: re('snaive is the most accurate model here \\(MASE (\\S+)\\)'), ko: ([b]) => `여기서는 계절 나이브(snaive)가 가장 정확합니다 (MASE ${b}).` },
  { en: re('snaive was not fitted: no comparison'), ko: () => '계절 나이브(snaive)를 적합하지 않아 비교할 수 없습니다.' },
  { en: re('no backtest: no comparison with snaive'), ko: () => '백테스트가 없어 계절 나이브(snaive)와 비교할 수 없습니다.' },
];
