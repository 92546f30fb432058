import { useState } from 'react';
import { useI18n } from '../../i18n/context.js';
import type { TrackedJob } from '../../state/jobs-reducer.js';
import { useJobs } from '../../state/jobs.js';
import { ProgressBar } from '../ProgressBar.js';
import { JobKind } from './JobKind.js';
import { StatusBadge } from './StatusBadge.js';

/** One job in the jobs panel: kind, status, progress with rate and ETA, Cancel, or its outcome. */
export function JobRow({ job }: { job: TrackedJob }) {
  const { t, fmt } = useI18n();
  const { cancel } = useJobs();
  const [cancelling, setCancelling] = useState(false);
  const running = job.status === 'running';
  return (
    <li className={`job-row job-${job.status}`} data-testid="job-row" data-job-id={job.jobId} data-status={job.status} data-kind={job.kind}>
      <div className="job-main">
        <JobKind kind={job.kind} />
        <StatusBadge status={job.status} />
        <span className="job-started muted">{fmt.dateTime(job.startedAt)}</span>
      </div>
      {running ? (
        <div className="job-progress">
          <ProgressBar progress={job.progress} testId="job-row-progress" compact />
          <button
            type="button"
            className="btn btn-small"
            data-testid="job-cancel"
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              void cancel(job.jobId);
            }}
          >
            {cancelling ? t('jobs.cancelling') : t('common.cancel')}
          </button>
        </div>
      ) : (
        <div className="job-outcome">
          {job.status === 'done' && job.runId !== null && <span>{t('jobs.run', { id: job.runId })}</span>}
          {job.status === 'failed' && job.error && (
            <span className="text-danger">
              <code>{job.error.code}</code> {job.error.message}
            </span>
          )}
          {job.status === 'cancelled' && <span className="muted">{t('jobs.cancelledNote')}</span>}
        </div>
      )}
    </li>
  );
}
