import { useState } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import type { SpendPrediction } from '../../../../core/model/spend.js';
import { useApi } from '../../api/context.js';
import { Card } from '../../components/Card.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useDebounced } from '../../hooks/useDebounced.js';
import { useI18n } from '../../i18n/context.js';
import { spendFeatureLabel } from './spend-features.js';

/**
 * One customer's view (issue #13 UI): their products in a recommend run's list, each with the
 * spend the spend-model run expects and the features behind that figure (largest contribution
 * first). The list comes from getCustomer, the figures from spendPredictions.
 */
export function SpendCustomer({ project, runId, recommendRuns }: { project: string; runId: number; recommendRuns: readonly RunRecord[] }) {
  const api = useApi();
  const { t, fmt, lang } = useI18n();
  const [lookup, setLookup] = useState('');
  const [recRun, setRecRun] = useState('');
  const customer = useDebounced(lookup.trim(), 250);
  const rec = recRun !== '' && recommendRuns.some((r) => String(r.id) === recRun) ? Number(recRun) : (recommendRuns[0]?.id ?? null);
  const key = customer === '' || rec === null ? null : `${project}\u0000${runId}\u0000${rec}\u0000${customer}`;
  const query = useApiQuery(key, async () => {
    const view = await api.getCustomer({ project, customer, runId: rec as number });
    if (!view.ok) return view;
    const recs = view.value.recommendations;
    if (recs.length === 0) return { ok: true as const, value: { recs, predictions: [] as SpendPrediction[] } };
    const pred = await api.spendPredictions({ project, runId, pairs: recs.map((r) => ({ customer, product: r.product })) });
    if (!pred.ok) return pred;
    return { ok: true as const, value: { recs, predictions: pred.value } };
  });
  const value = 'value' in query && key !== null ? query.value : undefined;
  const byProduct = new Map((value?.predictions ?? []).map((p) => [p.product, p]));
  return (
    <Card title={t('value.spend.customer')} testId="spend-customer">
      <p className="muted small">{t('value.spend.customer.about')}</p>
      <div className="rec-form-row">
        <label className="field">
          <span className="field-label">{t('value.col.customer')}</span>
          <input className="input" data-testid="spend-lookup" value={lookup} onChange={(e) => setLookup(e.target.value)} placeholder={t('value.lookup.hint')} />
        </label>
        <label className="field">
          <span className="field-label">{t('value.spend.recRun')}</span>
          <select className="input" data-testid="spend-rec-run" value={rec === null ? '' : String(rec)} onChange={(e) => setRecRun(e.target.value)}>
            {recommendRuns.length === 0 && <option value="">{t('value.spend.noRecRuns')}</option>}
            {recommendRuns.map((r) => {
              const model = (r.params as { model?: unknown }).model;
              return <option key={r.id} value={r.id}>{[`#${r.id}`, typeof model === 'string' ? model : null, fmt.dateTime(r.startedAt)].filter(Boolean).join(' · ')}</option>;
            })}
          </select>
        </label>
      </div>
      {recommendRuns.length === 0 && <p className="muted" data-testid="spend-need-rec">{t('value.spend.noRecRuns')}</p>}
      {query.status === 'error' && <ErrorMessage error={query.error} testId="spend-customer-error" />}
      {value && value.recs.length === 0 && query.status === 'ok' && <p className="muted" data-testid="spend-customer-none">{t('value.spend.customer.none', { id: customer })}</p>}
      {value && value.recs.length > 0 && (
        <div className="table-scroll">
          <table className="table compact" data-testid="spend-customer-table" data-rows={value.recs.length} data-customer={customer}>
            <thead>
              <tr>
                <th className="num">{t('value.spend.col.rank')}</th><th>{t('value.spend.col.product')}</th><th>{t('value.spend.col.category')}</th><th className="num">{t('value.spend.col.expected')}</th><th>{t('value.spend.col.top')}</th>
              </tr>
            </thead>
            <tbody>
              {value.recs.map((r) => {
                const p = byProduct.get(r.product);
                return (
                  <tr key={r.product} data-product={r.product} data-expected={p?.expectedSpend ?? ''}>
                    <td className="num">{r.rank}</td>
                    <td>{r.name ? `${r.name} (${r.product})` : r.product}</td>
                    <td>{r.category ?? '–'}</td>
                    <td className="num">{p ? fmt.money(p.expectedSpend) : '–'}</td>
                    <td className="small" style={{ whiteSpace: 'normal', minWidth: '28em' }}>{p ? p.top.map((f) => `${spendFeatureLabel(f.feature, lang)} = ${fmt.dec(f.value, 2)} (${f.contribution >= 0 ? '+' : ''}${fmt.dec(f.contribution, 3)})`).join(' · ') : '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {value && value.recs.length > 0 && <p className="muted small">{t('value.spend.customer.hint')}</p>}
    </Card>
  );
}
