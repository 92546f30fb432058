import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../core/model/result.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { useProject } from '../../state/project.js';
import { ProjectChooser } from './ProjectChooser.js';

/** Opens a project file on the host by path, or creates a new empty one there. */
export function OpenProjectForm() {
  const { t } = useI18n();
  const { open, info } = useProject();
  const inputId = useId();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (create: boolean) => {
    if (!path.trim()) return;
    setBusy(true);
    setError(null);
    const result = await open(path.trim(), create);
    setBusy(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <Card title={t('project.openTitle')} testId="project-open-card">
      <ProjectChooser />
      <form
        className="stack"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void submit(false);
        }}
      >
        <label className="field-label" htmlFor={inputId}>
          {t('project.pathLabel')}
        </label>
        <input id={inputId} className="input" data-testid="project-path-input" placeholder={info?.path ?? t('project.pathPlaceholder')} value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} autoComplete="off" />
        <div className="actions">
          <button type="submit" className="btn btn-primary" data-testid="project-open" disabled={busy || !path.trim()}>
            {t('project.open')}
          </button>
          <button type="button" className="btn" data-testid="project-create" disabled={busy || !path.trim()} onClick={() => void submit(true)}>
            {t('project.create')}
          </button>
        </div>
        <p className="hint muted">{t('project.pathHint')}</p>
        {error && <ErrorMessage error={error} testId="project-open-error" />}
      </form>
    </Card>
  );
}
