import { useState } from 'react';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { NoProject } from '../../components/NoProject.js';
import { useChosenRun } from '../../hooks/useChosenRun.js';
import { useProjectRuns } from '../../hooks/useProjectRuns.js';
import { useI18n } from '../../i18n/context.js';
import { RunDetails } from './RunDetails.js';
import { RunsTable } from './RunsTable.js';

/**
 * Runs: every stored run of the project (imports and analyses); a click opens its details, where it
 * can be titled, annotated or deleted. The open run is kept across reloads (useChosenRun).
 */
export function RunsPage() {
  const { t } = useI18n();
  const [selected, setSelected] = useChosenRun('runs');
  const [deleted, setDeleted] = useState<number | null>(null);
  const { project, query: runs, all: list } = useProjectRuns();
  const current = list.find((r) => r.id === selected) ?? null;

  if (project === null) return <NoProject />;
  return (
    <div className="page page-runs" data-testid="page-runs">
      <Card title={t('runs.title')} testId="runs-card" attrs={{ 'data-runs-ready': runs.status === 'ok' ? 'true' : undefined, 'data-runs': String(list.length) }}>
        {runs.status === 'error' && <ErrorMessage error={runs.error} />}
        {runs.status === 'loading' && list.length === 0 && <Loading />}
        {deleted !== null && (
          <p className="notice" role="status" data-testid="run-deleted">
            {t('runs.deleted', { id: deleted })}
          </p>
        )}
        {(runs.status === 'ok' || list.length > 0) && (
          <RunsTable
            runs={list}
            selected={selected}
            onSelect={(r) => {
              setDeleted(null);
              setSelected(r.id);
            }}
          />
        )}
      </Card>
      {current && project && (
        <RunDetails
          project={project}
          run={current}
          onClose={() => setSelected(null)}
          onDeleted={(id) => {
            setDeleted(id);
            setSelected(null);
          }}
        />
      )}
    </div>
  );
}
