/**
 * The currencies a project may be in (issue #14): one per project, stored in its meta table, set by
 * the user or guessed at import. 'none' means unknown: money shows as a bare number rather than
 * with a unit that might be wrong (UCI Online Retail carries no symbol; its documentation says GBP).
 */
export const CURRENCIES = ['KRW', 'USD', 'GBP', 'EUR', 'JPY', 'CNY', 'none'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Where the project's currency came from: the user's choice, a guess at import, or nothing yet. */
export type CurrencySource = 'user' | 'guess' | 'none';

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

/**
 * Symbols and codes seen in amount or price values, and the currency each one means. '¥' is read
 * as JPY (CNY files mostly write 'CNY' or '元'); '$' as USD — a file in another dollar is set by the user.
 */
const SIGNS: Record<string, Exclude<Currency, 'none'>> = {
  '₩': 'KRW', '￦': 'KRW', 원: 'KRW', KRW: 'KRW',
  $: 'USD', USD: 'USD', US$: 'USD',
  '£': 'GBP', GBP: 'GBP',
  '€': 'EUR', EUR: 'EUR',
  '¥': 'JPY', '￥': 'JPY', JPY: 'JPY', 円: 'JPY',
  CNY: 'CNY', RMB: 'CNY', 元: 'CNY',
};

const SIGN_RE = /^\s*-?\s*(US\$|[₩￦$£€¥￥]|[A-Z]{3}(?=\s*-?\d))|(?:\d\s*)(원|円|元|[A-Z]{3})\s*$/;

/** The currency sign or code written in one money value ("$12.00" → "$", "12,000원" → "원"), or undefined. */
export function currencySignOf(value: string): string | undefined {
  const m = SIGN_RE.exec(value);
  const sign = m?.[1] ?? m?.[2];
  return sign !== undefined && sign in SIGNS ? sign : undefined;
}

/** The currency a sign or code means ("$" → USD), or 'none'. */
export function currencyOfSign(sign: string | undefined): Currency {
  return sign !== undefined && sign in SIGNS ? SIGNS[sign] : 'none';
}
