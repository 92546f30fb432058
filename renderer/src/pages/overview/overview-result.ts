import type { OverviewResult } from '../../../../core/model/overview.js';

/** Every panel of the result, by the key the page renders it under. */
export const PANEL_KEYS = ['kpis', 'demographics', 'regions', 'retailerSales', 'partnerSales', 'channelTrend', 'heatmap', 'topCategories', 'priceSpread', 'lpay', 'cohort', 'retailerThemes'] as const;

/**
 * The host's `overview` as an OverviewResult, when it has every panel with its `available` flag;
 * null otherwise (an older or broken run: the page says so instead of crashing on it).
 */
export function asOverview(value: unknown): OverviewResult | null {
  if (value === null || typeof value !== 'object') return null;
  const o = value as Record<string, unknown>;
  for (const key of PANEL_KEYS) {
    const panel = o[key];
    if (panel === null || typeof panel !== 'object' || typeof (panel as { available?: unknown }).available !== 'boolean') return null;
  }
  return value as OverviewResult;
}
