import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { EChart } from '../../../charts/EChart.js';
import type { ChartOption, EChartsType } from '../../../charts/echarts.js';
import { readExportSize } from '../../../charts/export-size.js';
import { useChartSave } from '../../../charts/useChartSave.js';
import { useI18n } from '../../../i18n/context.js';

interface Props {
  panelId: string;
  title: string;
  subtitle?: string;
  option: ChartOption;
  /** The category axis: 'x' for columns, 'y' for horizontal bars. */
  axis?: 'x' | 'y';
  /** Told the index of the category clicked (anywhere in its column of the plot, so empty bars can be picked too) and the value axis' value there. */
  onPick(index: number, value: number): void;
  toolbar?: ReactNode;
  height?: number;
  onRendered(panelId: string, rendered: boolean): void;
}

/**
 * A chart card of the Overview for every file whose bars can be clicked: a click inside the plot
 * is turned into the category under it (convertFromPixel on the grid), so a thin or empty bar is
 * as easy to pick as a tall one. data-rendered="true" once ECharts drew the current option.
 */
export function ClickChart({ panelId, title, subtitle, option, axis = 'x', onPick, toolbar, height = 260, onRendered }: Props) {
  const { t } = useI18n();
  const instance = useRef<EChartsType | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const current = useRef(option);
  current.current = option;
  const [drawn, setDrawn] = useState<ChartOption | null>(null);
  const onFinished = useCallback(() => setDrawn(current.current), []);
  const rendered = drawn === option;
  useEffect(() => onRendered(panelId, rendered), [rendered, panelId, onRendered]);

  // EChart's own effect (a child's) has created the instance when this one runs.
  useEffect(() => {
    const chart = instance.current;
    if (chart === null) return;
    const zr = chart.getZr();
    const onClick = (e: { offsetX: number; offsetY: number }) => {
      const point = [e.offsetX, e.offsetY];
      if (!chart.containPixel({ gridIndex: 0 }, point)) return;
      const value = chart.convertFromPixel({ gridIndex: 0 }, point) as number[] | number;
      if (!Array.isArray(value)) return;
      const [index, at] = axis === 'x' ? [value[0], value[1]] : [value[1], value[0]];
      if (Number.isFinite(index)) pick.current(Math.round(index), at);
    };
    zr.on('click', onClick);
    return () => {
      zr.off('click', onClick);
    };
  }, [axis]);

  // Save PNG / SVG as every chart card of the app has them (charts/ChartCard.tsx), at the remembered slide size.
  const { save, saveError } = useChartSave(option, title, panelId, readExportSize);

  return (
    <section className="card chart-card" data-testid={`chart-${panelId}`} data-rendered={rendered ? 'true' : 'false'} data-available="true" aria-label={title}>
      <div className="card-head">
        <div>
          <h2 className="card-title">{title}</h2>
          <div className="card-subtitle muted">{subtitle ?? t('explore.clickHint')}</div>
        </div>
        <div className="card-actions">
          <button type="button" className="btn btn-small" data-testid="save-png" onClick={() => void save('png')}>
            {t('chart.savePng')}
          </button>
          <button type="button" className="btn btn-small" data-testid="save-svg" onClick={() => void save('svg')}>
            {t('chart.saveSvg')}
          </button>
        </div>
      </div>
      {toolbar && <div className="card-tools">{toolbar}</div>}
      <div style={{ cursor: 'pointer' }}>
        <EChart option={option} height={height} instanceRef={instance} onFinished={onFinished} label={title} />
      </div>
      {saveError && (
        <p className="text-danger small" role="alert">
          {t('chart.saveFailed', { message: saveError })}
        </p>
      )}
    </section>
  );
}
