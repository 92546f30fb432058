import type { ReportChart } from '../../model/report.js';

/**
 * Charts of a report as inline SVG text: no script, no font file, no request, so the HTML opens
 * offline in any browser and prints as vectors. Deliberately plain (labelled bars, one line):
 * a report's chart must survive printing and a slide, and every bar carries its label and value.
 */

const WIDTH = 900;
const COLOURS = ['#2f6fb0', '#e07b39', '#3a9d5d', '#c34a5a', '#7a5cb8', '#8c6d46', '#d06aa6', '#6b7b8c', '#b5a02c', '#2aa5a5'];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Horizontal bars, one per label, each with its value written at its end. */
function bars(chart: ReportChart, format: (n: number) => string): string {
  const rowH = 26;
  const labelW = 260;
  const valueW = 120;
  const top = 10;
  const h = top + chart.labels.length * rowH + 10;
  const max = Math.max(0, ...chart.values.filter(Number.isFinite));
  const span = WIDTH - labelW - valueW - 20;
  const parts = chart.labels.map((label, i) => {
    const v = chart.values[i];
    const w = max > 0 && Number.isFinite(v) && v > 0 ? (v / max) * span : 0;
    const y = top + i * rowH;
    const short = label.length > 38 ? `${label.slice(0, 37)}…` : label;
    return `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end">${escapeXml(short)}</text>` +
      `<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${COLOURS[i % COLOURS.length]}"/>` +
      `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 17}">${escapeXml(format(v))}</text>`;
  });
  return svg(chart, h, parts.join(''));
}

/** One line over the labels (periods), with the first, middle and last label on the axis. */
function line(chart: ReportChart, format: (n: number) => string): string {
  const h = 260;
  const left = 110;
  const right = 20;
  const top = chart.legend ? 34 : 16;
  const bottom = 40;
  const n = chart.values.length;
  const finite = chart.values.filter(Number.isFinite);
  const max = Math.max(0, ...finite);
  const min = Math.min(0, ...finite);
  const x = (i: number): number => left + (n <= 1 ? 0 : (i / (n - 1)) * (WIDTH - left - right));
  const y = (v: number): number => top + (max === min ? 0 : ((max - v) / (max - min)) * (h - top - bottom));
  const pts = (from: number, to: number): string => chart.values.slice(from, to).map((v, j) => (Number.isFinite(v) ? `${x(from + j).toFixed(1)},${y(v).toFixed(1)}` : '')).filter(Boolean).join(' ');
  const split = chart.split !== undefined && chart.split > 0 && chart.split < n ? chart.split : n;
  // A forecast continues the history from its last point, dashed and in the second colour.
  const lines = `<polyline points="${pts(0, split)}" fill="none" stroke="${COLOURS[0]}" stroke-width="2"/>` +
    (split < n ? `<polyline points="${pts(split - 1, n)}" fill="none" stroke="${COLOURS[1]}" stroke-width="2" stroke-dasharray="6 4"/>` : '');
  const legend = chart.legend && split < n
    ? `<rect x="${left + 10}" y="8" width="14" height="3" fill="${COLOURS[0]}"/><text x="${left + 30}" y="13">${escapeXml(chart.legend[0])}</text>` +
      `<rect x="${left + 170}" y="8" width="14" height="3" fill="${COLOURS[1]}"/><text x="${left + 190}" y="13">${escapeXml(chart.legend[1])}</text>`
    : '';
  const ticks = [...new Set([0, Math.floor((n - 1) / 2), n - 1])].filter((i) => i >= 0 && i < n);
  const axis = `<line x1="${left}" y1="${h - bottom}" x2="${WIDTH - right}" y2="${h - bottom}" stroke="#999"/>` +
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${h - bottom}" stroke="#999"/>` +
    `<text x="${left - 6}" y="${top + 5}" text-anchor="end">${escapeXml(format(max))}</text>` +
    `<text x="${left - 6}" y="${h - bottom}" text-anchor="end">${escapeXml(format(min))}</text>` +
    ticks.map((i) => `<text x="${x(i).toFixed(1)}" y="${h - bottom + 18}" text-anchor="${i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle'}">${escapeXml(chart.labels[i])}</text>`).join('');
  // Dots only where they stay readable (a monthly series, not a daily one).
  const dots = n > 60 ? '' : chart.values.map((v, i) => (Number.isFinite(v) ? `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="${COLOURS[i < split ? 0 : 1]}"/>` : '')).join('');
  return svg(chart, h, `${axis}${lines}${dots}${legend}`);
}

function svg(chart: ReportChart, height: number, body: string): string {
  const title = chart.unit ? `${chart.title} (${chart.unit})` : chart.title;
  return `<svg class="chart" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${WIDTH} ${height}" width="100%" font-size="13" fill="#222">${body}</svg>`;
}

/** The chart as an SVG element's text. */
export function chartSvg(chart: ReportChart, format: (n: number) => string): string {
  switch (chart.kind) {
    case 'bars':
      return bars(chart, format);
    case 'line':
      return line(chart, format);
    default: {
      const never: never = chart.kind;
      throw new TypeError(`unknown chart kind ${String(never)}`);
    }
  }
}
