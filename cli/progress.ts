import type { JobProgress } from '../core/model/jobs.js';

function formatCount(n: number, unit?: string): string {
  if (unit === 'bytes') return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.round(n / 1024)} kB`;
  return Math.round(n).toLocaleString('en-US');
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`;
}

/** One line of progress: phase, position, rows/s, percentage, ETA. */
export function progressLine(p: JobProgress): string {
  const parts = [p.phase.padEnd(8)];
  if (p.total > 0) parts.push(`${formatCount(p.done, p.unit)} / ${formatCount(p.total, p.unit)} (${Math.floor((100 * p.done) / p.total)}%)`);
  else if (p.done > 0) parts.push(formatCount(p.done, p.unit));
  if (p.message) parts.push(p.message);
  if (p.rowsPerSecond !== undefined && (p.unit === undefined || p.unit === 'rows' || p.unit === 'bytes' || p.unit === 'customers')) parts.push(`${formatCount(p.rowsPerSecond)} ${p.unit === 'bytes' ? 'rows' : (p.unit ?? 'items')}/s`);
  if (p.etaSeconds !== undefined && p.total > 0 && p.done < p.total) parts.push(`ETA ${formatSeconds(p.etaSeconds)}`);
  return parts.join('  ');
}

/**
 * Progress on stderr: on a terminal one line redrawn in place; otherwise (CI, pipes) a line per
 * phase change and at most one every two seconds, so logs stay readable.
 */
export class ProgressPrinter {
  private lastPhase = '';
  private lastPrint = 0;
  private drawn = false;
  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(p: JobProgress): void {
    const line = progressLine(p);
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${line.slice(0, (this.out.columns || 120) - 1)}`);
      this.drawn = true;
      return;
    }
    const now = Date.now();
    if (p.phase !== this.lastPhase || now - this.lastPrint >= 2000) {
      this.out.write(`${line}\n`);
      this.lastPhase = p.phase;
      this.lastPrint = now;
    }
  }

  end(): void {
    if (this.drawn) this.out.write('\r\x1b[2K');
    this.drawn = false;
  }
}
