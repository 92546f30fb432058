import { FONT_FAMILY, TEXT } from './palette.js';

/** Room above the chart for its title in saved files (on screen the title is the card's heading). */
export const TITLE_SPACE = 36;

/** Wraps an <svg> document under a title line (the inner one keeps its own size and viewBox). */
export function svgWithTitle(inner: string, title: string, width: number, height: number): string {
  const nested = inner.replace(/^<svg\b/, `<svg x="0" y="${TITLE_SPACE}"`);
  const total = height + TITLE_SPACE;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">`,
    `<rect width="${width}" height="${total}" fill="#fff"/>`,
    `<text x="12" y="${TITLE_SPACE / 2 + 2}" dominant-baseline="middle" font-family="${escapeXml(FONT_FAMILY)}" font-size="15" font-weight="600" fill="${TEXT}">${escapeXml(title)}</text>`,
    nested,
    '</svg>',
  ].join('\n');
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}
