import type { ChartOption } from './echarts.js';
import { init } from './echarts.js';
import { exportOption, type ExportSize } from './export-option.js';
import { FONT_FAMILY, TEXT } from './palette.js';
import { svgWithTitle, TITLE_SPACE } from './svg-title.js';
import { THEME } from './theme.js';

const TITLE_FONT = `600 15px ${FONT_FAMILY}`;

/**
 * PNG for a slide: the option re-drawn for export (see exportOption) by an offscreen canvas
 * instance at `size` and twice the resolution on white, with the title written above it (so a
 * pasted image says what it shows). Not the on-screen chart: its size and paged legend would follow.
 */
export async function renderPng(option: ChartOption, title: string, size: ExportSize): Promise<Blob> {
  const { width, height } = size;
  const host = document.createElement('div');
  // Laid out (canvas text needs a document) but off screen and invisible to the reader.
  host.style.cssText = `position:fixed;left:-${width + 100}px;top:0;width:${width}px;height:${height}px;pointer-events:none;`;
  host.setAttribute('aria-hidden', 'true');
  document.body.appendChild(host);
  const chart = init(host, THEME, { renderer: 'canvas', width, height });
  let url: string;
  try {
    chart.setOption(exportOption(option, size));
    url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  } finally {
    chart.dispose();
    host.remove();
  }
  const image = await loadImage(url);
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = (height + TITLE_SPACE) * 2;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('This browser cannot draw on a canvas.');
  ctx.scale(2, 2);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height + TITLE_SPACE);
  ctx.fillStyle = TEXT;
  ctx.font = TITLE_FONT;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, 12, TITLE_SPACE / 2 + 2);
  ctx.drawImage(image, 0, TITLE_SPACE, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('Could not encode the PNG.'))), 'image/png'));
}

/**
 * A standalone SVG for a slide: the option re-drawn for export by an offscreen ECharts instance with
 * the SVG renderer (server-side mode: no DOM, no animation) at `size`, nested under an SVG title.
 */
export function renderSvg(option: ChartOption, title: string, size: ExportSize): Blob {
  return new Blob([svgString(option, title, size)], { type: 'image/svg+xml;charset=utf-8' });
}

/** The SVG document renderSvg saves. */
export function svgString(option: ChartOption, title: string, size: ExportSize): string {
  const { width, height } = size;
  const chart = init(null, THEME, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(exportOption(option, size));
    return svgWithTitle(chart.renderToSVGString(), title, width, height);
  } finally {
    chart.dispose();
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('Could not read the chart image.'));
    img.src = src;
  });
}

/** Saves a blob through an <a download> with a blob: URL (the browser's or Electron's download handling). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
