import { useI18n } from '../../../i18n/context.js';
import { isMessageKey } from '../../../i18n/translate.js';

interface Props {
  fields: string[];
  header: string[];
  mapping: Record<string, string>;
  /** Fields the user set (the rest are guessed from the headers). */
  overridden: Record<string, string>;
  onChange(field: string, column: string | null): void;
  disabled: boolean;
}

const NONE = '';

/** One select per field of the file's role: which column holds it, or (none). */
export function MappingEditor({ fields, header, mapping, overridden, onChange, disabled }: Props) {
  const { t } = useI18n();
  const fieldLabel = (field: string) => {
    const key = `field.${field}`;
    return isMessageKey(key) ? t(key) : field;
  };
  // The user's choice shows at once (the new preview confirms it); a column this file lacks shows the guess.
  const shown = (field: string) => (field in overridden && header.includes(overridden[field]) ? overridden[field] : (mapping[field] ?? NONE));
  return (
    <fieldset className="mapping" data-testid="mapping-editor">
      <legend className="mapping-legend">{t('import.mapping')}</legend>
      <div className="mapping-grid">
        {fields.map((field) => (
          <label key={field} className={`field${field in overridden ? ' edited' : ''}`}>
            <span className="field-label">
              {fieldLabel(field)} <code className="muted">{field}</code>
            </span>
            <select className="input" data-testid={`map-${field}`} value={shown(field)} disabled={disabled} onChange={(e) => onChange(field, e.target.value === NONE ? null : e.target.value)}>
              <option value={NONE}>{t('import.none')}</option>
              {header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <p className="hint muted">{t('import.mappingHint')}</p>
    </fieldset>
  );
}
