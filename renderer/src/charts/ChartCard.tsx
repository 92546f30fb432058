import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/context.js';
import { EChart } from './EChart.js';
import type { ChartOption, EChartsType } from './echarts.js';
import { readExportSize, writeExportSize } from './export-size.js';
import { useChartSave } from './useChartSave.js';

interface Props {
  panelId: string;
  title: string;
  subtitle?: string;
  /** The chart, or null when the panel is unavailable (then `reason` is shown instead). */
  option: ChartOption | null;
  reason?: string;
  height?: number;
  /** Told whether the panel is drawn (chart 'finished' for the current option, or the reason shown). */
  onRendered?(panelId: string, rendered: boolean): void;
  /** Above the chart: a few headline figures. */
  lead?: ReactNode;
  /** Below the chart: a table, a note. */
  children?: ReactNode;
  /** Wide cards span two grid columns. */
  wide?: boolean;
  toolbar?: ReactNode;
}

/**
 * A chart in a card: title, Save PNG / Save SVG, the chart (or why it is unavailable).
 * data-rendered="true" once ECharts reports the current option drawn.
 */
export function ChartCard({ panelId, title, subtitle, option, reason, height = 300, onRendered, children, wide, toolbar, lead }: Props) {
  const { t } = useI18n();
  const instance = useRef<EChartsType | null>(null);
  const available = option !== null;
  // Drawn means: ECharts said 'finished' while this option was the one shown. Comparing options
  // (not resetting a flag) stays right even when 'finished' comes synchronously inside setOption.
  const current = useRef(option);
  current.current = option;
  const [drawn, setDrawn] = useState<ChartOption | null>(null);
  const onFinished = useCallback(() => setDrawn(current.current), []);
  const rendered = !available || drawn === option;

  useEffect(() => {
    onRendered?.(panelId, rendered);
  }, [rendered, panelId, onRendered]);

  // The slide size saved images are drawn at (issue #14: 1600×900 by default, editable, remembered).
  const [size, setSize] = useState(readExportSize);
  const { save, saveError } = useChartSave(option, title, panelId, () => {
    const at = writeExportSize(size);
    setSize(at);
    return at;
  });

  return (
    <section className={`card chart-card${wide && available ? ' wide' : ''}`} data-testid={`chart-${panelId}`} data-rendered={rendered ? 'true' : 'false'} data-available={available ? 'true' : 'false'} aria-label={title}>
      <div className="card-head">
        <div>
          <h2 className="card-title">{title}</h2>
          {subtitle && <div className="card-subtitle muted">{subtitle}</div>}
        </div>
        <div className="card-actions">
          {available && (
            <>
              <span className="export-size small muted" data-testid="export-size">
                <input type="number" className="input input-small" data-testid="export-width" aria-label={t('chart.exportWidth')} title={t('chart.exportWidth')} min={320} max={4000} step={10} value={Number.isFinite(size.width) ? size.width : ''} onChange={(e) => setSize((s) => ({ ...s, width: e.target.valueAsNumber }))} onBlur={() => setSize((s) => writeExportSize(s))} style={{ width: '5.2em' }} />
                ×
                <input type="number" className="input input-small" data-testid="export-height" aria-label={t('chart.exportHeight')} title={t('chart.exportHeight')} min={320} max={4000} step={10} value={Number.isFinite(size.height) ? size.height : ''} onChange={(e) => setSize((s) => ({ ...s, height: e.target.valueAsNumber }))} onBlur={() => setSize((s) => writeExportSize(s))} style={{ width: '5.2em' }} />
              </span>
              <button type="button" className="btn btn-small" data-testid="save-png" onClick={() => void save('png')}>
                {t('chart.savePng')}
              </button>
              <button type="button" className="btn btn-small" data-testid="save-svg" onClick={() => void save('svg')}>
                {t('chart.saveSvg')}
              </button>
            </>
          )}
        </div>
      </div>
      {option !== null && toolbar && <div className="card-tools">{toolbar}</div>}
      {option !== null && lead}
      {option !== null ? (
        <EChart option={option} height={height} instanceRef={instance} onFinished={onFinished} label={title} />
      ) : (
        <div className="unavailable" data-testid="panel-unavailable" style={{ minHeight: Math.min(height, 160) }}>
          <strong>{t('chart.unavailable')}</strong>
          <span>{reason ?? t('chart.noData')}</span>
        </div>
      )}
      {saveError && (
        <p className="text-danger small" role="alert">
          {t('chart.saveFailed', { message: saveError })}
        </p>
      )}
      {children}
    </section>
  );
}
