import { useState } from 'react';
import { CURRENCIES, isCurrency, type Currency } from '../../../core/model/currency.js';
import type { ProjectInfo } from '../../../core/model/api.js';
import type { ApiError } from '../../../core/model/result.js';
import { safeCall } from '../api/call.js';
import { useApi } from '../api/context.js';
import { useI18n } from '../i18n/context.js';
import { useProject } from '../state/project.js';
import { ErrorMessage } from './ErrorMessage.js';

/**
 * The project's currency (issue #14): shows the guess or the choice and where it came from, and
 * sets it with `setCurrency` — the project is then re-read, so every money figure takes the unit.
 */
export function CurrencyPicker({ info }: { info: ProjectInfo }) {
  const { t } = useI18n();
  const api = useApi();
  const { refresh } = useProject();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const choose = async (currency: Currency) => {
    setBusy(true);
    const result = await safeCall(() => api.setCurrency({ project: info.path, currency }));
    setError(result.ok ? null : result.error);
    if (result.ok) await refresh();
    setBusy(false);
  };

  const source = info.currencySource === 'user' ? t('project.currencySet') : info.currencySource === 'guess' ? t('project.currencyGuessed') : t('project.currencyUnknown');
  return (
    <div className="currency-picker field" data-testid="currency-picker" data-currency={info.currency} data-currency-source={info.currencySource}>
      <h3 className="subhead">{t('project.currency')}</h3>
      <div className="actions" style={{ marginTop: 0 }}>
        <select className="input" aria-label={t('project.currency')} data-testid="currency-select" value={info.currency} disabled={busy} onChange={(e) => isCurrency(e.target.value) && void choose(e.target.value)}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {t(`currency.${c}`)}
            </option>
          ))}
        </select>
        <span className="muted small" data-testid="currency-source">{source}</span>
      </div>
      <p className="muted small hint">{t('project.currencyHint')}</p>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
