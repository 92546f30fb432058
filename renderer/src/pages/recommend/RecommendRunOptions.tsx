import type { RunRecord } from '../../../../core/model/jobs.js';
import { useI18n } from '../../i18n/context.js';
import type { RecommendSummary } from './types.js';

/** The `<option>`s of a picker of recommendation lists: "#id · model · top N · when". */
export function RecommendRunOptions({ runs }: { runs: readonly RunRecord[] }) {
  const { t, fmt } = useI18n();
  return (
    <>
      {runs.map((r) => {
        const s = r.summary as RecommendSummary | null;
        return (
          <option key={r.id} value={r.id}>
            {[`#${r.id}`, s?.model, s ? t('recommend.topN', { n: s.top }) : null, fmt.dateTime(r.startedAt)].filter(Boolean).join(' · ')}
          </option>
        );
      })}
    </>
  );
}
