import { useState } from 'react';
import { useI18n } from '../../i18n/context.js';
import { useJobs } from '../../state/jobs.js';
import { Icon } from '../Icon.js';
import { JobRow } from './JobRow.js';

const RECENT = 8;

/**
 * Always at the bottom: every running job with progress and Cancel; the recently ended ones with
 * their outcome (the latest one always, more when expanded).
 */
export function JobsPanel() {
  const { t } = useI18n();
  const { list } = useJobs();
  const [expanded, setExpanded] = useState(false);
  const running = list.filter((j) => j.status === 'running');
  const ended = list.filter((j) => j.status !== 'running');
  const shownEnded = expanded ? ended.slice(0, RECENT) : running.length === 0 ? ended.slice(0, 1) : [];
  return (
    <section className={`jobs-panel${expanded ? ' expanded' : ''}`} data-testid="jobs-panel" data-running={running.length} aria-label={t('jobs.title')}>
      <div className="jobs-head">
        <h2 className="jobs-title">{t('jobs.title')}</h2>
        <span className="muted" aria-live="polite">
          {running.length > 0 ? t('jobs.running', { n: running.length }) : t('jobs.idle')}
        </span>
        {ended.length > 0 && (
          <button type="button" className="btn btn-ghost btn-small" aria-expanded={expanded} data-testid="jobs-toggle" onClick={() => setExpanded((e) => !e)}>
            {expanded ? t('jobs.hideRecent') : t('jobs.showRecent', { n: Math.min(RECENT, ended.length) })}
            <Icon name={expanded ? 'chevronDown' : 'chevronUp'} size={14} />
          </button>
        )}
      </div>
      {(running.length > 0 || shownEnded.length > 0) && (
        <ul className="job-list">
          {running.map((j) => (
            <JobRow key={j.jobId} job={j} />
          ))}
          {shownEnded.map((j) => (
            <JobRow key={j.jobId} job={j} />
          ))}
        </ul>
      )}
    </section>
  );
}
