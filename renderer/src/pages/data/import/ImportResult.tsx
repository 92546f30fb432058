import type { ImportSummary } from '../../../../../core/model/import.js';
import { Loading } from '../../../components/Loading.js';
import { useI18n } from '../../../i18n/context.js';
import { ImportReport } from './ImportReport.js';
import { ImportSummaryView } from './ImportSummaryView.js';

/** After a successful import: its summary, then the report of every rejected and flagged row. */
export function ImportResult({ summary, runId, project }: { summary: ImportSummary | null; runId: number | null; project: string }) {
  const { t } = useI18n();
  return (
    <div className="import-result">
      <h3 className="section-title">{t('import.done')}</h3>
      {summary ? <ImportSummaryView summary={summary} runId={runId} /> : <Loading />}
      {runId !== null && (
        <>
          <h3 className="section-title">{t('report.title')}</h3>
          <p className="muted small">{t('report.explain')}</p>
          <ImportReport project={project} runId={runId} />
        </>
      )}
    </div>
  );
}
