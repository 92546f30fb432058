import { useEffect, useRef, type RefObject } from 'react';
import { init, type ChartOption, type EChartsType } from './echarts.js';
import { layoutChart, layoutKey, type ChartSize, type MeasureText } from './layout.js';
import { FONT_FAMILY } from './palette.js';
import { THEME } from './theme.js';

interface Props {
  option: ChartOption;
  height: number;
  /** Receives the live instance (for saving images). */
  instanceRef: RefObject<EChartsType | null>;
  /** Called after ECharts' 'finished' event for the current option. */
  onFinished(): void;
  label: string;
}

/** The chart's element: the live instance hangs on it so E2E tests (and devtools) can read the drawn layout. */
export type ChartElement = HTMLDivElement & { echart?: EChartsType };

let canvas: CanvasRenderingContext2D | null = null;
/** Text widths as the canvas draws them, in the charts' font (legend rows are planned with it). */
const measure: MeasureText = (text, fontSize) => {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (canvas === null) return text.length * fontSize;
  canvas.font = `${fontSize}px ${FONT_FAMILY}`;
  return canvas.measureText(text).width;
};

type Obj = Record<string, unknown>;

/**
 * The laid-out option with what the analyst changed on the drawn chart carried over (the zoom
 * window, series hidden from the legend), so a relayout on resize does not undo them.
 */
function keepView(chart: EChartsType, next: ChartOption): ChartOption {
  const now = chart.getOption() as Obj;
  const out: Obj = { ...(next as Obj) };
  const zooms = now.dataZoom as Obj[] | undefined;
  if (Array.isArray(zooms) && next.dataZoom !== undefined) out.dataZoom = (Array.isArray(next.dataZoom) ? next.dataZoom : [next.dataZoom]).map((z, i) => ({ ...z, start: zooms[i]?.start ?? z.start, end: zooms[i]?.end ?? z.end }));
  const selected = (now.legend as Obj[] | undefined)?.[0]?.selected;
  if (selected !== undefined && next.legend !== undefined && !Array.isArray(next.legend)) out.legend = { ...next.legend, selected: selected as Record<string, boolean> };
  return out as ChartOption;
}

const sizeOf = (node: HTMLElement): ChartSize => ({ width: node.clientWidth, height: node.clientHeight });

/**
 * One ECharts canvas that follows its container's size and replaces its option when it changes.
 * The option is laid out for the canvas' size (charts/layout.ts: legend rows or column, plot room,
 * turned category labels) when set and again when a resize changes that layout; a category label
 * cut with an ellipsis shows its full text as the element's tooltip on hover.
 */
export function EChart({ option, height, instanceRef, onFinished, label }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const current = useRef(option);
  current.current = option;
  const laidOut = useRef('');

  useEffect(() => {
    const node = el.current as ChartElement | null;
    if (node === null) return;
    const chart = init(node, THEME, { renderer: 'canvas' });
    instanceRef.current = chart;
    node.echart = chart;
    const onDone = () => finished.current();
    chart.on('finished', onDone);
    const onOver = (p: { componentType?: string; targetType?: string; value?: unknown }) => {
      if (p.targetType === 'axisLabel' && (p.componentType === 'xAxis' || p.componentType === 'yAxis')) node.title = String(p.value ?? '');
    };
    const onOut = () => node.removeAttribute('title');
    chart.on('mouseover', onOver);
    chart.on('mouseout', onOut);
    const observer = new ResizeObserver(() => {
      if (chart.isDisposed()) return;
      chart.resize();
      const next = layoutChart(current.current, sizeOf(node), measure);
      const key = layoutKey(next);
      if (key === laidOut.current) return;
      laidOut.current = key;
      chart.setOption(keepView(chart, next), { notMerge: true });
    });
    observer.observe(node);
    return () => {
      observer.disconnect();
      chart.off('finished', onDone);
      chart.off('mouseover', onOver);
      chart.off('mouseout', onOut);
      chart.dispose();
      delete node.echart;
      instanceRef.current = null;
    };
  }, [instanceRef]);

  useEffect(() => {
    const node = el.current;
    if (node === null) return;
    const next = layoutChart(option, sizeOf(node), measure);
    laidOut.current = layoutKey(next);
    instanceRef.current?.setOption(next, { notMerge: true });
  }, [option, instanceRef]);

  return <div ref={el} className="echart" style={{ height }} role="img" aria-label={label} />;
}
