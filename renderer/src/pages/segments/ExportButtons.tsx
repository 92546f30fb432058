import { useState } from 'react';
import type { ApiError } from '../../../../core/model/result.js';
import { safeCall } from '../../api/call.js';
import { useApi } from '../../api/context.js';
import { downloadBlob } from '../../charts/export.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';

const KINDS = ['segments', 'profiles', 'features'] as const;
type Kind = (typeof KINDS)[number];

/** Downloads the run's CSV exports (UTF-8 with BOM, as the CLI writes them). */
export function ExportButtons({ project, runId }: { project: string; runId: number }) {
  const api = useApi();
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<Kind | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const save = async (what: Kind) => {
    setBusy(what);
    setError(null);
    const result = await safeCall(() => api.exportCsv({ project, run: runId, lang, what }));
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    downloadBlob(new Blob([result.value.csv], { type: 'text/csv;charset=utf-8' }), result.value.filename);
  };
  return (
    <div className="export-buttons">
      <span className="muted small">{t('segments.export')}</span>
      {KINDS.map((k) => (
        <button key={k} type="button" className="btn btn-small" data-testid={`export-${k}`} disabled={busy !== null} onClick={() => void save(k)} title={t(`segments.export.${k}.hint`)}>
          {t(`segments.export.${k}`)}
        </button>
      ))}
      {error && <ErrorMessage error={error} testId="export-error" />}
    </div>
  );
}
