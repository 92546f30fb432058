import { registerTheme } from 'echarts/core';
import { FONT_FAMILY, GRID_LINE, MUTED, PALETTE, TEXT } from './palette.js';

/** The registered theme's name (screen and export charts both use it). */
export const THEME = 'workbench';

/** One theme for screen and export: palette, font, quiet axes and grid lines. */
export function registerWorkbenchTheme(): void {
  const axis = {
    axisLine: { lineStyle: { color: '#c5ccd8' } },
    axisTick: { lineStyle: { color: '#c5ccd8' } },
    axisLabel: { color: MUTED },
    splitLine: { lineStyle: { color: GRID_LINE } },
    nameTextStyle: { color: MUTED },
  };
  registerTheme(THEME, {
    color: PALETTE,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT },
    title: { textStyle: { color: TEXT, fontSize: 15, fontWeight: 600 }, subtextStyle: { color: MUTED } },
    legend: { textStyle: { color: TEXT } },
    categoryAxis: { ...axis, splitLine: { show: false } },
    valueAxis: axis,
    timeAxis: axis,
    line: { symbolSize: 5, lineStyle: { width: 2 } },
    bar: { itemStyle: { borderRadius: [3, 3, 0, 0] } },
    tooltip: { backgroundColor: 'rgba(255,255,255,0.97)', borderColor: GRID_LINE, textStyle: { color: TEXT, fontSize: 12 } },
  });
}
