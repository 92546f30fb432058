import { useState } from 'react';
import type { ChartOption } from './echarts.js';
import { downloadBlob, renderPng, renderSvg } from './export.js';
import type { ExportSize } from './export-option.js';

/**
 * Save PNG / SVG of a chart at the slide size `sizeAt()` gives (issue #14: 1600×900 by default,
 * editable, remembered), named after its panel; the error, if any, for the card to show. One
 * implementation for ChartCard and the Overview's clickable charts.
 */
export function useChartSave(option: ChartOption | null, title: string, panelId: string, sizeAt: () => ExportSize): { save: (kind: 'png' | 'svg') => Promise<void>; saveError: string | null } {
  const [saveError, setSaveError] = useState<string | null>(null);
  const save = async (kind: 'png' | 'svg') => {
    if (option === null) return;
    setSaveError(null);
    const at = sizeAt();
    try {
      const blob = kind === 'png' ? await renderPng(option, title, at) : renderSvg(option, title, at);
      downloadBlob(blob, `${panelId}.${kind}`);
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : String(err));
    }
  };
  return { save, saveError };
}
