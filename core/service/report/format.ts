import type { ReportLang } from '../../model/report.js';

/** Number formatting for reports: the report's locale, money with the project's currency sign. */
const LOCALES: Record<ReportLang, string> = { en: 'en-US', ko: 'ko-KR' };
const SIGNS: Record<string, string> = { KRW: '₩', USD: '$', GBP: '£', EUR: '€', JPY: '¥', CNY: 'CN¥' };

export interface ReportFormat {
  int(n: number | null | undefined): string;
  dec(n: number | null | undefined, digits?: number): string;
  pct(share: number | null | undefined): string;
  money(n: number | null | undefined): string;
  /** The money unit to show beside a chart's title ('' when the project has none). */
  moneyUnit: string;
}

export function reportFormat(lang: ReportLang, currency: string): ReportFormat {
  const locale = LOCALES[lang];
  const sign = SIGNS[currency] ?? '';
  const wonAfter = lang === 'ko' && currency === 'KRW';
  const num = (n: number | null | undefined, digits: number): string =>
    n === null || n === undefined || !Number.isFinite(n) ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
  return {
    int: (n) => num(n === null || n === undefined ? n : Math.round(n), 0),
    dec: (n, digits = 3) => num(n, digits),
    pct: (s) => (s === null || s === undefined || !Number.isFinite(s) ? '–' : `${num(s * 100, 1)}%`),
    // Korean writes won after the number (1,234,567원), as the app does (docs/decisions/0016).
    money: (n) => (n === null || n === undefined || !Number.isFinite(n) ? '–' : wonAfter ? `${n < 0 ? '−' : ''}${num(Math.abs(n), 0)}원` : `${n < 0 ? '−' : ''}${sign}${num(Math.abs(n), 0)}`),
    moneyUnit: wonAfter ? '원' : sign,
  };
}

/** One parameter value as text: arrays joined, objects as JSON. */
export function paramText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
