import { useMemo, useState } from 'react';
import type { RunRecord } from '../../../../core/model/jobs.js';
import type { ScoreModelExample, ScoreModelProduct, ScoreModelSummary } from './types.js';
import { useApi } from '../../api/context.js';
import { ChartCard } from '../../charts/ChartCard.js';
import { Card } from '../../components/Card.js';
import { JobStatus } from '../../components/JobStatus.js';
import { useApiQuery } from '../../hooks/useApiQuery.js';
import { useJobRunner } from '../../hooks/useJobRunner.js';
import { useI18n } from '../../i18n/context.js';
import { pickRun } from '../../lib/runs.js';
import { genderLabel } from '../overview/labels.js';
import { scoreModelSummary, SEED_SCORE_RMSE } from './model.js';
import { scoreRmseOption } from './options.js';

const KIND = 'score-model';

interface Props {
  project: string;
  /** Finished score-model runs, newest first. */
  runs: RunRecord[];
  onDone(): void;
}

/** Seed 002's learned score model: train it (optional customer and epochs), pick a run, RMSE per retailer and the seed's uses. */
export function ScoreModelSection({ project, runs, onDone }: Props) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const analyses = useApiQuery('analyses', () => api.listAnalyses({}));
  const info = analyses.status === 'ok' ? analyses.value.find((a) => a.id === KIND) : undefined;
  const epochsDefault = info?.params.find((p) => p.name === 'epochs')?.default;
  const [customer, setCustomer] = useState('');
  const [epochs, setEpochs] = useState('');
  const [wanted, setWanted] = useState<number | null>(null);
  const { job, running, startError, status, start } = useJobRunner(project, (kind) => kind === KIND, (runId) => {
    setWanted(runId);
    onDone();
  });
  const epochsN = Number(epochs.trim());
  const badEpochs = epochs.trim() !== '' && (!Number.isInteger(epochsN) || epochsN < 1 || epochsN > 200);

  const run = () => {
    const params: Record<string, unknown> = {};
    if (customer.trim() !== '') params.customer = customer.trim();
    if (epochs.trim() !== '') params.epochs = epochsN;
    return start(KIND, params);
  };

  const selected = pickRun(runs, wanted);
  const selectedRun = runs.find((r) => r.id === selected);

  return (
    <>
      <Card title={t('recommend.score')} testId="score-form" attrs={{ 'data-job-status': status, 'data-runs': String(runs.length) }}>
        <p className="muted small">{t('recommend.score.about')}</p>
        <div className="rec-form-row">
          <label className="field">
            <span className="field-label">{t('recommend.score.customer')}</span>
            <input className="input" data-testid="score-customer" type="text" value={customer} disabled={running} onChange={(e) => setCustomer(e.target.value)} spellCheck={false} />
            <span className="param-help">{t('recommend.score.customer.hint')}</span>
          </label>
          <label className="field rec-top">
            <span className="field-label">{t('recommend.score.epochs')}</span>
            <input
              className="input"
              data-testid="score-epochs"
              type="number"
              min={1}
              max={200}
              step={1}
              value={epochs}
              placeholder={typeof epochsDefault === 'number' ? String(epochsDefault) : undefined}
              disabled={running}
              onChange={(e) => setEpochs(e.target.value)}
              aria-invalid={badEpochs || undefined}
            />
          </label>
        </div>
        <div className="actions">
          <button type="button" className="btn btn-primary" data-testid="score-run" disabled={running || badEpochs} onClick={() => void run()}>
            {t('recommend.score.run')}
          </button>
        </div>
        <JobStatus job={job} startError={startError} testId="score" />
        {runs.length === 0 && <p className="muted rec-pref-picker" data-testid="score-no-runs">{t('recommend.score.none')}</p>}
        {runs.length > 0 && (
          <label className="field run-picker rec-pref-picker">
            <span className="field-label">{t('recommend.score.pick')}</span>
            <select className="input" data-testid="score-run-picker" value={selected ?? ''} onChange={(e) => setWanted(Number(e.target.value))}>
              {runs.map((r) => {
                const s = scoreModelSummary(r);
                const who = s ? (s.examples.length === 1 ? s.examples[0].customer : t('recommend.score.nCustomers', { n: s.examples.length })) : null;
                return (
                  <option key={r.id} value={r.id}>
                    {[`#${r.id}`, who, s ? t('recommend.score.nEpochs', { n: s.settings.epochs }) : null, fmt.dateTime(r.startedAt)].filter(Boolean).join(' · ')}
                  </option>
                );
              })}
            </select>
          </label>
        )}
      </Card>
      {selectedRun && <ScoreModelView key={selectedRun.id} run={selectedRun} />}
    </>
  );
}

/** One score-model run: the seed comparison, RMSE chart and table per retailer, then the uses per example customer. */
function ScoreModelView({ run }: { run: RunRecord }) {
  const { t, fmt } = useI18n();
  const ctx = useMemo(() => ({ t, fmt }), [t, fmt]);
  const fixed = useFixed(fmt.locale);
  const s = scoreModelSummary(run);
  const option = useMemo(() => (s ? scoreRmseOption(s, { valid: t('recommend.score.validRmse'), baseline: t('recommend.score.baselineRmse') }, ctx) : null), [s, t, ctx]);
  if (!s) return <p className="notice">{t('recommend.noSummary')}</p>;
  return (
    <div className="rec-eval" data-testid="score-view" data-run-id={run.id}>
      <div className="rec-verdict card" data-testid="score-verdict">
        <div className="rec-facts muted small">
          <span>{t('recommend.score.reference')}: <strong>{fmt.day(s.reference)}</strong></span>
          <span>{t('recommend.score.epochs')}: <strong>{fmt.int(s.settings.epochs)}</strong></span>
          <span>{t('recommend.score.split')}: <strong>{fmt.pct(1 - s.settings.validShare, 0)} / {fmt.pct(s.settings.validShare, 0)}</strong></span>
          <span>{t('recommend.score.seconds')}: <strong>{fmt.dec(s.seconds, 1)}</strong></span>
        </div>
        <p className="rec-verdict-text" data-testid="score-seed-note">{seedComparison(s, t, fmt, fixed)}</p>
        <p className="muted small">{t('recommend.score.seed.caveat')}</p>
      </div>
      <ChartCard panelId="score-rmse" title={t('recommend.score.chart')} subtitle={t('recommend.score.chart.hint')} option={option} reason={t('recommend.score.empty')} height={300} wide />
      <Card title={t('recommend.score.table')}>
        <ScoreTable summary={s} />
      </Card>
      {s.examples.map((e) => (
        <ExampleCard key={e.customer} example={e} />
      ))}
    </div>
  );
}

type Ctx = ReturnType<typeof useI18n>;

/** "Seed 002 reported ≈ 0.42 on its data; here: best/worst validation RMSE and how many retailers beat the mean." */
function seedComparison(s: ScoreModelSummary, t: Ctx['t'], fmt: Ctx['fmt'], fixed: (n: number, digits: number) => string): string {
  const rated = s.retailers.filter((r) => r.validRmse !== null && r.baselineRmse !== null);
  if (rated.length === 0) return t('recommend.score.seed.none', { seed: fmt.dec(SEED_SCORE_RMSE, 2) });
  const valid = rated.map((r) => r.validRmse as number);
  const beats = rated.filter((r) => (r.validRmse as number) < (r.baselineRmse as number)).length;
  return t('recommend.score.seed', {
    seed: fmt.dec(SEED_SCORE_RMSE, 2),
    min: fixed(Math.min(...valid), 3),
    max: fixed(Math.max(...valid), 3),
    beats: fmt.int(beats),
    retailers: fmt.int(rated.length),
  });
}

function ScoreTable({ summary }: { summary: ScoreModelSummary }) {
  const { t, fmt } = useI18n();
  const fixed = useFixed(fmt.locale);
  const rmse = (v: number | null) => (v === null ? '–' : fixed(v, 3));
  return (
    <div className="table-scroll">
      <table className="table compact rec-table" data-testid="score-table" data-rows={summary.retailers.length}>
        <thead>
          <tr>
            <th>{t('recommend.pref.retailer')}</th>
            <th className="num">{t('recommend.score.pairs')}</th>
            <th className="num">{t('recommend.score.customers')}</th>
            <th className="num">{t('recommend.products')}</th>
            <th className="num">{t('recommend.score.trainRmse')}</th>
            <th className="num">{t('recommend.score.validRmse')}</th>
            <th className="num">{t('recommend.score.baselineRmse')}</th>
            <th className="num">{t('recommend.score.seconds')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.retailers.map((r) => {
            const better = r.validRmse !== null && r.baselineRmse !== null && r.validRmse < r.baselineRmse;
            return (
              <tr key={r.retailer} data-retailer={r.retailer}>
                <th>
                  <code>{r.retailer}</code>
                </th>
                <td className="num" title={t('recommend.score.pairsSplit', { train: fmt.int(r.trainPairs), valid: fmt.int(r.validPairs) })}>{fmt.int(r.pairs)}</td>
                <td className="num">{fmt.int(r.customers)}</td>
                <td className="num">{fmt.int(r.products)}</td>
                <td className="num" data-col="train">{rmse(r.trainRmse)}</td>
                <td className={`num${better ? ' rec-best' : ''}`} data-col="valid">{rmse(r.validRmse)}</td>
                <td className="num" data-col="baseline">{rmse(r.baselineRmse)}</td>
                <td className="num">{fixed(r.seconds, 2)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Numbers with exactly `digits` decimals, so columns line up (fmt.dec drops trailing zeros). */
function useFixed(locale: string): (n: number, digits: number) => string {
  return useMemo(() => {
    const cache = new Map<number, Intl.NumberFormat>();
    return (n: number, digits: number) => {
      let f = cache.get(digits);
      if (!f) cache.set(digits, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
      return f.format(n);
    };
  }, [locale]);
}

function ProductLine({ p }: { p: ScoreModelProduct }) {
  const { fmt } = useI18n();
  const fixed = useFixed(fmt.locale);
  return (
    <>
      <span className="rec-product-name">{p.name ?? p.code}</span> <code className="muted small">{p.code}</code> <span className="muted small num" title={fmt.dec(p.score, 3)}>{fixed(p.score, 2)}</span>
    </>
  );
}

/** The seed's three uses for one customer: retailer by spend share, a weighted sample among the top 30, the stamp mission. */
function ExampleCard({ example: e }: { example: ScoreModelExample }) {
  const ctx = useI18n();
  const { t, fmt } = ctx;
  const fixed = useFixed(fmt.locale);
  const who = [e.gender ? genderLabel(ctx, e.gender) : null, e.age !== null ? t('recommend.score.age', { age: e.age }) : null].filter(Boolean).join(' · ');
  return (
    <Card title={t('recommend.score.example', { customer: e.customer })} testId="score-example" attrs={{ 'data-customer': e.customer, 'data-retailer': e.retailer ?? '' }}>
      {who && <p className="muted small">{who}</p>}
      <h3 className="rec-sub">{t('recommend.score.use1')}</h3>
      {e.shares.length === 0 ? (
        <p className="muted">{t('recommend.score.noSpend')}</p>
      ) : (
        <div className="chips" data-testid="score-shares">
          {e.shares.map((x) => (
            <span key={x.retailer} className={`chip${x.retailer === e.retailer ? ' chip-accent' : ''}`} data-retailer={x.retailer}>
              {x.retailer} {fmt.pct(x.share, 1)}
            </span>
          ))}
        </div>
      )}
      {e.retailer !== null && <p className="small">{t('recommend.score.drawn', { retailer: e.retailer })}</p>}
      <h3 className="rec-sub">{t('recommend.score.use2')}</h3>
      {e.sampled ? (
        <p data-testid="score-sampled">
          <ProductLine p={e.sampled} /> {e.sampled.category && <span className="chip">{e.sampled.category}</span>}
        </p>
      ) : (
        <p className="muted">{t('recommend.score.noSample')}</p>
      )}
      {e.top.length > 0 && (
        <p className="muted small">
          {t('recommend.score.top')}: {e.top.map((p) => `${p.name ?? p.code} (${fixed(p.score, 2)})`).join(', ')}
        </p>
      )}
      <h3 className="rec-sub">{t('recommend.score.use3')}</h3>
      {e.mission.length === 0 ? (
        <p className="muted">{t('recommend.score.noMission')}</p>
      ) : (
        <div className="rec-mission" data-testid="score-mission" data-categories={e.mission.length}>
          {e.mission.map((c, i) => (
            <div key={c.category} className="rec-mission-cell" data-testid="score-mission-category">
              <div className="rec-mission-head">
                <span className="rec-mission-stamp">{i + 1}</span>
                <strong>{c.category || t('common.unknown')}</strong>
                <span className="muted small num">{t('recommend.score.mean', { score: fixed(c.meanScore, 2) })}</span>
              </div>
              <ol className="rec-mission-products">
                {c.products.map((p) => (
                  <li key={p.code} data-code={p.code}>
                    <ProductLine p={p} />
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
