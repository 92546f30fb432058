import { useI18n } from '../i18n/context.js';
import { isLang, LANGS } from '../lib/format.js';

const NAMES = { en: 'English', ko: '한국어' } as const;

/** English / Korean; the choice is remembered (localStorage). */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('header.language')}</span>
      <select data-testid="lang-switch" value={lang} onChange={(e) => isLang(e.target.value) && setLang(e.target.value)}>
        {LANGS.map((l) => (
          <option key={l} value={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
