import type { ChartOption, EChartsType } from './echarts.js';
import { init } from './echarts.js';
import { FONT_FAMILY, TEXT } from './palette.js';
import { svgWithTitle, TITLE_SPACE } from './svg-title.js';
import { THEME } from './theme.js';

const TITLE_FONT = `600 15px ${FONT_FAMILY}`;

/**
 * PNG of the chart as drawn: ECharts' own export at twice the resolution on white, with the title
 * written above it (so a pasted image says what it shows).
 */
export async function renderPng(chart: EChartsType, title: string): Promise<Blob> {
  const width = chart.getWidth();
  const height = chart.getHeight();
  const image = await loadImage(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }));
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
 * A standalone SVG: the same option drawn by an offscreen ECharts instance with the SVG renderer
 * (server-side mode: no DOM, no animation), nested under an SVG title.
 */
export function renderSvg(option: ChartOption, title: string, width: number, height: number): Blob {
  const chart = init(null, THEME, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return new Blob([svgWithTitle(chart.renderToSVGString(), title, width, height)], { type: 'image/svg+xml;charset=utf-8' });
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
