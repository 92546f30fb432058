import type { FilePreview } from '../../../../../core/model/api.js';
import { useI18n } from '../../../i18n/context.js';
import { isMessageKey } from '../../../i18n/translate.js';
import type { StagedFile } from '../../../api/types.js';
import { MappingEditor } from './MappingEditor.js';
import { PreviewTable } from './PreviewTable.js';
import { mappingFields, requiredFields, requiredOneOf, type ImportChoices } from './wizard-state.js';

interface Props {
  file: StagedFile;
  preview: FilePreview | undefined;
  overridden: Record<string, string>;
  choices: ImportChoices;
  onMap(field: string, column: string | null): void;
  /** Changes an import choice from the card: the sheet of a workbook, the basket format it suggests. */
  onChoose(c: Partial<ImportChoices>): void;
  onRemove(): void;
  disabled: boolean;
  /** A new preview is on its way (after a change of options or mapping). */
  updating: boolean;
}

const DELIMITERS: Record<string, 'import.delimiter.comma' | 'import.delimiter.tab' | 'import.delimiter.semicolon' | 'import.delimiter.pipe'> = {
  ',': 'import.delimiter.comma',
  '\t': 'import.delimiter.tab',
  ';': 'import.delimiter.semicolon',
  '|': 'import.delimiter.pipe',
};

/** One staged file: what the host detected, its first rows, and (generic files) the column mapping. */
export function FilePreviewCard({ file, preview, overridden, choices, onMap, onChoose, onRemove, disabled, updating }: Props) {
  const { t, fmt } = useI18n();
  const fields = mappingFields(preview, choices);
  const role = preview?.table ?? '';
  // A file the host could not plan (a coupons file without its period) gets the chosen role's requirements.
  const roleChosen = choices.role === 'auto' ? undefined : choices.role;
  const roleKey = `import.role.${role}`;
  const detected = preview?.format === 'lpoint' ? t('import.detected.lpoint', { table: role }) : preview?.format === 'generic' ? t('import.detected.generic', { role: isMessageKey(roleKey) ? t(roleKey) : role }) : preview?.format === 'baskets' ? t('import.detected.baskets') : null;
  const delimiter = !preview?.delimiter ? null : DELIMITERS[preview.delimiter] ? t(DELIMITERS[preview.delimiter]) : JSON.stringify(preview.delimiter);
  return (
    <article className={`file-preview${preview && !preview.ok ? ' has-error' : ''}`} data-testid="file-preview" data-file={file.name} data-ok={preview ? String(preview.ok) : undefined} data-format={preview?.format} data-table={preview?.table} aria-busy={updating}>
      <header className="file-preview-head">
        <div>
          <h3 className="file-name">{file.name}</h3>
          <div className="muted small num">{fmt.bytes(file.bytes)}</div>
        </div>
        <div className="chips">
          {detected && <span className="chip chip-accent" data-testid="preview-format">{detected}</span>}
          {preview?.encoding && <span className="chip" data-testid="preview-encoding">{preview.encoding === 'xlsx' ? t('import.workbook') : t('import.encodingIs', { encoding: preview.encoding })}</span>}
          {delimiter && <span className="chip" data-testid="preview-delimiter">{t('import.delimiterIs', { delimiter })}</span>}
        </div>
        <button type="button" className="btn btn-ghost btn-small" onClick={onRemove} disabled={disabled} aria-label={t('import.removeFile', { file: file.name })}>
          {t('common.remove')}
        </button>
      </header>
      {(preview === undefined || updating) && (
        <p className="muted small" role="status">
          {t('import.previewing')}
        </p>
      )}
      {preview?.error && (
        <div className="error-box" role="alert" data-testid="preview-error">
          <div className="error-title">{t('import.cannotImport')}</div>
          <div className="error-message">
            {preview.error.message}
            {preview.error.line > 0 && <span className="muted"> — {t('import.atLine', { line: fmt.int(preview.error.line), column: preview.error.column || '–' })}</span>}
          </div>
        </div>
      )}
      {preview?.notes && preview.notes.length > 0 && (
        <ul className="notes">
          {preview.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {preview?.suggestFormat === 'baskets' && (
        <div className="notice" data-testid="suggest-baskets">
          {t('import.suggestBaskets')}{' '}
          <button type="button" className="btn btn-small" data-testid="read-as-baskets" disabled={disabled} onClick={() => onChoose({ format: 'baskets' })}>
            {t('import.readAsBaskets')}
          </button>
        </div>
      )}
      {preview?.sheets && preview.sheets.length > 1 && (
        <label className="field sheet-picker" style={{ maxWidth: '20rem' }}>
          <span className="field-label">{t('import.sheet')}</span>
          <select className="input" data-testid="import-sheet" value={choices.sheet ?? preview.sheet} disabled={disabled} onChange={(e) => onChoose({ sheet: e.target.value })}>
            {preview.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      {preview?.format === 'baskets' && preview.rows && <PreviewTable header={[t('import.items')]} rows={preview.rows.map((items) => [items.join(', ')])} />}
      {preview?.format !== 'baskets' && preview?.header && preview.rows && <PreviewTable header={preview.header} rows={preview.rows} />}
      {fields && preview?.header && <MappingEditor fields={fields} required={requiredFields(preview.table ?? roleChosen)} oneOf={requiredOneOf(preview.table ?? roleChosen)} header={preview.header} mapping={preview.mapping ?? {}} overridden={overridden} onChange={onMap} disabled={disabled} />}
    </article>
  );
}
