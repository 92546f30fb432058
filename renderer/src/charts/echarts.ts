import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { registerWorkbenchTheme } from './theme.js';

// Only what the Overview draws: four chart types, their components, canvas on screen, SVG for export.
use([BarChart, LineChart, ScatterChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, VisualMapComponent, MarkLineComponent, CanvasRenderer, SVGRenderer]);
registerWorkbenchTheme();

export type { ChartOption } from './option.js';
export { init, type EChartsType } from 'echarts/core';
