import { useEffect, useState } from 'react';
import type { ForecastRefit } from '../../../../core/model/forecast-run.js';
import type { ForecastHoliday } from '../../../../core/model/forecast.js';
import type { ApiError } from '../../../../core/model/result.js';
import { safeCall } from '../../api/call.js';
import { useApi } from '../../api/context.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useI18n } from '../../i18n/context.js';

interface Props {
  project: string;
  runId: number;
  seriesKey: string;
  hasProphet: boolean;
  refit: ForecastRefit | null;
  onRefit(refit: ForecastRefit | null): void;
}

/**
 * The project's holiday list (the built-in Korean calendar until edited): add, change, remove,
 * save, or go back to the built-in list. Saving refits this series' Prophet with the new list
 * (a preview on the host, not stored; a new run stores it).
 */
export function HolidayEditor({ project, runId, seriesKey, hasProphet, refit, onRefit }: Props) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const query = useApiQuery(`holidays\u0000${project}`, () => api.getHolidays({ project }));
  const [rows, setRows] = useState<ForecastHoliday[] | null>(null);
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const loaded = 'value' in query ? query.value : undefined;
  useEffect(() => {
    if (loaded) setRows(loaded.holidays);
  }, [loaded]);

  const apply = async (list: ForecastHoliday[] | null) => {
    setBusy(true);
    setError(null);
    const saved = await safeCall(() => api.saveHolidays({ project, holidays: list }));
    if (!saved.ok) {
      setBusy(false);
      return setError(saved.error);
    }
    setRows(saved.value.holidays);
    query.reload();
    if (hasProphet) {
      const r = await safeCall(() => api.refitForecast({ project, runId, series: seriesKey }));
      if (r.ok) onRefit(r.value);
      else setError(r.error);
    }
    setBusy(false);
  };

  if (!rows) return null;
  const needle = filter.trim().toLowerCase();
  const shown = rows.map((h, i) => ({ h, i })).filter(({ h }) => needle === '' || h.date.includes(needle) || h.name.toLowerCase().includes(needle) || (h.nameEn ?? '').toLowerCase().includes(needle));
  const set = (i: number, patch: Partial<ForecastHoliday>) => setRows(rows.map((h, k) => (k === i ? { ...h, ...patch } : h)));
  return (
    <Card title={t('forecast.holidays')} testId="forecast-holidays" attrs={{ 'data-edited': loaded?.edited ? 'true' : 'false', 'data-count': String(rows.length) }}>
      <p className="muted small">{t('forecast.holidays.about')}</p>
      <div className="rec-form-row">
        <label className="field">
          <span className="field-label">{t('forecast.holidays.filter')}</span>
          <input className="input" data-testid="holiday-filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
      </div>
      <div className="holiday-list" style={{ maxHeight: 280, overflowY: 'auto' }}>
        <table className="table compact" data-testid="holiday-table">
          <thead>
            <tr><th>{t('forecast.holidays.date')}</th><th>{t('forecast.holidays.name')}</th><th>{t('forecast.holidays.nameEn')}</th><th /></tr>
          </thead>
          <tbody>
            {shown.map(({ h, i }) => (
              <tr key={i} data-holiday={h.date}>
                <td><input className="input" aria-label={t('forecast.holidays.date')} value={h.date} disabled={busy} onChange={(e) => set(i, { date: e.target.value })} /></td>
                <td><input className="input" aria-label={t('forecast.holidays.name')} value={h.name} disabled={busy} onChange={(e) => set(i, { name: e.target.value })} /></td>
                <td><input className="input" aria-label={t('forecast.holidays.nameEn')} value={h.nameEn ?? ''} disabled={busy} onChange={(e) => set(i, { nameEn: e.target.value })} /></td>
                <td><button type="button" className="btn btn-small" data-testid={`holiday-remove-${i}`} disabled={busy} onClick={() => setRows(rows.filter((_, k) => k !== i))}>{t('forecast.holidays.remove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="btn btn-small" data-testid="holiday-add" disabled={busy} onClick={() => setRows([{ date: '', name: '' }, ...rows])}>{t('forecast.holidays.add')}</button>
        <button type="button" className="btn btn-primary" data-testid="holiday-save" disabled={busy} onClick={() => void apply(rows)}>{t('forecast.holidays.save')}</button>
        <button type="button" className="btn btn-small" data-testid="holiday-reset" disabled={busy || !loaded?.edited} onClick={() => void apply(null)}>{t('forecast.holidays.reset')}</button>
      </div>
      {refit && refit.key === seriesKey && <p className="small" data-testid="holiday-refit" data-ms={refit.ms}>{t('forecast.holidays.refit', { spec: refit.model.spec, ms: fmt.int(refit.ms) })}</p>}
      {error && <ErrorMessage error={error} testId="holiday-error" />}
    </Card>
  );
}
