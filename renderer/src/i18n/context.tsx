import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLang, makeFormatters, type Formatters, type Lang } from '../lib/format.js';
import { translate, type Translate } from './translate.js';

const STORAGE_KEY = 'segment-workbench.lang';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  fmt: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage can be unavailable (privacy settings); the language is then per session.
  }
  return navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // See initialLang.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params), fmt: makeFormatters(lang) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * Rebinds the formatters below it to the project's currency (issue #14), so `fmt.money` and
 * `fmt.moneyCompact` show every money figure with its unit; outside it money shows bare.
 */
export function CurrencyScope({ currency, children }: { currency: string; children: ReactNode }) {
  const parent = useI18n();
  const value = useMemo<I18n>(() => ({ ...parent, fmt: makeFormatters(parent.lang, currency) }), [parent, currency]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its translate function and number/date formatters. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n outside I18nProvider');
  return value;
}
