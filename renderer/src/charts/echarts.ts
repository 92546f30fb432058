import { BarChart, GraphChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { registerWorkbenchTheme } from './theme.js';

// What the pages draw: five chart types (graph: the Rules page's items and rules), their components (data zoom for the PCA view), canvas on screen, SVG for export.
use([BarChart, LineChart, ScatterChart, HeatmapChart, GraphChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, VisualMapComponent, MarkLineComponent, MarkPointComponent, DataZoomComponent, CanvasRenderer, SVGRenderer]);
registerWorkbenchTheme();

export type { ChartOption } from './option.js';
export { init, type EChartsType } from 'echarts/core';
