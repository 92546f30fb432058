import { useMemo, useState } from 'react';
import type { ReportRow } from '../../../../../core/model/api.js';
import { useApi } from '../../../api/context.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { Loading } from '../../../components/Loading.js';
import { DataTable } from '../../../components/table/DataTable.js';
import type { Column } from '../../../components/table/column.js';
import { useApiQuery } from '../../../hooks/useApiQuery.js';
import { useI18n } from '../../../i18n/context.js';
import { basename } from '../../../lib/path.js';

type Severity = 'all' | 'rejected' | 'flagged';

/** Every rejected and flagged row of an import run: sortable, filterable, virtualised. */
export function ImportReport({ project, runId }: { project: string; runId: number }) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const [severity, setSeverity] = useState<Severity>('all');
  const report = useApiQuery(`${project}\u0000${runId}`, () => api.importReport({ project, runId }));

  const columns = useMemo<Column<ReportRow & { key: string }>[]>(
    () => [
      { id: 'severity', label: t('report.severity'), value: (r) => r.severity, width: '110px', render: (r) => <span className={`badge badge-${r.severity}`}>{t(`report.${r.severity}`)}</span> },
      { id: 'file', label: t('import.col.file'), value: (r) => basename(r.file), width: 'minmax(120px, 1fr)' },
      { id: 'line', label: t('report.line'), value: (r) => r.line, numeric: true, width: '90px', render: (r) => fmt.int(r.line) },
      { id: 'column', label: t('report.column'), value: (r) => r.column, width: 'minmax(100px, 0.8fr)' },
      { id: 'value', label: t('report.value'), value: (r) => r.value, width: 'minmax(100px, 1fr)', render: (r) => <code className="cell-value">{r.value}</code> },
      { id: 'reason', label: t('report.reason'), value: (r) => r.reason, width: 'minmax(200px, 2.5fr)' },
    ],
    [t, fmt],
  );
  const all = useMemo(() => (report.status === 'ok' ? report.value.map((r, i) => ({ ...r, key: String(i) })) : []), [report]);
  const rows = useMemo(() => (severity === 'all' ? all : all.filter((r) => r.severity === severity)), [all, severity]);

  if (report.status === 'error') return <ErrorMessage error={report.error} />;
  if (report.status !== 'ok') return <Loading />;
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      testId="import-report"
      ariaLabel={t('report.title')}
      initialSort={{ column: 'line', dir: 'asc' }}
      empty={t('report.none')}
      toolbar={
        <label className="inline-field">
          <span>{t('report.severity')}</span>
          <select className="input" value={severity} data-testid="import-report-severity" onChange={(e) => setSeverity(e.target.value as Severity)}>
            <option value="all">{t('report.all')}</option>
            <option value="rejected">{t('report.rejected')}</option>
            <option value="flagged">{t('report.flagged')}</option>
          </select>
        </label>
      }
    />
  );
}
