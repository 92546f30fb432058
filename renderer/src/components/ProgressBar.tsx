import type { JobProgress } from '../../../core/model/jobs.js';
import { useI18n } from '../i18n/context.js';
import { isMessageKey, type Translate } from '../i18n/translate.js';

/** A host phase or unit name in the UI language ('read' → 'Reading'); unknown names stay as they are. */
function label(t: Translate, prefix: 'phase' | 'unit', name: string | undefined): string {
  if (!name) return '';
  const key = `${prefix}.${name}`;
  return isMessageKey(key) ? t(key) : name;
}

interface Props {
  progress: JobProgress | null;
  testId: string;
  /** Compact: one line (the jobs panel); otherwise with phase and figures below the bar. */
  compact?: boolean;
}

/**
 * A job's progress: bar (indeterminate while the total is unknown), phase, done/total, rows/s and
 * ETA. data-phase / data-done / data-total carry the raw figures for tests.
 */
export function ProgressBar({ progress, testId, compact }: Props) {
  const { t, fmt } = useI18n();
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const share = total > 0 ? Math.min(1, done / total) : null;
  const unit = label(t, 'unit', progress?.unit);
  const phase = progress ? label(t, 'phase', progress.phase) : t('progress.starting');
  const figures = [
    total > 0 ? `${fmt.int(done)} / ${fmt.int(total)} ${unit}` : done > 0 ? `${fmt.int(done)} ${unit}` : null,
    progress?.rowsPerSecond !== undefined && countsRows(progress.unit) ? t('progress.rate', { rate: fmt.int(progress.rowsPerSecond) }) : null,
    progress?.etaSeconds !== undefined ? t('progress.eta', { eta: fmt.seconds(progress.etaSeconds) }) : null,
  ].filter((x): x is string => x !== null);
  return (
    <div className={`progress${compact ? ' progress-compact' : ''}`} data-testid={testId} data-phase={progress?.phase ?? ''} data-done={done} data-total={total}>
      {!compact && (
        <div className="progress-label">
          <span className="progress-phase">{phase}</span>
          {share !== null && <span className="progress-pct num">{fmt.pct(share, 0)}</span>}
        </div>
      )}
      <div
        className={`progress-track${share === null ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total > 0 ? total : undefined}
        aria-valuenow={total > 0 ? done : undefined}
        aria-label={phase}
      >
        <div className="progress-fill" style={share === null ? undefined : { width: `${(share * 100).toFixed(2)}%` }} />
      </div>
      <div className="progress-figures num">
        {compact && progress && <span className="progress-phase">{phase}</span>}
        {figures.map((f) => (
          <span key={f}>{f}</span>
        ))}
        {!compact && progress?.message && <span className="progress-message">{progress.message}</span>}
      </div>
    </div>
  );
}

/** Rows per second means something for imports and row counts, not for steps, panels or k. */
function countsRows(unit: string | undefined): boolean {
  return unit === undefined || unit === 'rows' || unit === 'bytes';
}
