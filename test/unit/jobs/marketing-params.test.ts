import { describe, expect, it } from 'vitest';
import { marketingParams } from '../../../core/jobs/marketing/params.js';

describe('marketing-response parameters', () => {
  it('defaults: lags 0–7, no segmentation, bounds and channels chosen by the analysis', () => {
    expect(marketingParams.parse({})).toEqual({ maxLag: 7 });
  });

  it('reads the CLI strings: tier bounds "a,b", channel lists "A,B", integers', () => {
    expect(marketingParams.parse({ offlineTierBounds: '1250, 3250', channels: 'Online_Spend,Offline_Spend', maxLag: '3', segmentRun: '2' })).toEqual({
      offlineTierBounds: [1250, 3250], channels: ['Online_Spend', 'Offline_Spend'], maxLag: 3, segmentRun: 2,
    });
    expect(marketingParams.parse({ offlineTierBounds: [1, 2] }).offlineTierBounds).toEqual([1, 2]);
  });

  it('refuses descending or malformed bounds, a lag out of range and unknown names', () => {
    expect(marketingParams.safeParse({ offlineTierBounds: '3000,1000' }).success).toBe(false);
    expect(marketingParams.safeParse({ offlineTierBounds: '1000' }).success).toBe(false);
    expect(marketingParams.safeParse({ offlineTierBounds: '1000,x' }).success).toBe(false);
    expect(marketingParams.safeParse({ maxLag: 29 }).success).toBe(false);
    expect(marketingParams.safeParse({ lags: 3 }).success).toBe(false);
  });
});
