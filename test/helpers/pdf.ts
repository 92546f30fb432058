import { spawnSync } from 'node:child_process';

/** Distinct colours of page 1 of a PDF rendered as a PPM by pdftoppm (a blank page has one; counting stops at 1,000). */
export function pageColours(pdf: string): number {
  const ppm = spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-singlefile', pdf], { maxBuffer: 64 << 20 }).stdout;
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm wrote no PPM');
  const px = ppm.subarray(header[0].length);
  const seen = new Set<number>();
  for (let i = 0; i + 2 < px.length && seen.size < 1000; i += 3) seen.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
  return seen.size;
}
