import type { JobStatus } from '../../../../core/model/jobs.js';
import { useI18n } from '../../i18n/context.js';

/** running / done / failed / cancelled as a coloured badge. */
export function StatusBadge({ status }: { status: JobStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
