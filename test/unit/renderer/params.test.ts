import { describe, expect, it } from 'vitest';
import { basename } from '../../../renderer/src/lib/path.js';
import { compactParams } from '../../../renderer/src/lib/params.js';

describe('compactParams', () => {
  it('writes key=value pairs, shortening paths and long lists', () => {
    expect(compactParams({ size: 'tiny', seed: 1 })).toBe('size=tiny seed=1');
    expect(compactParams({ files: ['/tmp/a/DEMO.csv', 'C:\\data\\PDDE.csv'], map: {} })).toBe('files=[DEMO.csv, PDDE.csv] map={}');
    expect(compactParams({ files: ['a', 'b', 'c', 'd'] })).toBe('files=[4 items]');
    expect(compactParams({ map: { customer: 'CustomerID' }, x: undefined })).toBe('map={customer:CustomerID}');
    expect(compactParams(null)).toBe('');
  });

  it('takes the last part of either kind of path', () => {
    expect(basename('/tmp/x/online_retail.csv')).toBe('online_retail.csv');
    expect(basename('C:\\x\\LPOINT_BIG_COMP_01_DEMO.csv')).toBe('LPOINT_BIG_COMP_01_DEMO.csv');
    expect(basename('plain')).toBe('plain');
  });
});
