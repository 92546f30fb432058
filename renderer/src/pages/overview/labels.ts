import type { Translate } from '../../i18n/translate.js';
import { isMessageKey } from '../../i18n/translate.js';
import type { Formatters } from '../../lib/format.js';

/** What option builders and panels need to speak the UI language. */
export interface ChartContext {
  t: Translate;
  fmt: Formatters;
}

function known(ctx: ChartContext, key: string): string | null {
  return isMessageKey(key) ? ctx.t(key) : null;
}

/** "A01 Department store" / "A01 백화점": the code, then its name (translated when known, else the data's label). */
export function retailerLabel(ctx: ChartContext, code: string, label?: string | null): string {
  const name = known(ctx, `retailer.${code}`) ?? label ?? null;
  return name ? `${code} ${name}` : code;
}

export function genderLabel(ctx: ChartContext, gender: string): string {
  return known(ctx, `gender.${gender}`) ?? gender;
}

/** '20-29' → "20–29" (en) / "20대" (ko); 'unknown' translated; anything else as it is. */
export function ageBandLabel(ctx: ChartContext, band: string): string {
  if (band === 'unknown') return ctx.t('common.unknown');
  const m = /^(\d+)\s*-\s*(\d+)$/.exec(band);
  if (m) return ctx.t('overview.ageBand', { from: m[1], to: m[2] });
  const open = /^(\d+)\+$/.exec(band);
  return open ? ctx.t('overview.ageBandOpen', { from: open[1] }) : band;
}

export function channelLabel(ctx: ChartContext, channel: string): string {
  return known(ctx, `channel.${channel}`) ?? channel;
}

export function regionLabel(ctx: ChartContext, region: string): string {
  return region === 'unknown' ? ctx.t('common.unknown') : region;
}

/** Weekday names Monday first, in the UI locale (2024-01-01 was a Monday). */
export function weekdayNames(ctx: ChartContext, count = 7): string[] {
  const f = new Intl.DateTimeFormat(ctx.fmt.locale, { weekday: 'short', timeZone: 'UTC' });
  return Array.from({ length: count }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** A period label: months "YYYY-MM" → "Jan 2023"; days (weeks by their Monday) → "Jan 2, 2023". */
export function periodLabel(ctx: ChartContext, period: string): string {
  return /^\d{4}-\d{2}$/.test(period) ? ctx.fmt.month(period) : ctx.fmt.day(period);
}

/** "2010-12-01 – 2011-12-09" in the UI's date format. */
export function dateRange(ctx: ChartContext, from: string | null, to: string | null): string {
  if (!from && !to) return '–';
  return `${ctx.fmt.day(from)} – ${ctx.fmt.day(to)}`;
}
