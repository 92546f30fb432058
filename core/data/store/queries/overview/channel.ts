import type { ChannelSeries, ChannelTrendPanel } from '../../../../model/overview.js';
import { isoDate } from '../../../import/values.js';
import type { Db } from '../../open.js';
import { foldSeries, monthOf, monthsBetween, weeksBetween, weekStart, type DailyRow } from './calendar.js';
import { dailyRows, keysOf } from './daily.js';
import type { PanelScope } from './scope.js';

/**
 * Online vs offline: monthly and weekly net sales and purchase receipts by receipts.channel
 * (1 offline, 2 online; NULL is 'unknown'). onlineSalesShare = online / (online + offline) sales
 * of the period (unknown left out; 0 when both are 0).
 */
export function channelTrendPanel(db: Db, range: PanelScope): ChannelTrendPanel {
  const rows = dailyRows(db, 'receipts-by-channel', range);
  const keys = keysOf(rows);
  if (keys.length === 0 || (keys.length === 1 && keys[0] === '')) {
    const reason = rows.length === 0 ? 'No receipts in this period.' : 'This data has no channel (online/offline) on its receipts.';
    const none = { periods: [], series: [], onlineSalesShare: [] };
    return { available: false, reason, monthly: none, weekly: none };
  }
  const first = rows[0].day, last = rows[rows.length - 1].day;
  return {
    available: true,
    monthly: fold(rows, monthsBetween(first, last), monthOf, keys),
    weekly: fold(rows, weeksBetween(first, last), (d) => isoDate(weekStart(d)), keys),
  };
}

function fold(rows: DailyRow[], periods: string[], periodOf: (day: number) => string, keys: string[]): ChannelTrendPanel['monthly'] {
  const series: ChannelSeries[] = foldSeries(rows, periods, periodOf, keys).map((s) => ({
    channel: s.key === '' ? 'unknown' : (s.key as 'offline' | 'online'),
    sales: s.sales,
    receipts: s.count,
  }));
  const of = (c: ChannelSeries['channel']): number[] => series.find((s) => s.channel === c)?.sales ?? periods.map(() => 0);
  const online = of('online'), offline = of('offline');
  return { periods, series, onlineSalesShare: periods.map((_, i) => (online[i] + offline[i] !== 0 ? online[i] / (online[i] + offline[i]) : 0)) };
}
