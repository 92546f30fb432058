import { useI18n } from '../../../i18n/context.js';
import type { MessageKey } from '../../../i18n/translate.js';
import type { ImportChoices } from './wizard-state.js';

type SelectKey = 'format' | 'role' | 'encoding' | 'onError';
const OPTIONS: { [K in SelectKey]: readonly ImportChoices[K][] } = {
  format: ['auto', 'lpoint', 'generic', 'baskets'],
  role: ['auto', 'transactions', 'customers', 'products', 'marketing', 'coupons'],
  encoding: ['auto', 'utf8', 'cp949'],
  onError: ['abort', 'skip'],
};

/** Format, role, encoding, what to do with bad rows, and whether to import a file twice. */
export function ImportOptionsForm({ choices, onChange, disabled }: { choices: ImportChoices; onChange(c: Partial<ImportChoices>): void; disabled: boolean }) {
  const { t } = useI18n();
  const select = <K extends SelectKey>(key: K) => (
    <label className="field" key={key}>
      <span className="field-label">{t(`import.option.${key}` as MessageKey)}</span>
      <select className="input" data-testid={`import-option-${key.toLowerCase()}`} value={choices[key]} disabled={disabled || (key === 'role' && (choices.format === 'lpoint' || choices.format === 'baskets'))} onChange={(e) => onChange({ [key]: e.target.value } as Partial<ImportChoices>)}>
        {OPTIONS[key].map((v) => (
          <option key={v} value={v}>
            {t(`import.${key}.${v}` as MessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="import-options" role="group" aria-label={t('import.options')}>
      {select('format')}
      {select('role')}
      {select('encoding')}
      {select('onError')}
      <label className="field field-check">
        <input type="checkbox" data-testid="import-option-duplicate" checked={choices.allowDuplicate} disabled={disabled} onChange={(e) => onChange({ allowDuplicate: e.target.checked })} />
        <span>{t('import.option.allowDuplicate')}</span>
      </label>
    </div>
  );
}
