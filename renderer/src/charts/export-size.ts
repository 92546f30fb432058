import { clampExportSize, DEFAULT_EXPORT_SIZE, type ExportSize } from './export-option.js';

/**
 * The size saved charts are drawn at, remembered in localStorage (one entry for every chart: an
 * analyst sizes for one slide deck at a time). Unreadable storage only loses the memory.
 */
export const EXPORT_SIZE_KEY = 'swb.exportSize';

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function storage(): KeyValueStore | undefined {
  return (globalThis as { localStorage?: KeyValueStore }).localStorage;
}

/** The remembered size, or 1600×900. */
export function readExportSize(): ExportSize {
  try {
    const value = JSON.parse(storage()?.getItem(EXPORT_SIZE_KEY) ?? 'null') as Partial<ExportSize> | null;
    return value !== null && typeof value === 'object' ? clampExportSize(value) : { ...DEFAULT_EXPORT_SIZE };
  } catch {
    return { ...DEFAULT_EXPORT_SIZE };
  }
}

/** Remembers `size` (clamped) and returns what was stored. */
export function writeExportSize(size: Partial<ExportSize>): ExportSize {
  const clamped = clampExportSize(size);
  try {
    storage()?.setItem(EXPORT_SIZE_KEY, JSON.stringify(clamped));
  } catch {
    // Private modes and full quotas: the size still applies to this save.
  }
  return clamped;
}
