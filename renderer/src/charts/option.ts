import type { BarSeriesOption, GraphSeriesOption, HeatmapSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { DataZoomComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption, MarkPointComponentOption, TitleComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/**
 * The option type of every chart in the app, checked against the parts registered in echarts.ts.
 * Type-only: option builders import this without loading ECharts (they are unit-tested in Node).
 */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | ScatterSeriesOption | HeatmapSeriesOption | GraphSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | TitleComponentOption | VisualMapComponentOption | MarkLineComponentOption | MarkPointComponentOption | DataZoomComponentOption
>;
