import { useEffect, useRef } from 'react';
import { Card } from '../../../components/Card.js';
import { useI18n } from '../../../i18n/context.js';
import { DropZone } from './DropZone.js';
import { FilePreviewCard } from './FilePreviewCard.js';
import { ImportOptionsForm } from './ImportOptionsForm.js';
import { ImportResult } from './ImportResult.js';
import { ImportStatus } from './ImportStatus.js';
import { useImportWizard } from './useImportWizard.js';
import { canImport } from './wizard-state.js';

/**
 * Files → preview (format, encoding, delimiter, first rows, mapping) → options → import job with
 * progress and cancel → summary and report. data-import-state on the root tells tests where it is.
 */
export function ImportWizard() {
  const { t, fmt } = useI18n();
  const w = useImportWizard();
  const { state } = w;
  const importing = state.phase === 'importing';
  const hasFiles = state.files.length > 0;
  const statusRef = useRef<HTMLDivElement>(null);
  // A job starting or ending shows its progress or outcome where the user can see it.
  useEffect(() => {
    if (state.phase === 'importing' || state.phase === 'done' || state.phase === 'failed' || state.phase === 'cancelled') statusRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [state.phase]);
  return (
    <Card title={t('import.title')} className="import-wizard" testId="import-wizard" attrs={{ 'data-import-state': state.phase }}>
      {w.project === null && <p className="notice">{t('import.needProject')}</p>}
      <DropZone onFiles={(files) => void w.addFiles(files)} disabled={importing || w.project === null} />
      {state.busy === 'staging' && <p className="muted">{t('import.uploading')}</p>}
      <ImportStatus ref={statusRef} phase={state.phase} error={state.error} jobStarted={state.jobId !== null} job={w.job} onCancel={w.cancel} />
      {hasFiles && (importing || state.phase === 'done') && (
        <div className="chips staged-files" data-testid="staged-files">
          {state.files.map((f) => (
            <span key={f.path} className="chip">
              {f.name} · {fmt.bytes(f.bytes)}
            </span>
          ))}
        </div>
      )}
      {hasFiles && !importing && state.phase !== 'done' && (
        <>
          <ImportOptionsForm choices={state.choices} onChange={w.choose} disabled={importing} />
          <div className="file-previews">
            {state.files.map((f) => (
              <FilePreviewCard
                key={f.path}
                file={f}
                preview={state.previews.find((p) => p.file === f.path)}
                updating={state.busy === 'preview'}
                overridden={state.map}
                choices={state.choices}
                onMap={w.mapField}
                onChoose={w.choose}
                onRemove={() => w.remove(f.path)}
                disabled={importing}
              />
            ))}
          </div>
        </>
      )}
      {(hasFiles || state.phase === 'done') && !importing && (
        <div className="actions">
          {state.phase !== 'done' && (
            <button type="button" className="btn btn-primary" data-testid="import-start" disabled={!canImport(state) || w.project === null} onClick={() => void w.start()}>
              {t('import.start', { n: state.files.length })}
            </button>
          )}
          {Object.keys(state.map).length > 0 && state.phase !== 'done' && (
            <button type="button" className="btn" data-testid="import-clear-mapping" onClick={w.clearMap}>
              {t('import.clearMapping')}
            </button>
          )}
          <button type="button" className="btn" data-testid="import-reset" onClick={w.reset}>
            {state.phase === 'done' ? t('import.again') : t('import.clear')}
          </button>
        </div>
      )}
      {state.phase === 'done' && w.project !== null && <ImportResult summary={state.summary} runId={state.runId} project={w.project} />}
    </Card>
  );
}
