import type { z } from 'zod';
import { MARKETING_DEFAULTS } from '../../analysis/marketing/index.js';
import { defineParams, int, numberPair, runId, text, textList } from '../param-spec.js';

/** Parameters of `run marketing-response` (issue #11; names as the Marketing page and docs/marketing.md use them). */
export const { schema: marketingParams, info: marketingParamInfo } = defineParams({
  segmentRun: runId({
    label: { en: 'Segmentation to break down by', ko: '나눠 볼 세그먼테이션' },
    help: { en: 'Measure the response in each segment of this segmentation run (without it: all customers as one group).', ko: '이 세그먼테이션 실행의 세그먼트마다 반응을 잽니다(없으면 전체 고객을 한 그룹으로).' },
  }),
  onlineChannel: text({
    min: 1, type: 'channel',
    label: { en: 'Online spend column', ko: '온라인 광고비 열' },
    help: { en: 'The column of online spend (default: the channel whose name contains online / 온라인).', ko: '온라인 광고비 열(기본값: 이름에 online / 온라인이 들어간 채널).' },
  }),
  offlineChannel: text({
    min: 1, type: 'channel',
    label: { en: 'Offline spend column', ko: '오프라인 광고비 열' },
    help: { en: 'The column of offline spend (default: the channel whose name contains offline / 오프라인).', ko: '오프라인 광고비 열(기본값: 이름에 offline / 오프라인이 들어간 채널).' },
  }),
  offlineTierBounds: numberPair({
    label: { en: 'Offline spend tier bounds', ko: '오프라인 광고비 구간 경계' },
    help: { en: 'Two numbers low,high: days below the first are low spend, from the second on high (default: terciles of the distinct spend levels).', ko: '두 수 낮음,높음: 첫 수 미만인 날은 낮은 지출, 둘째 수 이상은 높은 지출(기본값: 서로 다른 지출 수준의 3분위).' },
  }),
  channels: textList({
    type: 'A,B,…',
    label: { en: 'Channels in the regression', ko: '회귀에 넣을 채널' },
    help: { en: 'Channels in the daily lag regression, comma-separated (default: every channel).', ko: '일별 시차 회귀에 넣을 채널, 쉼표로 구분(기본값: 모든 채널).' },
  }),
  maxLag: int({
    min: 0, max: 28, default: MARKETING_DEFAULTS.maxLag,
    label: { en: 'Longest delay, days', ko: '최대 시차(일)' },
    help: { en: 'Longest delay between spend and sales in the regression, in days (0–28).', ko: '회귀에서 광고비와 매출 사이의 최대 시차, 일 단위(0–28).' },
  }),
  hacLag: int({
    min: 0, max: 365,
    label: { en: 'Autocorrelation lag of the errors', ko: '오차 자기상관 시차' },
    help: { en: 'Newey–West truncation lag of the standard errors (default ⌊4 (n/100)^(2/9)⌋ for n days).', ko: '표준오차의 Newey–West 절단 시차(기본값: n일이면 ⌊4 (n/100)^(2/9)⌋).' },
  }),
});

export type MarketingParams = z.output<typeof marketingParams>;
