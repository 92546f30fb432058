import { textWidth } from './export-option.js';
import { LEGEND_ICON, LEGEND_ITEM_GAP } from './legend.js';
import type { ChartOption } from './option.js';

/** A chart's drawn size in CSS pixels. */
export interface ChartSize {
  width: number;
  height: number;
}

/** A text's drawn width in pixels at a font size (the browser's canvas measure on screen; an estimate in Node). */
export type MeasureText = (text: string, fontSize: number) => number;

type Obj = Record<string, unknown>;

/** Legend and axis label font size (the theme's default). */
const FONT = 12;
/** ECharts' gap between a legend marker and its name. */
const ICON_TEXT_GAP = 5;
/**
 * One legend row's height as planned. ECharts draws a row as tall as its tallest item (a 12 px
 * name is about 12–17 px depending on the font); planning 16 keeps the room never too small.
 */
const ROW = 16;
/** Between the legend's last row and the plot's outer edge (where axis names begin). */
const LEGEND_TO_PLOT = 10;
/** A top legend taller than this share of the chart moves to the right side, if its names fit there. */
const MAX_TOP_SHARE = 0.25;
/** A right-side legend may take at most this share of the width. */
const MAX_RIGHT_SHARE = 0.35;
/** Plot sides that hold only axis labels and names: contained by ECharts, so no more than this is kept as margin. */
const SIDE = 12;

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The names a legend shows: its `data` when given, else every named series (in order, once). */
export function legendNames(legend: Obj, option: ChartOption): string[] {
  const data = legend.data as unknown[] | undefined;
  if (Array.isArray(data)) return data.map((d) => (typeof d === 'string' ? d : String((d as Obj | null)?.name ?? '')));
  const names: string[] = [];
  for (const s of asArray(option.series as Obj | Obj[] | undefined)) {
    const name = s.name;
    if (typeof name === 'string' && name !== '' && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Where a legend goes and the room it takes. */
export interface LegendPlan {
  place: 'top' | 'right';
  rows: number;
  columns: number;
  /** Pixels the legend takes from the top (place 'top') or from the right (place 'right'). */
  extent: number;
}

/**
 * Plans a plain legend of items `widths` (marker + gap + name, in pixels) in a chart of `size`:
 * across the top, wrapped the way ECharts wraps a horizontal legend (an item that does not fit
 * starts a new row), unless that takes more than a quarter of the height and the names are short
 * enough to stand in columns down the right side (`rightAllowed`: nothing else sits there).
 */
export function planLegendLayout(widths: readonly number[], size: ChartSize, rightAllowed: boolean): LegendPlan {
  if (widths.length === 0) return { place: 'top', rows: 0, columns: 0, extent: 0 };
  let rows = 1;
  let x = 0;
  for (const w of widths) {
    if (x > 0 && x + w > size.width - 2) {
      rows++;
      x = 0;
    }
    x += w + LEGEND_ITEM_GAP;
  }
  const height = rows * ROW + (rows - 1) * LEGEND_ITEM_GAP;
  const widest = Math.max(...widths);
  if (rightAllowed && rows > 2 && height > MAX_TOP_SHARE * size.height) {
    const perColumn = Math.max(1, Math.floor((size.height - 16 + LEGEND_ITEM_GAP) / (ROW + LEGEND_ITEM_GAP)));
    const columns = Math.ceil(widths.length / perColumn);
    const extent = columns * (widest + LEGEND_ITEM_GAP);
    if (extent <= MAX_RIGHT_SHARE * size.width) return { place: 'right', rows: Math.min(perColumn, widths.length), columns, extent };
  }
  return { place: 'top', rows, columns: 1, extent: height };
}

/** Whether the chart keeps something of its own on the right (a visual map, a vertical zoom slider). */
function rightTaken(option: ChartOption): boolean {
  const zooms = asArray(option.dataZoom as Obj | Obj[] | undefined);
  const maps = asArray(option.visualMap as Obj | Obj[] | undefined);
  return zooms.some((z) => z.type === 'slider' && z.yAxisIndex !== undefined) || maps.some((m) => m.show !== false);
}

/** Whether the chart keeps something under its plot (a zoom slider, a visual map): then the bottom margin is its room. */
function bottomTaken(option: ChartOption): boolean {
  return asArray(option.dataZoom as Obj | Obj[] | undefined).some((z) => z.type === 'slider' && z.yAxisIndex === undefined) || asArray(option.visualMap as Obj | Obj[] | undefined).some((m) => m.show !== false);
}

/** Whether a series labels a mark line (drawn just outside the plot's edge, so it needs room beside the legend). */
function markLineLabelled(option: ChartOption): boolean {
  return asArray(option.series as Obj | Obj[] | undefined).some((s) => {
    const line = s.markLine as Obj | undefined;
    return line !== undefined && (line.label as Obj | undefined)?.show !== false && (line.label as Obj | undefined)?.formatter !== undefined;
  });
}

/** Value axis tick labels that would touch are thinned (a value axis needs no every tick; Korean units are wide). */
function valueLabels(axis: Obj): Obj {
  if (axis.type !== 'value' && axis.type !== undefined) return axis;
  return { ...axis, axisLabel: { hideOverlap: true, ...((axis.axisLabel as Obj | undefined) ?? {}) } };
}

/**
 * Labels of a horizontal category axis that fit their slot stay flat; otherwise they turn (30°,
 * or 45° in narrow slots) and every one is still drawn, cut to 120 px with an ellipsis (the full
 * text shows on hover: `triggerEvent`, see EChart.tsx). Slots under 16 px cannot hold a turned
 * line each: then ECharts thins them (hideOverlap) rather than piling them up. An axis whose
 * option already chose its rotation keeps it.
 */
function categoryLabels(axis: Obj, plotWidth: number, measure: MeasureText): Obj {
  if (axis.type !== 'category' || !Array.isArray(axis.data)) return axis;
  const label = (axis.axisLabel as Obj | undefined) ?? {};
  const out = { ...axis, triggerEvent: true };
  if (label.rotate !== undefined || label.show === false || axis.data.length === 0) return out;
  const texts = axis.data.map((d) => (typeof d === 'object' && d !== null ? String((d as Obj).value ?? '') : String(d)));
  const slot = plotWidth / texts.length;
  const fontSize = num(label.fontSize, FONT);
  const limit = typeof label.width === 'number' ? label.width : Infinity;
  const widest = Math.max(...texts.map((t) => Math.min(limit, measure(t, fontSize))));
  if (widest <= slot - 6 || label.overflow === 'break') return out;
  if (slot < 16) return { ...out, axisLabel: { ...label, rotate: 45, width: 120, overflow: 'truncate', hideOverlap: true } };
  return { ...out, axisLabel: { ...label, rotate: slot < 28 ? 45 : 30, width: 120, overflow: 'truncate', interval: 0, hideOverlap: false } };
}

/**
 * The on-screen option for a chart drawn at `size` (issue #14):
 * - a shown legend at the top (not set to the bottom) is plain, never paged, and placed where it
 *   cannot meet anything: wrapped across the width with the plot moved down by its rows, or in
 *   columns down the right side for a long list, the plot narrowed by its width;
 * - a single grid then contains its axis labels and names (ECharts 6 outer bounds), so axis names
 *   sit below the legend and no label is clipped at the canvas edge; sides that only held axis
 *   names or labels are narrowed, the room kept for a visual map or a zoom slider stays;
 * - long horizontal category labels turn and are cut rather than overlap (`categoryLabels`);
 *   value axis tick labels that would touch are thinned.
 * Pure: used at draw and resize by EChart.tsx, and unit-tested in Node with the estimate measure.
 */
export function layoutChart(option: ChartOption, size: ChartSize, measure: MeasureText = (t, f) => textWidth(t, f)): ChartOption {
  if (size.width <= 0 || size.height <= 0) return option;
  const out: Obj = { ...(option as Obj) };
  const grids = asArray(option.grid as Obj | Obj[] | undefined);
  const single = option.grid !== undefined && !Array.isArray(option.grid);

  let plan: LegendPlan | null = null;
  const legends = asArray(option.legend as Obj | Obj[] | undefined).map((l, i) => {
    if (i > 0 || l.show === false || l.bottom !== undefined) return l;
    const left = num(l.left, 0);
    const right = num(l.right, 0);
    const iconWidth = num(l.itemWidth, LEGEND_ICON.itemWidth);
    const widths = legendNames(l, option).map((n) => iconWidth + ICON_TEXT_GAP + Math.ceil(measure(n, FONT)) + 2);
    plan = planLegendLayout(widths, { width: size.width - left - right, height: size.height }, single && !rightTaken(option));
    const common = { ...l, type: 'plain', itemGap: LEGEND_ITEM_GAP };
    return plan.place === 'right'
      ? { ...common, orient: 'vertical', top: 8, bottom: undefined, right: 0, left: undefined, width: undefined, height: size.height - 16 }
      : { ...common, orient: 'horizontal', top: num(l.top, 0), bottom: undefined, left, right, width: undefined, height: undefined };
  });
  if (option.legend !== undefined) out.legend = Array.isArray(option.legend) ? legends : legends[0];

  const legendPlan = plan as LegendPlan | null;
  if (single) {
    const g = grids[0];
    const gap = LEGEND_TO_PLOT + (markLineLabelled(option) ? ROW + 4 : 0);
    const top = legendPlan === null || legendPlan.extent === 0 ? Math.min(num(g.top, SIDE), SIDE * 2) : legendPlan.place === 'top' ? legendPlan.extent + gap : SIDE;
    const right = legendPlan?.place === 'right' ? legendPlan.extent + SIDE : rightTaken(option) ? num(g.right, SIDE) : Math.min(num(g.right, SIDE), SIDE * 2);
    const bottom = bottomTaken(option) ? num(g.bottom, SIDE) : Math.min(num(g.bottom, SIDE), SIDE);
    const left = Math.min(num(g.left, SIDE), SIDE);
    out.grid = { ...g, top, right, bottom, left, containLabel: undefined, outerBoundsMode: 'same', outerBoundsContain: 'all' };
  } else if (legendPlan !== null && legendPlan.place === 'top' && legendPlan.rows > 1) {
    // Small multiples under a top legend: each grid moves down by the rows beyond the first.
    const extra = (legendPlan.rows - 1) * (ROW + LEGEND_ITEM_GAP);
    out.grid = grids.map((g) => (typeof g.top === 'number' ? { ...g, top: g.top + extra } : g));
  }

  if (single) {
    const plotWidth = Math.max(40, size.width - 80 - (legendPlan?.place === 'right' ? legendPlan.extent : 0));
    const x = (a: Obj) => (a.type === 'category' ? categoryLabels(a, plotWidth, measure) : valueLabels(a));
    const y = (a: Obj) => (a.type === 'category' ? { ...a, triggerEvent: true } : valueLabels(a));
    if (option.xAxis !== undefined) out.xAxis = Array.isArray(option.xAxis) ? (option.xAxis as Obj[]).map(x) : x(option.xAxis as Obj);
    if (option.yAxis !== undefined) out.yAxis = Array.isArray(option.yAxis) ? (option.yAxis as Obj[]).map(y) : y(option.yAxis as Obj);
  }
  return out as ChartOption;
}

/** The parts of a laid-out option that depend on the size (compared to skip needless redraws on resize). */
export function layoutKey(option: ChartOption): string {
  const pick = (v: unknown): Obj[] => asArray(v as Obj | Obj[] | undefined).map((o) => ({ ...o, data: undefined }));
  return JSON.stringify({ legend: pick(option.legend), grid: option.grid, x: pick(option.xAxis).map((a) => a.axisLabel), y: pick(option.yAxis).map((a) => a.axisLabel) });
}
