import { useEffect, useMemo, useState } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import type { ApiError } from '../../../../core/model/result.js';
import type { RecommendSummary } from './types.js';
import { safeCall } from '../../api/call.js';
import { useApi } from '../../api/context.js';
import { downloadBlob } from '../../charts/export.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { JobStatus } from '../../components/JobStatus.js';
import { useChosenRun } from '../../hooks/useChosenRun.js';
import { useJobRunner } from '../../hooks/useJobRunner.js';
import { useI18n } from '../../i18n/context.js';
import { summaryOf } from '../segments/runs.js';
import { useRunLabel } from '../segments/RunPicker.js';
import { DEFAULT_CAMPAIGN_EXCLUSIONS, MODELS, parseCsv } from './model.js';
import { RecommendRunOptions } from './RecommendRunOptions.js';
import { ReportButton } from '../../report/ReportButton.js';

const PREVIEW_ROWS = 20;

interface Props {
  project: string;
  /** Finished recommend runs, newest first. */
  recommendRuns: readonly RunRecord[];
  /** Finished segmentation runs, newest first. */
  segmentRuns: readonly RunRecord[];
  /** Finished clv runs, newest first: the list can be filtered by CLV and P(alive) (issue #13). */
  clvRuns?: readonly RunRecord[];
  /** Finished spend-model runs, newest first: the list gains expectedSpend and a coupon rule (issue #13). */
  spendRuns?: readonly RunRecord[];
  /** The model that won the newest recommend-eval run (issue #14: the builder starts with it). */
  suggestedModel?: { model: string | null; evalRun: number } | null;
  onDone(runId: number): void;
  /** The first customer of the (unhashed) preview, or null when there is none. */
  onFirstCustomer?(code: string | null): void;
  /** A preview row was clicked: open that customer with this list. */
  onOpenCustomer?(code: string, runId: number): void;
}

/** Model and top-N → a recommend run; then an optional segment, hashed ids, preview and CSV export. */
export function CampaignSection({ project, recommendRuns, segmentRuns, clvRuns = [], spendRuns = [], suggestedModel = null, onDone, onFirstCustomer, onOpenCustomer }: Props) {
  const api = useApi();
  const { t, fmt, lang } = useI18n();
  const runLabel = useRunLabel();
  // The newest evaluation's winner until the analyst picks another (issue #14); p-topfreq without one.
  const [picked, setModel] = useState<string | null>(null);
  const suggested = suggestedModel?.model && (MODELS as readonly string[]).includes(suggestedModel.model) ? suggestedModel.model : null;
  const model = picked ?? suggested ?? 'p-topfreq';
  // Regulated goods are left out unless the analyst edits the list (issue #14).
  const [exclude, setExclude] = useState<string>(DEFAULT_CAMPAIGN_EXCLUSIONS.join(', '));
  const [top, setTop] = useState('10');
  const { job, running, startError, status, start } = useJobRunner(project, (kind) => kind === 'recommend', (runId) => {
    setWanted(runId);
    onDone(runId);
  });
  // The recommend run the campaign is built from, kept across reloads (issue #14).
  const [wanted, setWanted] = useChosenRun('recommend.campaign');
  const [segRun, setSegRun] = useState<string>('');
  const [segment, setSegment] = useState<string>('');
  const [hash, setHash] = useState(false);
  const [clvRun, setClvRun] = useState('');
  const [minValue, setMinValue] = useState('');
  const [maxPAlive, setMaxPAlive] = useState('');
  const [spendRun, setSpendRun] = useState('');
  const [couponRate, setCouponRate] = useState('');
  const [couponRound, setCouponRound] = useState('100');
  const rate = Number(couponRate), rounding = Number(couponRound);
  const badRate = couponRate.trim() !== '' && !(rate > 0 && rate <= 1);
  const badRound = couponRound.trim() === '' || !(rounding > 0);
  const [preview, setPreview] = useState<{ key: string; filename: string; rows: number; csv: string } | null>(null);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const topN = Number(top);
  const badTop = !Number.isInteger(topN) || topN < 1 || topN > 100;

  const runId = wanted !== null && recommendRuns.some((r) => r.id === wanted) ? wanted : (recommendRuns[0]?.id ?? null);
  const recRun = recommendRuns.find((r) => r.id === runId);
  const recSummary = recRun?.summary as RecommendSummary | null | undefined;
  const segRecord = segmentRuns.find((r) => String(r.id) === segRun);
  // The run list carries the segments' current names (the host applies renames, issue #14), and is
  // reloaded when a segment is renamed: the dropdown and, through `key`, the preview follow.
  const segList = segRecord ? (summaryOf(segRecord)?.segmentList ?? []) : [];
  const namesKey = segList.map((g) => `${g.id}=${g.name}`).join('\u0001');

  const params = useMemo(() => {
    const p: Record<string, string> = {};
    if (segRun !== '') {
      p.segmentRun = segRun;
      if (segment !== '') p.segment = segment;
    }
    if (hash) p.hashIds = 'true';
    const terms = exclude.split(',').map((x) => x.trim()).filter((x) => x !== '');
    if (terms.length > 0) p.excludeCategories = terms.join(',');
    if (clvRun !== '') {
      p.clvRun = clvRun;
      if (minValue.trim() !== '' && Number.isFinite(Number(minValue))) p.minValue = minValue.trim();
      if (maxPAlive.trim() !== '' && Number.isFinite(Number(maxPAlive))) p.maxPAlive = maxPAlive.trim();
    }
    // Expected spend and the coupon rule (issue #13): the coupon only with a valid rate and rounding.
    if (spendRun !== '' && spendRuns.some((r) => String(r.id) === spendRun)) {
      p.spendRun = spendRun;
      if (couponRate.trim() !== '' && !badRate && !badRound) {
        p.couponRate = couponRate.trim();
        p.couponRound = couponRound.trim();
      }
    }
    return p;
  }, [segRun, segment, hash, exclude, clvRun, minValue, maxPAlive, spendRun, spendRuns, couponRate, couponRound, badRate, badRound]);
  // The language too: the file's headers and reasons follow the UI language (issue #14).
  const key = runId === null ? '' : `${runId}\u0000${JSON.stringify(params)}\u0000${namesKey}\u0000${lang}`;

  // The preview follows the run and the filters; the same text is what Export saves.
  useEffect(() => {
    if (runId === null) return;
    let live = true;
    void safeCall(() => api.exportCsv({ project, run: runId, lang, what: 'campaign', params })).then((r) => {
      if (!live) return;
      if (r.ok) {
        setExportError(null);
        setPreview({ key, ...r.value });
      } else {
        setExportError(r.error);
        setPreview(null);
      }
    });
    return () => {
      live = false;
    };
  }, [api, project, runId, params, key, lang]);

  const rows = useMemo(() => (preview && preview.key === key ? parseCsv(preview.csv, PREVIEW_ROWS + 1) : []), [preview, key]);
  const ready = preview !== null && preview.key === key;
  const first = ready && !hash ? (rows[1]?.[0] ?? null) : undefined;

  useEffect(() => {
    if (first !== undefined) onFirstCustomer?.(first);
  }, [first, onFirstCustomer]);

  const clickable = onOpenCustomer !== undefined && !hash;

  // Reasons are written in the page's language (the campaign CSV carries them).
  const run = () => start('recommend', { model, top: topN, lang });
  const save = () => {
    if (preview) downloadBlob(new Blob([preview.csv], { type: 'text/csv;charset=utf-8' }), preview.filename);
  };

  return (
    <Card title={t('recommend.campaign')} actions={<ReportButton runs={[runId]} />} testId="campaign" attrs={{ 'data-job-status': status, 'data-run-id': runId === null ? '' : String(runId) }}>
      <p className="muted small">{t('recommend.campaign.about')}</p>
      <div className="rec-form-row">
        <label className="field">
          <span className="field-label">{t('recommend.model')}</span>
          <select className="input" data-testid="campaign-model" value={model} disabled={running} onChange={(e) => setModel(e.target.value)}>
            {MODELS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
          {suggested !== null && picked === null && suggestedModel && (
            <span className="param-help" data-testid="campaign-model-why">{t('recommend.campaign.modelWhy', { run: suggestedModel.evalRun })}</span>
          )}
        </label>
        <label className="field rec-top">
          <span className="field-label">{t('recommend.top')}</span>
          <input className="input" data-testid="campaign-top" inputMode="numeric" value={top} disabled={running} aria-invalid={badTop || undefined} onChange={(e) => setTop(e.target.value)} />
        </label>
        <div className="actions rec-run">
          <button type="button" className="btn btn-primary" data-testid="campaign-run" disabled={running || badTop} onClick={() => void run()}>
            {t('recommend.campaign.run')}
          </button>
        </div>
      </div>
      <JobStatus job={job} startError={startError} testId="campaign" />

      {recRun === undefined ? (
        <p className="muted" data-testid="campaign-none">{t('recommend.campaign.none')}</p>
      ) : (
        <>
          <div className="rec-form-row rec-filters">
            <label className="field">
              <span className="field-label">{t('recommend.campaign.list')}</span>
              <select className="input" data-testid="campaign-rec-run" value={runId ?? ''} onChange={(e) => setWanted(Number(e.target.value))}>
                <RecommendRunOptions runs={recommendRuns} />
              </select>
            </label>
            <label className="field">
              <span className="field-label">{t('recommend.segmentRun')}</span>
              <select className="input" data-testid="campaign-segment-run" value={segRun} onChange={(e) => { setSegRun(e.target.value); setSegment(''); }}>
                <option value="">{t('recommend.segmentRun.none')}</option>
                {segmentRuns.map((r) => (
                  <option key={r.id} value={r.id}>
                    {runLabel(r)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{t('recommend.segment')}</span>
              <select className="input" data-testid="campaign-segment" value={segment} disabled={segRun === ''} onChange={(e) => setSegment(e.target.value)}>
                <option value="">{t('recommend.segment.all')}</option>
                {segList.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name} ({fmt.int(g.customers)})
                  </option>
                ))}
              </select>
            </label>
            {clvRuns.length > 0 && (
              <>
                <label className="field">
                  <span className="field-label">{t('recommend.campaign.clvRun')}</span>
                  <select className="input" data-testid="campaign-clv-run" value={clvRun} onChange={(e) => setClvRun(e.target.value)}>
                    <option value="">{t('recommend.campaign.clvNone')}</option>
                    {clvRuns.map((r) => <option key={r.id} value={r.id}>{`#${r.id} · clv · ${fmt.dateTime(r.startedAt)}`}</option>)}
                  </select>
                </label>
                <label className="field">
                  <span className="field-label">{t('recommend.campaign.minValue')}</span>
                  <input className="input" data-testid="campaign-min-value" inputMode="decimal" value={minValue} disabled={clvRun === ''} onChange={(e) => setMinValue(e.target.value)} />
                </label>
                <label className="field">
                  <span className="field-label">{t('recommend.campaign.maxPAlive')}</span>
                  <input className="input" data-testid="campaign-max-palive" inputMode="decimal" value={maxPAlive} disabled={clvRun === ''} placeholder="0.5" onChange={(e) => setMaxPAlive(e.target.value)} />
                </label>
              </>
            )}
            {spendRuns.length > 0 && (
              <>
                <label className="field">
                  <span className="field-label">{t('recommend.campaign.spendRun')}</span>
                  <select className="input" data-testid="campaign-spend-run" value={spendRun} onChange={(e) => setSpendRun(e.target.value)}>
                    <option value="">{t('recommend.campaign.spendNone')}</option>
                    {spendRuns.map((r) => <option key={r.id} value={r.id}>{`#${r.id} · spend-model · ${fmt.dateTime(r.startedAt)}`}</option>)}
                  </select>
                  <span className="param-help">{t('recommend.campaign.spendHint')}</span>
                </label>
                <label className="field">
                  <span className="field-label">{t('recommend.campaign.couponRate')}</span>
                  <input className="input" data-testid="campaign-coupon-rate" inputMode="decimal" value={couponRate} disabled={spendRun === ''} placeholder="0.1" aria-invalid={badRate || undefined} onChange={(e) => setCouponRate(e.target.value)} />
                  <span className="param-help">{t('recommend.campaign.couponHint')}</span>
                </label>
                <label className="field">
                  <span className="field-label">{t('recommend.campaign.couponRound')}</span>
                  <input className="input" data-testid="campaign-coupon-round" inputMode="decimal" value={couponRound} disabled={spendRun === ''} aria-invalid={badRound || undefined} onChange={(e) => setCouponRound(e.target.value)} />
                </label>
              </>
            )}
            <label className="field">
              <span className="field-label">{t('recommend.campaign.exclude')}</span>
              <input className="input" data-testid="campaign-exclude" value={exclude} onChange={(e) => setExclude(e.target.value)} />
              <span className="param-help">{t('recommend.campaign.excludeHint')}</span>
            </label>
            <label className="rec-check rec-hash">
              <input type="checkbox" data-testid="campaign-hash" checked={hash} onChange={(e) => setHash(e.target.checked)} />
              {t('recommend.hash')}
            </label>
            <div className="actions rec-run">
              <button type="button" className="btn" data-testid="campaign-export" disabled={!ready} onClick={save}>
                {t('recommend.export')}
              </button>
            </div>
          </div>
          {recSummary && (
            <p className="muted small">
              {t('recommend.campaign.summary', { model: recSummary.model, top: recSummary.top, customers: fmt.int(recSummary.customers), short: fmt.int(recSummary.short) })}
            </p>
          )}
          {exportError && <ErrorMessage error={exportError} testId="campaign-error" />}
          {!ready && params.spendRun !== undefined && <p className="muted small" data-testid="campaign-spend-wait">{t('recommend.campaign.spendWait')}</p>}
          <div className="table-scroll">
            <table className="table compact rec-preview" data-testid="campaign-preview" data-ready={ready ? 'true' : 'false'} data-rows={ready ? preview.rows : 0} data-key={key}>
              {rows.length > 0 && (
                <>
                  <thead>
                    <tr>
                      {rows[0].map((h) => (
                        <th key={h}>{h}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.slice(1).map((r, i) => (
                      <tr
                        key={i}
                        className={clickable ? 'rec-row-link' : undefined}
                        title={clickable ? t('recommend.customer.rowHint') : undefined}
                        onClick={clickable && runId !== null ? () => onOpenCustomer(r[0], runId) : undefined}
                      >
                        {r.map((v, j) => (
                          <td key={j} className={j === 2 || j === 6 ? 'num' : undefined} title={j === 6 ? v : undefined}>
                            {/* The score to 4 decimals on screen (the CSV keeps every digit). */}
                            {j === 6 && v !== '' && Number.isFinite(Number(v)) ? fmt.dec(Number(v), 4) : v}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </>
              )}
            </table>
          </div>
          {ready && <p className="muted small">{t('recommend.preview', { shown: fmt.int(Math.max(0, rows.length - 1)), total: fmt.int(preview.rows) })}</p>}
        </>
      )}
    </Card>
  );
}
