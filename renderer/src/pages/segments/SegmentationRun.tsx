import { useCallback, useMemo, useState } from 'react';
import type { ApiError } from '../../../../core/model/result.js';
import type { SegmentationView } from '../../../../core/model/segment.js';
import { safeCall } from '../../api/call.js';
import { useApi } from '../../api/context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useI18n } from '../../i18n/context.js';
import { notifyRunsChanged } from '../../state/runs-changed.js';
import { ExportButtons } from './ExportButtons.js';
import { displayName } from './labels.js';
import { ProfileTable } from './ProfileTable.js';
import { RunCharts } from './RunCharts.js';
import { RunKpis } from './RunKpis.js';
import { SegmentCards } from './SegmentCards.js';
import { StrataTable } from './StrataTable.js';
import { useProfileClv } from './useProfileClv.js';
import { ReportButton } from '../../report/ReportButton.js';

/** One segmentation run as the Segments page shows it. */
export function SegmentationRun({ project, runId }: { project: string; runId: number }) {
  const api = useApi();
  const { t } = useI18n();
  const query = useApiQuery(`${project}\u0000${runId}`, () => api.getSegmentation({ project, runId }));
  if (query.status === 'error') return <ErrorMessage error={query.error} testId="segment-view-error" />;
  if (query.status !== 'ok') return <Loading label={t('segments.loading')} />;
  return <RunView project={project} view={query.value} />;
}

/** Names as stored, with renames applied at once (optimistic) and undone if saving fails. */
function useSegmentNames(project: string, view: SegmentationView) {
  const api = useApi();
  const { t } = useI18n();
  const [overrides, setOverrides] = useState<ReadonlyMap<number, string>>(new Map());
  const [saving, setSaving] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<ApiError | null>(null);
  const names = useMemo(() => {
    const m = new Map<number, string>();
    for (const s of view.summary.segmentList) m.set(s.id, displayName(t, s.name));
    for (const p of view.profiles) m.set(p.segment, displayName(t, p.name));
    for (const [k, v] of overrides) m.set(k, v);
    return m;
  }, [view, overrides, t]);

  const rename = useCallback(
    async (segment: number, name: string) => {
      const before = names.get(segment);
      setError(null);
      setOverrides((o) => new Map(o).set(segment, name));
      setSaving((s) => new Set(s).add(segment));
      const result = await safeCall(() => api.renameSegment({ project, runId: view.runId, segment, name }));
      setSaving((s) => {
        const next = new Set(s);
        next.delete(segment);
        return next;
      });
      // Every page's run list reloads: dropdowns and per-segment tables show the new name (issue #14).
      if (result.ok) notifyRunsChanged();
      if (!result.ok) {
        setError(result.error);
        setOverrides((o) => {
          const next = new Map(o);
          if (before === undefined) next.delete(segment);
          else next.set(segment, before);
          return next;
        });
      }
    },
    [api, project, view.runId, names],
  );
  return { names, rename, saving, error };
}

function RunView({ project, view }: { project: string; view: SegmentationView }) {
  const { t } = useI18n();
  const { names, rename, saving, error } = useSegmentNames(project, view);
  const clv = useProfileClv(project, view.runId);
  return (
    <div className="stack segment-view" data-testid="segment-view" data-run-id={view.runId} data-analysis={view.analysis} data-ready="true">
      <RunKpis view={view} actions={<><ExportButtons project={project} runId={view.runId} /><ReportButton runs={[view.runId]} /></>} />
      <RunCharts view={view} names={names} />
      {view.summary.strata && view.summary.strata.length > 0 && <StrataTable summary={view.summary} />}
      <ProfileTable profiles={view.profiles} names={names} clv={clv} />
      <section className="card" aria-label={t('segments.cards')}>
        <div className="card-head">
          <div>
            <h2 className="card-title">{t('segments.cards')}</h2>
            <div className="card-subtitle muted">{t('segments.cardsHint')}</div>
          </div>
        </div>
        {error && <ErrorMessage error={error} testId="rename-error" />}
        <SegmentCards profiles={view.profiles} names={names} saving={saving} onRename={rename} />
      </section>
    </div>
  );
}
