import { useApi } from '../../api/context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { NoProject } from '../../components/NoProject.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useI18n } from '../../i18n/context.js';
import { useProject } from '../../state/project.js';
import { OverviewPanels } from './OverviewPanels.js';
import { asOverview } from './overview-result.js';
import { ReportButton } from '../../report/ReportButton.js';

/**
 * Overview: the EDA panels of SPEC §3.1 for the project's current data. The host answers from the
 * stored overview run of this data fingerprint, or computes one (its progress shows in the jobs panel).
 */
export function OverviewPage() {
  const api = useApi();
  const { t } = useI18n();
  const { info } = useProject();
  const project = info?.path ?? null;
  const key = project === null ? null : `${project}\u0000${info?.dataFingerprint ?? ''}`;
  const query = useApiQuery(key, () => api.getOverview({ project: project as string }));

  if (project === null) return <NoProject />;
  if (query.status === 'error') return <ErrorMessage error={query.error} testId="overview-error" />;
  if (query.status !== 'ok') {
    return (
      <div className="page" data-testid="page-overview" data-overview-ready="false">
        <Loading label={t('overview.computing')} />
      </div>
    );
  }
  const overview = asOverview(query.value.overview);
  if (overview === null) return <ErrorMessage error={{ code: 'internal', message: t('overview.badResult', { id: query.value.runId }) }} testId="overview-error" />;
  return <><div className="report-bar"><ReportButton runs={[query.value.runId]} /></div><OverviewPanels key={query.value.runId} overview={overview} runId={query.value.runId} fingerprint={query.value.dataFingerprint} project={project} /></>;
}
