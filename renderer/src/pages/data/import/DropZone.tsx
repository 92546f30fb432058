import { useState, type DragEvent } from 'react';
import { Icon } from '../../../components/Icon.js';
import { useI18n } from '../../../i18n/context.js';

/** Pick CSV files or .xlsx workbooks with the file dialog or drop them here; the files go to the host for previewing. */
export function DropZone({ onFiles, disabled }: { onFiles(files: File[]): void; disabled: boolean }) {
  const { t } = useI18n();
  const [over, setOver] = useState(false);
  const onDrag = (e: DragEvent, entering: boolean) => {
    e.preventDefault();
    if (!disabled) setOver(entering);
  };
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}${disabled ? ' disabled' : ''}`}
      data-testid="drop-zone"
      onDragEnter={(e) => onDrag(e, true)}
      onDragOver={(e) => onDrag(e, true)}
      onDragLeave={(e) => onDrag(e, false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) onFiles([...e.dataTransfer.files]);
      }}
    >
      <Icon name="upload" size={28} />
      <div className="drop-text">
        <strong>{t('import.dropTitle')}</strong>
        <span className="muted">{t('import.dropHint')}</span>
      </div>
      <label className={`btn btn-primary file-label${disabled ? ' disabled' : ''}`}>
        {t('import.choose')}
        <input
          type="file"
          multiple
          accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="visually-hidden"
          data-testid="import-file-input"
          disabled={disabled}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            onFiles(files);
          }}
        />
      </label>
    </div>
  );
}
