/** The UI languages and the Intl locale each one formats with. */
export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];
export const LOCALES: Record<Lang, string> = { en: 'en-US', ko: 'ko-KR' };

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ko';
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(options);
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(key, f);
  }
  return f;
}

const DASH = '–';
const ok = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** 1234567 → "1,234,567" (both locales group by thousands). */
export function formatInt(lang: Lang, n: number | null | undefined): string {
  return ok(n) ? nf(lang, { maximumFractionDigits: 0 }).format(n) : DASH;
}

/** A number with at most `digits` decimals: 1234.5678 → "1,234.57". */
export function formatDecimal(lang: Lang, n: number | null | undefined, digits = 2): string {
  return ok(n) ? nf(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n) : DASH;
}

/** A share 0..1 as a percentage: 0.1234 → "12.3%". */
export function formatPercent(lang: Lang, share: number | null | undefined, digits = 1): string {
  return ok(share) ? nf(lang, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(share) : DASH;
}

/**
 * Short form for axes and KPI cards from 10,000 up: 1234567 → "1.2M" (en) / "123.5만" (ko);
 * smaller numbers stay whole ("1,800", not "1.8K" / "1.8천"). Korean counts in 만/억/조 with
 * thousands separators inside the unit ("1,044만", never Intl's "1044.3만"; issue #14).
 */
export function formatCompact(lang: Lang, n: number | null | undefined): string {
  if (!ok(n)) return DASH;
  if (Math.abs(n) < 10_000) return nf(lang, { maximumFractionDigits: 1 }).format(n);
  if (lang === 'ko') return `${n < 0 ? '-' : ''}${koreanUnits(Math.abs(n))}`;
  return nf(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

const KO_UNITS: readonly [number, string][] = [[1e12, '조'], [1e8, '억'], [1e4, '만']];

/**
 * |n| ≥ 10,000 in the largest Korean unit it reaches, with at least three significant figures as
 * the English compact form keeps ("₩400.7M" must not read "4억": issue #14): two decimals below 10
 * of the unit ("4.01억", "1.23만"), one below 1,000 ("123.5만", "52.3억"), whole and grouped from
 * there ("1,044만", "1,234억"); trailing zeros dropped ("3.2억"); a value that rounds up to the next
 * unit takes it (99,999,999 → "1억", not "10,000만").
 */
function koreanUnits(a: number): string {
  for (let u = KO_UNITS.length - 1; u >= 0; u--) {
    const [size, name] = KO_UNITS[u];
    const v = a / size;
    const digits = v < 10 ? 2 : v < 1000 ? 1 : 0;
    const rounded = Math.round(v * 10 ** digits) / 10 ** digits;
    if (u > 0 && rounded >= 10_000) continue;
    return `${nf('ko', { maximumFractionDigits: digits }).format(rounded)}${name}`;
  }
  return nf('ko', { maximumFractionDigits: 0 }).format(a);
}

/** ISO codes Intl knows, for every currency a project may have (core/model/currency.ts), and 'none'. */
export type MoneyCurrency = 'KRW' | 'USD' | 'GBP' | 'EUR' | 'JPY' | 'CNY' | 'none';

/** CNY shows as "CN¥" so it never reads as yen; the others by their narrow sign ("$", not "US$"). */
const currencyDisplay = (currency: string): 'symbol' | 'narrowSymbol' => (currency === 'CNY' ? 'symbol' : 'narrowSymbol');

function moneyFormat(lang: Lang, currency: string, extra: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return nf(lang, { style: 'currency', currency, currencyDisplay: currencyDisplay(currency), ...extra });
}

/**
 * The unit a money column or axis header names: "₩", "$", "£", "€", "¥", "CN¥" — and in Korean
 * "원" for won (as 만/억 figures read: "1,044만 원"). '' for 'none'.
 */
export function moneyUnit(lang: Lang, currency: MoneyCurrency | string): string {
  if (currency === 'none') return '';
  if (lang === 'ko' && currency === 'KRW') return '원';
  return moneyFormat(lang, currency).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
}

/**
 * A money figure with its unit (issue #14). Full: "₩1,234,567", "$1,234.50" (en); "1,234,567원",
 * "$1,234.50" (ko). Compact (axes, KPI cards; from 10,000 up): "£12.3M" (en); "1,044만 원",
 * "3.2억 원", "$1,044만" (ko). Currency 'none': the number alone, as formatDecimal / formatCompact.
 * Won and yen have no minor unit: they show whole.
 */
export function formatMoney(lang: Lang, n: number | null | undefined, currency: MoneyCurrency | string, options: { compact?: boolean } = {}): string {
  if (!ok(n)) return DASH;
  const compact = options.compact === true;
  if (currency === 'none') return compact ? formatCompact(lang, n) : formatDecimal(lang, n, 2);
  const sign = n < 0 ? '-' : '';
  const big = compact && Math.abs(n) >= 10_000;
  if (lang === 'ko') {
    if (currency === 'KRW') return big ? `${sign}${koreanUnits(Math.abs(n))} 원` : `${formatInt(lang, n)}원`;
    if (big) return `${sign}${moneyUnit(lang, currency)}${koreanUnits(Math.abs(n))}`;
  } else if (big) {
    return moneyFormat(lang, currency, { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(n);
  }
  // Whole figures on compact axes stay whole ("$2,000", not "$2,000.00").
  return moneyFormat(lang, currency, compact && Number.isInteger(n) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}).format(n);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
/** 1536 → "1.5 KB" (binary multiples, unit names as analysts know them). */
export function formatBytes(lang: Lang, bytes: number | null | undefined): string {
  if (!ok(bytes)) return DASH;
  let v = Math.abs(bytes);
  let u = 0;
  while (v >= 1024 && u < BYTE_UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = u === 0 ? 0 : v < 10 ? 1 : 0;
  return `${nf(lang, { maximumFractionDigits: digits }).format(Math.sign(bytes) * v)} ${BYTE_UNITS[u]}`;
}

const UNIT_WORDS: Record<Lang, { h: string; m: string; s: string; sep: string }> = {
  en: { h: 'h', m: 'min', s: 's', sep: ' ' },
  ko: { h: '시간', m: '분', s: '초', sep: '' },
};

/** Seconds as "2.5 s", "3 min 5 s", "1 h 2 min" (en) or "2.5초", "3분 5초", "1시간 2분" (ko). */
export function formatSeconds(lang: Lang, seconds: number | null | undefined): string {
  if (!ok(seconds) || seconds < 0) return DASH;
  const w = UNIT_WORDS[lang];
  const part = (v: number, unit: string) => `${nf(lang, { maximumFractionDigits: 0 }).format(v)}${w.sep}${unit}`;
  if (seconds < 10) return `${nf(lang, { maximumFractionDigits: 1 }).format(seconds)}${w.sep}${w.s}`;
  if (seconds < 60) return part(Math.round(seconds), w.s);
  const total = Math.round(seconds);
  if (total < 3600) {
    const m = Math.floor(total / 60);
    const s = total % 60;
    return s === 0 ? part(m, w.m) : `${part(m, w.m)} ${part(s, w.s)}`;
  }
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  return m === 0 ? part(h, w.h) : `${part(h, w.h)} ${part(m, w.m)}`;
}

/** Milliseconds, as formatSeconds. */
export function formatDuration(lang: Lang, ms: number | null | undefined): string {
  return ok(ms) ? formatSeconds(lang, ms / 1000) : DASH;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function df(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], options);
    dateFormats.set(key, f);
  }
  return f;
}

/** An ISO timestamp in the viewer's time zone: "Mar 4, 2024, 14:05" / "2024. 3. 4. 14:05". */
export function formatDateTime(lang: Lang, iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return DASH;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return df(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(d);
}

/** A calendar day 'YYYY-MM-DD' (or 'YYYYMMDD'), never shifted by time zones: "Jan 2, 2023" / "2023. 1. 2.". */
export function formatDay(lang: Lang, day: string | null | undefined): string {
  if (!day) return DASH;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(day);
  if (!m) return day;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return df(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A month 'YYYY-MM' (or 'YYYYMM'): "Jan 2023" / "2023년 1월". */
export function formatMonth(lang: Lang, month: string | null | undefined): string {
  if (!month) return DASH;
  const m = /^(\d{4})-?(\d{2})/.exec(month);
  if (!m) return month;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return df(lang, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(d);
}

/** The first characters of a fingerprint, enough to tell runs apart. */
export function shortHash(hash: string | null | undefined, length = 10): string {
  return hash ? hash.slice(0, length) : DASH;
}

/**
 * All formatters bound to one language and the project's currency, as components use them
 * (`money` full, `moneyCompact` for axes and KPI cards, `moneyUnit` for headers).
 */
export function makeFormatters(lang: Lang, currency: MoneyCurrency | string = 'none') {
  return {
    lang,
    locale: LOCALES[lang],
    currency,
    money: (n: number | null | undefined) => formatMoney(lang, n, currency),
    moneyCompact: (n: number | null | undefined) => formatMoney(lang, n, currency, { compact: true }),
    moneyUnit: moneyUnit(lang, currency),
    /** A column or axis header of money with its unit: "CLV (₩)", "CLV (원)"; the label alone for 'none'. */
    moneyLabel: (label: string) => (currency === 'none' ? label : `${label} (${moneyUnit(lang, currency)})`),
    int: (n: number | null | undefined) => formatInt(lang, n),
    dec: (n: number | null | undefined, digits?: number) => formatDecimal(lang, n, digits),
    pct: (share: number | null | undefined, digits?: number) => formatPercent(lang, share, digits),
    compact: (n: number | null | undefined) => formatCompact(lang, n),
    bytes: (n: number | null | undefined) => formatBytes(lang, n),
    seconds: (s: number | null | undefined) => formatSeconds(lang, s),
    duration: (ms: number | null | undefined) => formatDuration(lang, ms),
    dateTime: (iso: string | null | undefined) => formatDateTime(lang, iso),
    day: (d: string | null | undefined) => formatDay(lang, d),
    month: (m: string | null | undefined) => formatMonth(lang, m),
  };
}
export type Formatters = ReturnType<typeof makeFormatters>;
