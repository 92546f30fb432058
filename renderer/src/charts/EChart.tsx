import { useEffect, useRef, type RefObject } from 'react';
import { init, type ChartOption, type EChartsType } from './echarts.js';
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

/** One ECharts canvas that follows its container's size and replaces its option when it changes. */
export function EChart({ option, height, instanceRef, onFinished, label }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    const node = el.current;
    if (node === null) return;
    const chart = init(node, THEME, { renderer: 'canvas' });
    instanceRef.current = chart;
    const onDone = () => finished.current();
    chart.on('finished', onDone);
    const observer = new ResizeObserver(() => {
      if (!chart.isDisposed()) chart.resize();
    });
    observer.observe(node);
    return () => {
      observer.disconnect();
      chart.off('finished', onDone);
      chart.dispose();
      instanceRef.current = null;
    };
  }, [instanceRef]);

  useEffect(() => {
    instanceRef.current?.setOption(option, { notMerge: true });
  }, [option, instanceRef]);

  return <div ref={el} className="echart" style={{ height }} role="img" aria-label={label} />;
}
