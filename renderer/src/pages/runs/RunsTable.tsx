import { useMemo } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import { StatusBadge } from '../../components/jobs/StatusBadge.js';
import { DataTable } from '../../components/table/DataTable.js';
import type { Column } from '../../components/table/column.js';
import { useAnalysisName } from '../../hooks/useAnalysisName.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/translate.js';
import { shortHash } from '../../lib/format.js';
import { compactParams } from '../../lib/params.js';

/** Runs that are no analysis, by their name in the UI. */
const DATA_KINDS: Readonly<Record<string, MessageKey>> = { import: 'jobs.kind.import', demo: 'jobs.kind.demo', overview: 'jobs.kind.overview' };

/**
 * The run history, newest first; sortable and filterable like every table. The analysis shows by
 * its name in the UI language (issue #14), the id in its tooltip; the filter matches the name.
 */
export function RunsTable({ runs, selected, onSelect }: { runs: RunRecord[]; selected: number | null; onSelect(run: RunRecord): void }) {
  const { t, fmt } = useI18n();
  const analysisName = useAnalysisName();
  const columns = useMemo<Column<RunRecord>[]>(
    () => [
      { id: 'id', label: t('runs.col.id'), value: (r) => r.id, numeric: true, width: '70px' },
      {
        id: 'analysis', label: t('runs.col.analysis'), width: 'minmax(200px, 2fr)',
        value: (r) => (DATA_KINDS[r.analysis] ? t(DATA_KINDS[r.analysis]) : analysisName(r.analysis)),
        render: (r) => <span title={r.analysis} data-analysis={r.analysis}>{DATA_KINDS[r.analysis] ? t(DATA_KINDS[r.analysis]) : analysisName(r.analysis)}</span>,
      },
      {
        id: 'title', label: t('runs.col.title'), value: (r) => r.title ?? '', width: 'minmax(120px, 1fr)',
        render: (r) => (r.title ? <span title={r.note}>{r.title}</span> : <span className="muted" title={r.note}>{t('runs.untitled')}</span>),
      },
      { id: 'status', label: t('runs.col.status'), value: (r) => r.status, width: '110px', render: (r) => <StatusBadge status={r.status} /> },
      { id: 'started', label: t('runs.col.started'), value: (r) => r.startedAt, width: 'minmax(180px, 1fr)', render: (r) => fmt.dateTime(r.startedAt) },
      { id: 'duration', label: t('runs.col.duration'), value: (r) => r.durationMs, numeric: true, width: '110px', render: (r) => fmt.duration(r.durationMs) },
      { id: 'fingerprint', label: t('runs.col.fingerprint'), value: (r) => r.dataFingerprint, width: '120px', render: (r) => <code title={r.dataFingerprint}>{shortHash(r.dataFingerprint)}</code> },
      { id: 'params', label: t('runs.col.params'), value: (r) => compactParams(r.params), width: 'minmax(200px, 3fr)', render: (r) => <code className="cell-value">{compactParams(r.params)}</code> },
    ],
    [t, fmt, analysisName],
  );
  return (
    <DataTable
      columns={columns}
      rows={runs}
      rowKey={(r) => String(r.id)}
      testId="runs-table"
      ariaLabel={t('runs.title')}
      initialSort={{ column: 'id', dir: 'desc' }}
      onRowClick={onSelect}
      selectedKey={selected === null ? null : String(selected)}
      height={360}
      empty={t('runs.none')}
    />
  );
}
