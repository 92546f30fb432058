import type { ChartOption } from './option.js';

/** A saved chart's size in CSS pixels (the title line is added above it). */
export interface ExportSize {
  width: number;
  height: number;
}

/** Slide-sized by default (16:9, issue #14: "sized for a slide (1600×900 default, editable)"). */
export const DEFAULT_EXPORT_SIZE: ExportSize = { width: 1600, height: 900 };
export const MIN_EXPORT_SIDE = 320;
export const MAX_EXPORT_SIDE = 4000;

/** Margin around the drawing (legend and grid) in saved files. */
const MARGIN = 24;
/** ECharts' legend defaults: item gap, marker width, gap between marker and text, font size. */
const LEGEND_GAP = 10;
const LEGEND_ICON_WIDTH = 25;
const LEGEND_ICON_TEXT_GAP = 5;
const LEGEND_FONT = 12;
/** Category labels narrower than this per slot are turned to fit. */
const MIN_SLOT_FOR_FLAT_LABELS = 56;

type Obj = Record<string, unknown>;

/**
 * A grid side in the saved file: at least the margin, but a wider room the chart left on purpose
 * (a visual map or zoom slider beside the plot) is kept, as are percentages.
 */
function room(side: unknown): number | string {
  if (typeof side === 'number') return Math.max(MARGIN, side);
  if (typeof side === 'string') return side;
  return MARGIN;
}

/** A size clamped to what a canvas can hold and a slide needs; NaN and blanks fall back to the default. */
export function clampExportSize(size: Partial<ExportSize>): ExportSize {
  const side = (v: number | undefined, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(Math.min(MAX_EXPORT_SIDE, Math.max(MIN_EXPORT_SIDE, v))) : fallback);
  return { width: side(size.width, DEFAULT_EXPORT_SIZE.width), height: side(size.height, DEFAULT_EXPORT_SIZE.height) };
}

/**
 * Rough text width for layout planning: East Asian wide characters take a full em, others about
 * 0.6 em (system sans fonts). Deliberately generous so planned room is never too small.
 */
export function textWidth(text: string, fontSize = LEGEND_FONT): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const wide = (c >= 0x1100 && c <= 0x11ff) || (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
    w += wide ? fontSize : fontSize * 0.62;
  }
  return Math.ceil(w);
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The names a legend shows: its `data` when given, else every named series (in order, once). */
function legendNames(legend: Obj, option: ChartOption): string[] {
  const data = legend.data as unknown[] | undefined;
  if (Array.isArray(data)) return data.map((d) => (typeof d === 'string' ? d : String((d as Obj | null)?.name ?? '')));
  const names: string[] = [];
  for (const s of asArray(option.series as Obj | Obj[] | undefined)) {
    const name = s.name;
    if (typeof name === 'string' && name !== '' && !names.includes(name)) names.push(name);
  }
  return names;
}

/** How many rows a plain horizontal legend of `names` takes in `width` pixels, and its height. */
export function planLegend(names: readonly string[], width: number, itemWidth = LEGEND_ICON_WIDTH, itemHeight = 14): { rows: number; height: number } {
  if (names.length === 0) return { rows: 0, height: 0 };
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = itemWidth + LEGEND_ICON_TEXT_GAP + textWidth(name) + LEGEND_GAP;
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w;
  }
  const line = Math.max(itemHeight, LEGEND_FONT + 4);
  return { rows, height: rows * line + (rows - 1) * LEGEND_GAP };
}

/**
 * The option a chart is saved with (PNG and SVG alike), for a slide of `size`:
 * - every legend plain (never paged: no "1/3" pager hiding names), wrapped across the full width on
 *   top, with the room it needs computed from its names;
 * - a single grid placed below the legend and made to contain its axis labels and axis names
 *   (ECharts 6 `outerBoundsMode`/`outerBoundsContain: 'all'`), so legend and axis names never meet
 *   and no label is clipped at the edge;
 * - every category label shown (interval 0, no overlap hiding); labels wrap in their slot, or turn
 *   45° when the slots are too narrow;
 * - no animation (the file is drawn once).
 * Pure: the on-screen option is not changed. Multi-grid layouts (small multiples) keep their own
 * grids, made to contain their labels.
 */
export function exportOption(option: ChartOption, size: ExportSize): ChartOption {
  const out: Obj = { ...(option as Obj), animation: false };
  const innerWidth = size.width - 2 * MARGIN;

  let legendBottom = 0;
  const legends = asArray(option.legend as Obj | Obj[] | undefined).map((l) => {
    if (l.show === false) return l;
    const plan = planLegend(legendNames(l, option), innerWidth, typeof l.itemWidth === 'number' ? l.itemWidth : LEGEND_ICON_WIDTH, typeof l.itemHeight === 'number' ? Math.max(l.itemHeight, 14) : 14);
    const top = MARGIN / 2 + legendBottom;
    legendBottom = top + plan.height;
    const plain: Obj = { ...l, type: 'plain', orient: 'horizontal', top, left: MARGIN, right: MARGIN, bottom: undefined, width: innerWidth, height: undefined, itemGap: LEGEND_GAP };
    return plain;
  });
  if (option.legend !== undefined) out.legend = Array.isArray(option.legend) ? legends : legends[0];

  const grids = asArray(option.grid as Obj | Obj[] | undefined);
  const single = !Array.isArray(option.grid);
  const top = legendBottom > 0 ? legendBottom + 16 : MARGIN;
  const placed = single
    ? [{ ...(grids[0] ?? {}), left: room(grids[0]?.left), right: room(grids[0]?.right), top, bottom: room(grids[0]?.bottom), width: undefined, height: undefined, containLabel: undefined, outerBoundsMode: 'same', outerBoundsContain: 'all' }]
    : grids.map((g) => ({ ...g, containLabel: undefined, outerBoundsMode: 'same', outerBoundsContain: 'all' }));
  out.grid = single ? placed[0] : placed;

  // Small multiples sit two to a row (see validityOption); a single grid spans the width.
  const plotWidth = single ? innerWidth : innerWidth / Math.max(1, Math.min(2, grids.length));
  const categoryAxis = (axis: Obj, horizontal: boolean): Obj => {
    if (axis.type !== 'category') return axis;
    const label = (axis.axisLabel as Obj | undefined) ?? {};
    const count = Array.isArray(axis.data) ? axis.data.length : 0;
    if (!horizontal) return { ...axis, axisLabel: { ...label, interval: 0, hideOverlap: false } };
    const slot = count > 0 ? plotWidth / count : innerWidth;
    const flat = slot >= MIN_SLOT_FOR_FLAT_LABELS;
    return {
      ...axis,
      axisLabel: flat
        ? { ...label, interval: 0, hideOverlap: false, rotate: 0, width: Math.floor(slot - 8), overflow: 'break' }
        : { ...label, interval: 0, hideOverlap: false, rotate: 45, width: 160, overflow: 'truncate' },
    };
  };
  if (option.xAxis !== undefined) out.xAxis = Array.isArray(option.xAxis) ? (option.xAxis as Obj[]).map((a) => categoryAxis(a, true)) : categoryAxis(option.xAxis as Obj, true);
  if (option.yAxis !== undefined) out.yAxis = Array.isArray(option.yAxis) ? (option.yAxis as Obj[]).map((a) => categoryAxis(a, false)) : categoryAxis(option.yAxis as Obj, false);
  return out as ChartOption;
}
