import type { RuleRow } from '../../../../core/model/rules.js';
import { textWidth } from '../../charts/export-option.js';
import type { ChartOption } from '../../charts/option.js';
import { ACCENT, MUTED, PALETTE, SEQUENTIAL } from '../../charts/palette.js';

interface Labels {
  support: string;
  confidence: string;
  lift: string;
}

/** Support × confidence of every shown rule, coloured by lift (as arulesViz's default scatter). */
export function scatterOption(points: readonly [number, number, number][], labels: Labels): ChartOption | null {
  if (points.length === 0) return null;
  let lo = Infinity, hi = -Infinity;
  for (const p of points) {
    if (p[2] < lo) lo = p[2];
    if (p[2] > hi) hi = p[2];
  }
  return {
    animation: false,
    grid: { left: 60, right: 90, top: 20, bottom: 50 },
    tooltip: { trigger: 'item', formatter: (p: unknown) => { const v = (p as { value?: number[] | null } | null)?.value; if (!v) return ''; return `${labels.support} ${v[0].toFixed(4)}<br/>${labels.confidence} ${v[1].toFixed(3)}<br/>${labels.lift} ${v[2].toFixed(2)}`; } },
    xAxis: { type: 'value', name: labels.support, nameLocation: 'middle', nameGap: 30, scale: true },
    yAxis: { type: 'value', name: labels.confidence, nameLocation: 'middle', nameGap: 45, min: 0, max: 1 },
    visualMap: { type: 'continuous', dimension: 2, min: lo, max: hi === lo ? lo + 1 : hi, right: 0, top: 'middle', text: [labels.lift, ''], calculable: false, inRange: { color: SEQUENTIAL.slice(1) } },
    series: [{ type: 'scatter', symbolSize: 6, large: points.length > 2000, data: points.map((p) => [...p]) }],
  };
}

/** Item labels of the rules graph are cut to this width. */
const LABEL_WIDTH = 110;

/**
 * The top rules as a graph: items are labelled nodes, each rule a small node sized by support,
 * with edges antecedent item → rule → consequent item (arulesViz's "graph" method), on a circle:
 * a fixed layout, so the picture and its SVG are the same on every draw (a force layout is random
 * and its view transform can degenerate while it settles).
 */
export function graphOption(rows: readonly RuleRow[], top: number): ChartOption | null {
  const shown = rows.slice(0, top);
  if (shown.length === 0) return null;
  const items = new Map<string, number>();
  for (const r of shown) for (const i of [...r.antecedents, ...r.consequents]) items.set(i, (items.get(i) ?? 0) + 1);
  const maxSupport = Math.max(...shown.map((r) => r.support));
  // Around the circle: each rule after the items it introduces, so a rule sits near its items.
  const placed = new Set<string>();
  const nodes: object[] = [];
  shown.forEach((r, k) => {
    for (const name of [...r.antecedents, ...r.consequents]) {
      if (placed.has(name)) continue;
      placed.add(name);
      nodes.push({ id: `i:${name}`, name, symbolSize: 12 + 3 * Math.min(items.get(name)!, 6), itemStyle: { color: PALETTE[1] }, label: { show: true, fontSize: 11, width: LABEL_WIDTH, overflow: 'truncate' } });
    }
    nodes.push({ id: `r:${k}`, name: `${r.antecedents.join(' & ')} → ${r.consequents.join(' & ')}`, symbolSize: 5 + 12 * Math.sqrt(r.support / maxSupport), itemStyle: { color: ACCENT }, label: { show: false }, value: r.lift });
  });
  const links = shown.flatMap((r, k) => [...r.antecedents.map((a) => ({ source: `i:${a}`, target: `r:${k}` })), ...r.consequents.map((c) => ({ source: `r:${k}`, target: `i:${c}` }))]);
  // Item labels point outwards along the radius: the circle keeps that much room on every side,
  // top and bottom too, so no label leaves the canvas (issue #14); longer names are cut (full name on hover).
  const room = Math.min(LABEL_WIDTH, Math.max(0, ...[...items.keys()].map((name) => textWidth(name, 11)))) + 30;
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: (p: unknown) => { const d = p as { dataType?: string; name?: string; value?: number } | null; if (!d) return ''; return d.dataType === 'node' ? (d.value !== undefined ? `${d.name}<br/>lift ${d.value.toFixed(2)}` : (d.name ?? '')) : ''; } },
    series: [{ type: 'graph', layout: 'circular', circular: { rotateLabel: true }, left: room, right: room, top: room, bottom: room, edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 6, lineStyle: { color: MUTED, opacity: 0.6 }, data: nodes, links }],
  };
}
