import { useI18n } from '../i18n/context.js';
import { reportHash, type ReportPick } from './report-link.js';

/**
 * "Report" on a result page: opens the report builder with this page's run(s) as its sections
 * (issue #14). One mechanism for every page; the builder adds, orders and exports.
 */
export function ReportButton({ runs, compareWith, segments }: { runs: readonly (number | null | undefined)[]; compareWith?: number | null; segments?: [number, number] }) {
  const { t } = useI18n();
  const ids = runs.filter((r): r is number => typeof r === 'number' && r > 0);
  if (ids.length === 0) return null;
  const picks: ReportPick[] = compareWith ? [{ run: ids[0], with: compareWith }] : segments ? [{ run: ids[0], segments }] : ids.map((run) => ({ run }));
  return (
    <button type="button" className="btn btn-small" data-testid="report-button" title={t('reports.buttonHint')} onClick={() => (window.location.hash = reportHash(picks))}>
      {t('reports.button')}
    </button>
  );
}
