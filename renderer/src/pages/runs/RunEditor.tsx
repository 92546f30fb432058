import { useId, useState } from 'react';
import { RUN_NOTE_MAX, RUN_TITLE_MAX, type RunRecord } from '../../../../core/model/jobs.js';
import type { ApiError } from '../../../../core/model/result.js';
import { safeCall } from '../../api/call.js';
import { useApi } from '../../api/context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { notifyRunsChanged } from '../../state/runs-changed.js';
import { isDataRun } from './run-figures.js';

interface Props {
  project: string;
  run: RunRecord;
  /** The run was deleted (the page closes its details). */
  onDeleted(id: number): void;
}

/** A run's title and note, each saved on its own, and its deletion behind a confirmation. */
export function RunEditor({ project, run, onDeleted }: Props) {
  const api = useApi();
  const { t } = useI18n();
  const titleId = useId();
  const noteId = useId();
  const [title, setTitle] = useState(run.title ?? '');
  const [note, setNote] = useState(run.note ?? '');
  const [busy, setBusy] = useState<'title' | 'note' | 'delete' | null>(null);
  const [saved, setSaved] = useState<'title' | 'note' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const act = async (what: 'title' | 'note' | 'delete') => {
    setBusy(what);
    setError(null);
    setSaved(null);
    const result = await safeCall<unknown>(() =>
      what === 'title' ? api.renameRun({ project, id: run.id, title }) : what === 'note' ? api.annotateRun({ project, id: run.id, note }) : api.deleteRun({ project, id: run.id }),
    );
    setBusy(null);
    if (!result.ok) return setError(result.error);
    notifyRunsChanged();
    if (what === 'delete') onDeleted(run.id);
    else setSaved(what);
  };

  const dataRun = isDataRun(run.analysis);
  return (
    <div className="run-editor stack" data-testid="run-editor">
      <div className="run-edit-row">
        <label className="field run-title-field" htmlFor={titleId}>
          <span className="field-label">{t('runs.titleLabel')}</span>
          <input id={titleId} className="input" data-testid="run-title-input" value={title} maxLength={RUN_TITLE_MAX} placeholder={t('runs.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <button type="button" className="btn" data-testid="run-title-save" disabled={busy !== null || title.trim() === (run.title ?? '')} onClick={() => void act('title')}>
          {t('runs.save')}
        </button>
        {saved === 'title' && <span className="muted small" data-testid="run-title-saved">{t('runs.saved')}</span>}
      </div>
      <div className="run-edit-row">
        <label className="field run-note-field" htmlFor={noteId}>
          <span className="field-label">{t('runs.note')}</span>
          <textarea id={noteId} className="input run-note" data-testid="run-note-input" rows={4} value={note} maxLength={RUN_NOTE_MAX} placeholder={t('runs.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="button" className="btn" data-testid="run-note-save" disabled={busy !== null || note.trim() === (run.note ?? '')} onClick={() => void act('note')}>
          {t('runs.save')}
        </button>
        {saved === 'note' && <span className="muted small" data-testid="run-note-saved">{t('runs.saved')}</span>}
      </div>
      {error && <ErrorMessage error={error} testId="run-edit-error" />}
      <div className="run-edit-row">
        {dataRun ? (
          <p className="muted small" data-testid="run-delete-refused">{t('runs.deleteData')}</p>
        ) : confirming ? (
          <div className="notice run-delete-confirm" role="alertdialog" aria-label={t('runs.delete')} data-testid="run-delete-confirm">
            <p>{t('runs.deleteConfirm', { id: run.id, analysis: run.title ?? run.analysis })}</p>
            <div className="actions">
              <button type="button" className="btn btn-danger" data-testid="run-delete-yes" disabled={busy !== null} onClick={() => void act('delete')}>
                {t('runs.deleteYes')}
              </button>
              <button type="button" className="btn btn-ghost" data-testid="run-delete-no" disabled={busy !== null} onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="btn btn-danger" data-testid="run-delete" disabled={run.status === 'running'} onClick={() => setConfirming(true)}>
            {t('runs.delete')}
          </button>
        )}
      </div>
    </div>
  );
}
