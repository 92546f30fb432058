import { useMemo, useState } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import type { PreferenceValidation } from './types.js';
import { ChartCard } from '../../charts/ChartCard.js';
import { Card } from '../../components/Card.js';
import { JobStatus } from '../../components/JobStatus.js';
import { useJobRunner } from '../../hooks/useJobRunner.js';
import { useI18n } from '../../i18n/context.js';
import { pickRun } from '../../lib/runs.js';
import { preferenceSummary, preferenceThresholds } from './model.js';
import { preferenceOption } from './options.js';

const KIND = 'preference-score';

interface Props {
  project: string;
  /** Finished preference-score runs, newest first. */
  runs: RunRecord[];
  onDone(): void;
}

/** Seed 002's preference score: run the validation (optional split day), pick a run, chart and table. */
export function PreferenceSection({ project, runs, onDone }: Props) {
  const { t, fmt } = useI18n();
  const [split, setSplit] = useState('');
  const [wanted, setWanted] = useState<number | null>(null);
  const { job, running, startError, status, start } = useJobRunner(project, (kind) => kind === KIND, (runId) => {
    setWanted(runId);
    onDone();
  });
  const badSplit = split.trim() !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(split.trim());

  const run = () => {
    const params: Record<string, unknown> = {};
    if (split.trim() !== '') params.split = split.trim();
    return start(KIND, params);
  };

  const selected = pickRun(runs, wanted);
  const selectedRun = runs.find((r) => r.id === selected);

  return (
    <>
      <Card title={t('recommend.pref')} testId="pref-form" attrs={{ 'data-job-status': status, 'data-runs': String(runs.length) }}>
        <p className="muted small">{t('recommend.pref.about')}</p>
        <div className="rec-form-row">
          <label className="field">
            <span className="field-label">{t('recommend.pref.split')}</span>
            <input className="input" data-testid="pref-split" type="date" value={split} disabled={running} onChange={(e) => setSplit(e.target.value)} aria-invalid={badSplit || undefined} />
            <span className="param-help">{t('recommend.pref.split.hint')}</span>
          </label>
        </div>
        <div className="actions">
          <button type="button" className="btn btn-primary" data-testid="pref-run" disabled={running || badSplit} onClick={() => void run()}>
            {t('recommend.pref.run')}
          </button>
        </div>
        <JobStatus job={job} startError={startError} testId="pref" />
        {runs.length === 0 && <p className="muted rec-pref-picker" data-testid="pref-no-runs">{t('recommend.pref.none')}</p>}
        {runs.length > 0 && (
          <label className="field run-picker rec-pref-picker">
            <span className="field-label">{t('recommend.pref.pick')}</span>
            <select className="input" data-testid="pref-run-picker" value={selected ?? ''} onChange={(e) => setWanted(Number(e.target.value))}>
              {runs.map((r) => {
                const s = preferenceSummary(r);
                return (
                  <option key={r.id} value={r.id}>
                    {[`#${r.id}`, s ? t('recommend.pref.splitAt', { day: fmt.day(s.split) }) : null, fmt.dateTime(r.startedAt)].filter(Boolean).join(' · ')}
                  </option>
                );
              })}
            </select>
          </label>
        )}
      </Card>
      {selectedRun && <PreferenceView key={selectedRun.id} run={selectedRun} />}
    </>
  );
}

/** One preference-score run: share vs threshold per retailer, as a chart and as the seed's table. */
function PreferenceView({ run }: { run: RunRecord }) {
  const { t, fmt } = useI18n();
  const ctx = useMemo(() => ({ t, fmt }), [t, fmt]);
  const s = preferenceSummary(run);
  const thresholds = useMemo(() => (s ? preferenceThresholds(s) : []), [s]);
  const option = useMemo(() => (s ? preferenceOption(s, thresholds, ctx) : null), [s, thresholds, ctx]);
  if (!s) return <p className="notice">{t('recommend.noSummary')}</p>;
  const explain = t('recommend.pref.explain', { split: fmt.day(s.split) });
  return (
    <div className="rec-eval" data-testid="pref-view" data-run-id={run.id}>
      <ChartCard panelId="preference" title={t('recommend.pref.chart')} subtitle={t('recommend.pref.chart.hint')} option={option} reason={t('recommend.pref.empty')} height={320} wide />
      <Card title={t('recommend.pref.table')}>
        <p className="muted small" data-testid="pref-explain">{explain}</p>
        <PreferenceTable summary={s} thresholds={thresholds} />
      </Card>
    </div>
  );
}

function PreferenceTable({ summary, thresholds }: { summary: PreferenceValidation; thresholds: number[] }) {
  const { t, fmt } = useI18n();
  // Always three decimals, so the shares line up in their columns (fmt.dec drops trailing zeros).
  const share = useMemo(() => new Intl.NumberFormat(fmt.locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }), [fmt.locale]);
  return (
    <div className="table-scroll">
      <table className="table compact rec-table rec-pref-table" data-testid="pref-table" data-rows={summary.retailers.length} data-columns={thresholds.length}>
        <thead>
          <tr>
            <th>{t('recommend.pref.retailer')}</th>
            {thresholds.map((th) => (
              <th key={th} className="num" data-threshold={th}>{`≥ ${th.toFixed(1)}`}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.retailers.map((r) => {
            const byThreshold = new Map(r.table.map((row) => [row.threshold, row]));
            return (
              <tr key={r.retailer} data-retailer={r.retailer}>
                <th>
                  <code>{r.retailer}</code>
                </th>
                {thresholds.map((th) => {
                  const row = byThreshold.get(th);
                  return (
                    <td key={th} className="num" title={row ? t('recommend.pref.cell', { pairs: fmt.int(row.pairs) }) : undefined}>
                      <span className="rec-pref-share">{row?.share == null ? '–' : share.format(row.share)}</span>
                      <span className="rec-pref-pairs muted small">{row ? fmt.int(row.pairs) : ''}</span>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
