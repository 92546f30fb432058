import { isCurrency, type Currency, type CurrencySource } from '../../model/currency.js';
import type { Db } from './open.js';

/**
 * The project's currency lives in the meta table (issue #14): `currency` holds the ISO code and
 * `currency_source` says whether the user chose it or an import guessed it. No schema change: one
 * value per project, like the holiday list.
 */
const KEY = 'currency';
const SOURCE_KEY = 'currency_source';

function metaValue(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The project's currency and where it came from; 'none' for a project nothing has told yet. */
export function readCurrency(db: Db): { currency: Currency; source: CurrencySource } {
  const code = metaValue(db, KEY);
  if (!isCurrency(code) || code === 'none') return { currency: 'none', source: metaValue(db, SOURCE_KEY) === 'user' ? 'user' : 'none' };
  return { currency: code, source: metaValue(db, SOURCE_KEY) === 'user' ? 'user' : 'guess' };
}

/** The user's choice: it wins over every guess, this import's and later ones ('none' included). */
export function setUserCurrency(db: Db, currency: Currency): void {
  setMeta(db, KEY, currency);
  setMeta(db, SOURCE_KEY, 'user');
}

/**
 * An import's guess. It fills an unknown currency only: never over the user's choice, and never
 * over an earlier guess (the first file that showed a sign decided; a mixed project is the user's
 * call). Returns the project's currency afterwards.
 */
export function recordCurrencyGuess(db: Db, guess: Currency): Currency {
  const now = readCurrency(db);
  if (now.source !== 'none' || guess === 'none') return now.currency;
  setMeta(db, KEY, guess);
  setMeta(db, SOURCE_KEY, 'guess');
  return guess;
}
