import { useEffect, useId, useMemo, useState } from 'react';
import type { SegmentationView } from '../../../../core/model/segment.js';
import { ChartCard } from '../../charts/ChartCard.js';
import { useI18n } from '../../i18n/context.js';
import { choiceText } from './choice.js';
import { patternBeside } from './labels.js';
import { elbowOption, groupPoints, pcaOption, validityMetrics, validityOption } from './options.js';

/** Elbow, validity (per stratum for stratified runs) and the PCA scatter. */
export function RunCharts({ view, names }: { view: SegmentationView; names: ReadonlyMap<number, string> }) {
  const { t, fmt } = useI18n();
  const ctx = useMemo(() => ({ t, fmt }), [t, fmt]);
  const strata = view.summary.strata ?? [];
  const [stratumId, setStratumId] = useState<number>(strata[0]?.id ?? 0);
  const stratum = strata.find((s) => s.id === stratumId) ?? strata[0];
  const curve = stratum ? stratum.curve : view.summary.curve;
  const choice = stratum ? stratum.choice : view.summary.choice;
  const selectId = useId();

  const elbow = useMemo(() => (curve && curve.length > 0 ? elbowOption(curve, choice, ctx) : null), [curve, choice, ctx]);
  const validity = useMemo(() => (curve && curve.length > 0 ? validityOption(curve, choice, ctx) : null), [curve, choice, ctx]);
  // Grouping 30k points is the one heavy step: once per run, not per rename or language switch.
  const groups = useMemo(() => groupPoints(view.points), [view.points]);
  // The legend shows each LRFMV segment's pattern beside its name (issue #10 point 4).
  const legendNames = useMemo(() => {
    const m = new Map(names);
    for (const s of view.summary.segmentList) {
      const name = m.get(s.id) ?? s.name;
      const pattern = patternBeside(name, s.pattern);
      if (pattern) m.set(s.id, `${name} (${pattern})`);
    }
    return m;
  }, [names, view.summary.segmentList]);
  const pca = useMemo(() => (groups.length > 0 ? pcaOption({ groups, names: legendNames, explained: view.summary.pcaExplained }, ctx) : null), [groups, legendNames, view.summary.pcaExplained, ctx]);
  // The scatter mounts one task after the rest of the run, so the page's first paint and the
  // 30k-point chart are not one long main-thread task.
  const [pcaReady, setPcaReady] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setPcaReady(true), 0);
    return () => clearTimeout(id);
  }, []);
  const noValidity = curve && validityMetrics(curve).length === 1 ? t('segments.validityMixed') : undefined;

  const stratumPicker = (which: string) =>
    strata.length > 0 ? (
    <label className="inline-field" htmlFor={`${selectId}-${which}`}>
      {t('segments.stratum')}
      <select id={`${selectId}-${which}`} className="input input-small" data-testid={`segment-stratum-${which}`} value={stratum?.id} onChange={(e) => setStratumId(Number(e.target.value))}>
        {strata.map((s) => (
          <option key={s.id} value={s.id}>
            {stratumLabel(t, s)} · k={s.k}
          </option>
        ))}
      </select>
    </label>
    ) : undefined;
  const why = choiceText(t, choice, curve);
  const reason = t('segments.noCurve');
  return (
    <div className="overview-grid segment-charts">
      <ChartCard panelId="elbow" title={t('segments.elbow')} subtitle={why ?? undefined} option={elbow} reason={reason} toolbar={stratumPicker('elbow')} height={300} />
      <ChartCard panelId="validity" title={t('segments.validity')} subtitle={noValidity ?? t('segments.validityHint')} option={validity} reason={reason} toolbar={stratumPicker('validity')} height={300} />
      {pcaReady ? (
      <ChartCard
        panelId="pca"
        title={t('segments.pca')}
        subtitle={t('segments.pcaHint', { n: fmt.int(view.points.x.length) })}
        option={pca}
        reason={t('segments.noPoints')}
        height={480}
        wide
      />
      ) : (
        <section className="card chart-card wide pca-placeholder" style={{ minHeight: 560 }} aria-busy="true" />
      )}
    </div>
  );
}

/**
 * A stratum's name in the UI language: channel group × spend grade, or the spend grade alone when
 * the data have no sales channel (core labels those strata `spend Q<grade>`, issue #14) — never an
 * "offline-only" the data do not say.
 */
export function stratumLabel(t: ReturnType<typeof useI18n>['t'], s: { channel: 'offline' | 'online'; grade: number; label: string }): string {
  if (!hasChannel(s)) return t('segments.stratumGrade', { grade: s.grade });
  return t('segments.stratumLabel', { channel: t(s.channel === 'offline' ? 'segments.offlineOnly' : 'segments.anyOnline'), grade: s.grade });
}

/** Whether a stratum was cut by channel group (data with a sales channel). */
export function hasChannel(s: { grade: number; label: string }): boolean {
  return s.label !== `spend Q${s.grade}`;
}
