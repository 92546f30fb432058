import { useI18n } from '../../../i18n/context.js';
import { isMessageKey } from '../../../i18n/translate.js';

interface Props {
  fields: string[];
  /** Fields the import cannot do without (marked); the others may be left at (none). */
  required: readonly string[];
  /** Either-or requirements (coupons: month, or from and to), listed under the fields. */
  oneOf?: readonly (readonly string[])[];
  header: string[];
  mapping: Record<string, string>;
  /** Fields the user set (the rest are guessed from the headers); "" is an explicit (none). */
  overridden: Record<string, string>;
  /** column null: (none) picked; the wizard decides whether that means "no column" or "guess again". */
  onChange(field: string, column: string | null): void;
  disabled: boolean;
}

const NONE = '';

/** One select per field of the file's role: which column holds it, or (none). */
export function MappingEditor({ fields, required, oneOf = [], header, mapping, overridden, onChange, disabled }: Props) {
  const { t } = useI18n();
  const fieldLabel = (field: string) => {
    const key = `field.${field}`;
    return isMessageKey(key) ? t(key) : field;
  };
  // The user's choice shows at once (the new preview confirms it): a column, or "" for an explicit
  // (none) the host will not guess over; a column this file lacks shows the host's mapping.
  const shown = (field: string) => {
    const chosen = overridden[field];
    if (chosen === NONE) return NONE;
    return chosen !== undefined && header.includes(chosen) ? chosen : (mapping[field] ?? NONE);
  };
  return (
    <fieldset className="mapping" data-testid="mapping-editor">
      <legend className="mapping-legend">{t('import.mapping')}</legend>
      <div className="mapping-grid">
        {fields.map((field) => (
          <label key={field} className={`field${field in overridden ? ' edited' : ''}`} data-required={required.includes(field) ? 'true' : undefined}>
            <span className="field-label">
              {fieldLabel(field)} <code className="muted">{field}</code>
              {required.includes(field) && <span className="muted small"> · {t('import.required')}</span>}
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
      {oneOf.length > 0 && (
        <p className="hint muted" data-testid="mapping-one-of">
          {t('import.requiredOneOf', { groups: oneOf.map((g) => g.map(fieldLabel).join(' + ')).join(' | ') })}
        </p>
      )}
      <p className="hint muted">{t('import.mappingHint')}</p>
    </fieldset>
  );
}
