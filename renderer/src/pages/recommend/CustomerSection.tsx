import { useEffect, useRef, useState } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import type { CustomerView } from '../../../../core/model/recommend.js';
import type { ApiError } from '../../../../core/model/result.js';
import { safeCall } from '../../api/call.js';
import { useApi } from '../../api/context.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { StatRow } from '../../components/StatRow.js';
import { useI18n } from '../../i18n/context.js';
import { ageBandLabel, genderLabel, regionLabel } from '../overview/labels.js';
import { RecommendRunOptions } from './RecommendRunOptions.js';

/** A customer to open: its code and the recommend run whose list to show (null: none). */
export interface CustomerRequest {
  code: string;
  runId: number | null;
}

interface Props {
  project: string;
  /** Finished recommend runs, newest first. */
  recommendRuns: readonly RunRecord[];
  /** The first customer of the campaign preview, to prefill the code. */
  suggested: string | null;
  /** Opened from outside (a campaign row): shown at once. The parent remounts the section for each. */
  initial: CustomerRequest | null;
}

type Loaded = { request: CustomerRequest; view: CustomerView } | { request: CustomerRequest; error: ApiError };

/** One customer: who they are, what a recommend run suggests and why, and what they bought when. */
export function CustomerSection({ project, recommendRuns, suggested, initial }: Props) {
  const api = useApi();
  const ctx = useI18n();
  const { t, fmt, lang } = ctx;
  const [typed, setTyped] = useState<string | null>(initial?.code ?? null);
  const [wantedRun, setWantedRun] = useState<number | null>(initial?.runId ?? null);
  const [request, setRequest] = useState<CustomerRequest | null>(initial);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const view = useRef<HTMLDivElement>(null);

  const code = typed ?? suggested ?? '';
  const runId = wantedRun !== null && recommendRuns.some((r) => r.id === wantedRun) ? wantedRun : (recommendRuns[0]?.id ?? null);

  useEffect(() => {
    if (request === null) return;
    let live = true;
    // Reasons in the page's language, each segment by its current name (issue #14).
    const params = { project, customer: request.code, lang, ...(request.runId === null ? {} : { runId: request.runId }) };
    void safeCall(() => api.getCustomer(params)).then((r) => {
      if (!live) return;
      setLoaded(r.ok ? { request, view: r.value } : { request, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api, project, request, lang]);

  const current = loaded !== null && loaded.request === request ? loaded : null;
  useEffect(() => {
    if (initial !== null && current !== null && 'view' in current) view.current?.scrollIntoView({ block: 'nearest' });
  }, [initial, current]);

  const open = () => {
    const c = code.trim();
    if (c !== '') setRequest({ code: c, runId });
  };

  return (
    <Card title={t('recommend.customer')} testId="customer" attrs={{ 'data-state': request === null ? 'idle' : current === null ? 'loading' : 'view' in current ? 'ok' : 'error' }}>
      <p className="muted small">{t('recommend.customer.about')}</p>
      <form
        className="rec-form-row"
        onSubmit={(e) => {
          e.preventDefault();
          open();
        }}
      >
        <label className="field">
          <span className="field-label">{t('recommend.customer.code')}</span>
          <input className="input" data-testid="customer-code" value={code} spellCheck={false} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('recommend.campaign.list')}</span>
          <select className="input" data-testid="customer-run" value={runId ?? ''} disabled={recommendRuns.length === 0} onChange={(e) => setWantedRun(Number(e.target.value))}>
            {recommendRuns.length === 0 && <option value="">{t('recommend.customer.noList')}</option>}
            <RecommendRunOptions runs={recommendRuns} />
          </select>
        </label>
        <div className="actions rec-run">
          <button type="submit" className="btn btn-primary" data-testid="customer-open" disabled={code.trim() === ''}>
            {t('recommend.customer.open')}
          </button>
        </div>
      </form>

      {request !== null && current === null && <Loading />}
      {current !== null && 'error' in current && <ErrorMessage error={current.error} testId="customer-error" />}
      {current !== null && 'view' in current && (
        <div className="rec-customer" data-testid="customer-view" data-code={current.view.code} ref={view}>
          <StatRow
            testId="customer-who"
            items={[
              { label: t('recommend.customer.code'), value: current.view.code },
              { label: t('field.gender'), value: current.view.gender ? genderLabel(ctx, current.view.gender) : t('common.unknown') },
              { label: t('recommend.customer.ageBand'), value: current.view.ageBand ? ageBandLabel(ctx, current.view.ageBand) : t('common.unknown') },
              { label: t('field.region'), value: current.view.region ? regionLabel(ctx, current.view.region) : t('common.unknown') },
              { label: t('overview.receipts'), value: fmt.int(current.view.receipts) },
              { label: t('recommend.customer.spend'), value: fmt.money(current.view.spend) },
            ]}
          />

          <h3 className="rec-sub">{t('recommend.customer.recs')}</h3>
          {current.request.runId === null ? (
            <p className="muted">{t('recommend.customer.noList')}</p>
          ) : current.view.recommendations.length === 0 ? (
            <p className="muted" data-testid="customer-no-recs">{t('recommend.customer.noRecs')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table compact rec-customer-recs" data-testid="customer-recs" data-rows={current.view.recommendations.length}>
                <thead>
                  <tr>
                    <th className="num">{t('recommend.customer.rank')}</th>
                    <th>{t('recommend.customer.product')}</th>
                    <th>{t('recommend.customer.name')}</th>
                    <th>{t('recommend.customer.category')}</th>
                    <th className="num">{t('recommend.customer.score')}</th>
                    <th>{t('recommend.customer.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {current.view.recommendations.map((r) => (
                    <tr key={r.rank} data-product={r.product}>
                      <td className="num">{r.rank}</td>
                      <td className="rec-nowrap">{r.product}</td>
                      <td>{r.name ?? '–'}</td>
                      <td className="rec-nowrap">{r.category ?? '–'}</td>
                      <td className="num">{r.score === null ? '–' : fmt.dec(r.score, 3)}</td>
                      <td className="rec-reason">{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <h3 className="rec-sub">{t('recommend.customer.timeline', { n: fmt.int(current.view.timeline.length) })}</h3>
          {current.view.timeline.length === 0 ? (
            <p className="muted">{t('recommend.customer.noPurchases')}</p>
          ) : (
            <ol className="rec-timeline" data-testid="customer-timeline" data-days={current.view.timeline.length}>
              {current.view.timeline.map((d) => (
                <li key={d.date} className="rec-day" data-date={d.date}>
                  <div className="rec-day-head">
                    <span className="rec-day-date">{fmt.day(d.date)}</span>
                    <span className="muted small">{d.receipts === 1 ? t('recommend.customer.oneReceipt') : t('overview.receiptsN', { n: fmt.int(d.receipts) })}</span>
                    <span className="num rec-day-amount">{fmt.money(d.amount)}</span>
                  </div>
                  <div className="chips">
                    {d.products.map((p) => (
                      <span key={p.code} className="chip" title={[p.code, p.category].filter(Boolean).join(' · ')}>
                        {p.name ?? p.code}
                      </span>
                    ))}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </Card>
  );
}
