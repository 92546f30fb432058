import type { Translate } from '../../i18n/translate.js';
import { displayName } from '../segments/labels.js';

/**
 * A forecast series' name in the UI language (issue #14): runs store the names in English — the
 * whole data "total", a segment's name ("segment 2" by default, the user's own name once renamed),
 * a retailer's or a category's name, "(unknown)" for sales without one. The fixed ones are said
 * in the UI language and a segment's default name as the Segments page says it; other names are
 * the data's own words and stay as they are.
 */
export function seriesName(t: Translate, series: { key: string; name: string }): string {
  if (series.key === 'total') return t('forecast.series.total');
  if (/^seg-?\d+$/.test(series.key)) return displayName(t, series.name);
  if (series.name === '(unknown)') return t('forecast.series.unknown');
  return series.name;
}
