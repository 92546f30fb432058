import type { ApiError } from '../../../core/model/result.js';
import { asErrorCode } from '../api/call.js';
import { useI18n } from '../i18n/context.js';
import { useJobs } from '../state/jobs.js';
import type { TrackedJob } from '../state/jobs-reducer.js';
import { ErrorMessage } from './ErrorMessage.js';
import { ProgressBar } from './ProgressBar.js';

/**
 * What a form's job is doing under its Run button: progress with Cancel while it runs, the error
 * when it could not start or failed, a notice when cancelled. Test ids: `${testId}-running`,
 * `-progress`, `-cancel`, `-job-error`.
 */
export function JobStatus({ job, startError, testId }: { job: TrackedJob | undefined; startError: ApiError | null; testId: string }) {
  const { t } = useI18n();
  const jobs = useJobs();
  return (
    <>
      {job?.status === 'running' && (
        <div className="import-running" data-testid={`${testId}-running`}>
          <ProgressBar progress={job.progress} testId={`${testId}-progress`} />
          <button type="button" className="btn" data-testid={`${testId}-cancel`} onClick={() => void jobs.cancel(job.jobId)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {startError && <ErrorMessage error={startError} />}
      {job?.status === 'failed' && job.error && <ErrorMessage error={{ code: asErrorCode(job.error.code), message: job.error.message }} testId={`${testId}-job-error`} />}
      {job?.status === 'cancelled' && <p className="notice">{t('segments.cancelled')}</p>}
    </>
  );
}
