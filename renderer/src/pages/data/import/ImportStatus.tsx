import type { Ref } from 'react';
import type { ApiError } from '../../../../../core/model/result.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { ProgressBar } from '../../../components/ProgressBar.js';
import { useI18n } from '../../../i18n/context.js';
import type { TrackedJob } from '../../../state/jobs-reducer.js';
import type { WizardPhase } from './wizard-state.js';

interface Props {
  ref: Ref<HTMLDivElement>;
  phase: WizardPhase;
  error: ApiError | null;
  /** Whether the error is the import job's (not a failed upload or preview). */
  jobStarted: boolean;
  job: TrackedJob | undefined;
  onCancel(): void;
}

/** Where the wizard stands: the running import (progress, Cancel), or why it stopped. */
export function ImportStatus({ ref, phase, error, jobStarted, job, onCancel }: Props) {
  const { t } = useI18n();
  // After the job: its last progress stays (full when done, where it stopped otherwise).
  const ended = phase === 'done' || ((phase === 'failed' || phase === 'cancelled') && jobStarted);
  return (
    <div ref={ref} className="import-status">
      {error && <ErrorMessage error={error} title={phase === 'failed' && jobStarted ? t('import.failed') : undefined} testId="import-error" />}
      {phase === 'cancelled' && (
        <p className="notice" data-testid="import-cancelled">
          {t('import.cancelled')}
        </p>
      )}
      {ended && job?.progress && (
        <div className="import-ended-progress">
          <ProgressBar progress={phase === 'done' ? { ...job.progress, done: job.progress.total || job.progress.done, etaSeconds: undefined } : { ...job.progress, etaSeconds: undefined }} testId="job-progress" compact />
        </div>
      )}
      {phase === 'importing' && (
        <div className="import-running">
          <ProgressBar progress={job?.progress ?? null} testId="job-progress" />
          <button type="button" className="btn" data-testid="import-cancel" onClick={onCancel} disabled={job?.status !== 'running'}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
