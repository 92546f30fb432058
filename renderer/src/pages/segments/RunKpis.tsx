import type { ReactNode } from 'react';
import { ITEMS_AS_MONETARY_NOTE, type SegmentationView } from '../../../../core/model/segment.js';
import { isMessageKey } from '../../i18n/translate.js';
import { useI18n } from '../../i18n/context.js';
import { noteIn } from '../../lib/notes.js';
import { runChoiceText } from './choice.js';
import { exclusionSentences } from './labels.js';
import { pValue } from './numbers.js';
import { scalingText } from './scaling.js';

interface Kpi {
  id: string;
  label: string;
  value: string;
  note?: string;
}

/** The run's headline figures, the chosen k and why, and the export buttons. */
export function RunKpis({ view, actions }: { view: SegmentationView; actions: ReactNode }) {
  const { t, fmt, lang } = useI18n();
  const s = view.summary;
  const items: Kpi[] = [
    { id: 'customers', label: t('segments.kpi.customers'), value: fmt.int(s.customers), note: s.excluded.total > 0 ? t('segments.kpi.excluded', { n: fmt.int(s.excluded.total) }) : undefined },
    { id: 'segments', label: t('segments.kpi.segments'), value: fmt.int(s.segments), note: s.strata ? t('segments.kpi.strata', { n: s.strata.length }) : `k = ${s.k}` },
    { id: 'noise', label: view.analysis === 'stratified-kmeans' ? t('segments.kpi.noise') : t('segments.kpi.outliers'), value: fmt.int(s.noise), note: s.customers > 0 ? fmt.pct(s.noise / s.customers, 1) : undefined },
    { id: 'seconds', label: t('segments.kpi.seconds'), value: fmt.seconds(s.seconds) },
  ];
  // eps is a distance in the raw spend pivot (won): shown with the project's currency (issue #14).
  if (s.eps !== undefined) items.push({ id: 'eps', label: t('segments.kpi.eps'), value: fmt.moneyCompact(s.eps), note: s.minSamples !== undefined ? t('segments.kpi.minSamples', { n: s.minSamples }) : undefined });
  if (s.ksStatistic !== undefined) items.push({ id: 'ks', label: t('segments.kpi.ks'), value: fmt.dec(s.ksStatistic, 3) });
  if (s.ksPValue !== undefined) items.push({ id: 'ksp', label: t('segments.kpi.ksP'), value: pValue(s.ksPValue, fmt.dec), note: s.ksPValue < 0.05 ? t('segments.kpi.ksDiffer') : t('segments.kpi.ksSame') });
  if (s.gamma !== undefined) items.push({ id: 'gamma', label: t('segments.kpi.gamma'), value: fmt.dec(s.gamma, 3) });
  if (s.method !== undefined) items.push({ id: 'method', label: t('segments.kpi.method'), value: s.method.toUpperCase(), note: s.referenceDay ? t('segments.kpi.reference', { day: fmt.day(s.referenceDay) }) : undefined });
  const why = runChoiceText(t, s);
  const left = exclusionSentences(t, fmt.int, s.excluded);
  const scaling = isMessageKey(`segments.featureSet.${s.featureSet}`) ? t(`segments.featureSet.${s.featureSet}` as 'segments.featureSet.rfm') : s.featureSet;
  return (
    <section className="card run-head" data-testid="segment-kpis" data-run-id={view.runId} aria-label={t('segments.kpis')}>
      <div className="card-head">
        <div>
          <h2 className="card-title">
            {t('segments.runTitle', { id: view.runId })} · {t(`analysis.${view.analysis}`)}
          </h2>
          <div className="card-subtitle muted">
            {t('segments.features', { set: scaling, n: s.featureNames.length })} · <span title={s.scaling}>{scalingText(lang, s.scaling)}</span>
          </div>
        </div>
        <div className="card-actions">{actions}</div>
      </div>
      <div className="kpi-grid kpi-grid-tight">
        {items.map((k) => (
          <div key={k.id} className="kpi" data-kpi={k.id}>
            <div className="kpi-label">{k.label}</div>
            <div className="kpi-value num">{k.value}</div>
            {k.note && <div className="kpi-note">{k.note}</div>}
          </div>
        ))}
      </div>
      {left.length > 0 && (
        <p className="choice-note" data-testid="segment-excluded" data-excluded={s.excluded.total}>
          {left.join(' ')}
        </p>
      )}
      {(s.notes ?? []).length > 0 && (
        <ul className="choice-note" data-testid="segment-notes" aria-label={t('segments.notes')}>
          {s.notes!.map((note) => (
            <li key={note}>{note === ITEMS_AS_MONETARY_NOTE ? t('segments.note.itemsAsMonetary') : noteIn(note, lang)}</li>
          ))}
        </ul>
      )}
      {why && (
        <p className="choice-note" data-testid="segment-choice" title={s.choice?.why}>
          <strong>{t('segments.chosen', { k: s.k })}</strong> {why}
        </p>
      )}
    </section>
  );
}
