import { describe, expect, it } from 'vitest';
import { LRFMV_PATTERNS, nameLrfmvSegments } from '../../../../core/analysis/segment/lrfmv-names.js';
import { lrfmvPattern, parseLrfmvPattern } from '../../../../core/model/segment.js';
import { translate } from '../../../../renderer/src/i18n/translate.js';
import { displayName, patternBeside } from '../../../../renderer/src/pages/segments/labels.js';

const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
const ko = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('ko', key, params);
const names = (z: number[][]) => nameLrfmvSegments(z).map((x) => x.name);

/** Issue #10 point 4: a seed name only when the pattern says so, otherwise a descriptive name. */
describe('LRFMV segment names from sign patterns (seed 004)', () => {
  it('defines the four seed patterns as the seed does (R high = lapsed, so royal has R−)', () => {
    expect(Object.fromEntries(LRFMV_PATTERNS.map((p) => [p.name, lrfmvPattern(p.signs)]))).toEqual({
      royal: 'L+ R− F+ M+ V+', 'high-performing': 'L− R+ F− M− V+', general: 'L+ R− F+ M+ V−', 'low-performing': 'L− R+ F− M− V−',
    });
    expect(parseLrfmvPattern('L− R+ F− M− V−')).toEqual([-1, 1, -1, -1, -1]);
    expect(parseLrfmvPattern('L- R+ F- M- V-')).toBeNull();
  });

  it('names the four seed patterns and gives each segment its pattern', () => {
    const z = [
      [-1, 1, -1, -1, -1],
      [1, -1, 1, 1, 1],
      [-0.5, 0.5, -0.5, -0.5, 0.8],
      [0.7, -0.6, 0.4, 0.2, -0.9],
    ];
    const r = nameLrfmvSegments(z);
    expect(r.map((x) => x.name)).toEqual(['low-performing', 'royal', 'high-performing', 'general']);
    expect(r.map((x) => x.pattern)).toEqual(['L− R+ F− M− V−', 'L+ R− F+ M+ V+', 'L− R+ F− M− V+', 'L+ R− F+ M+ V−']);
  });

  it('two segments with the same pattern (L− R+ F− M− V−): only the better fit gets the seed name, the other is described, none is "high-performing"', () => {
    const z = [
      [1.2, -0.9, 1.5, 1.8, 0.4], // royal
      [-0.3, 0.2, -0.2, -0.1, -0.05], // L− R+ F− M− V−, weak
      [-0.9, 1.1, -0.6, -0.7, -0.8], // L− R+ F− M− V−, strong
      [0.5, -0.4, 0.3, 0.2, -0.6], // general
    ];
    const r = nameLrfmvSegments(z);
    expect(r.map((x) => x.name)).toEqual(['royal', 'short, lapsed, light: L− R+ F− M− V−', 'low-performing', 'general']);
    expect(r.some((x) => x.name.includes('high-performing'))).toBe(false);
  });

  it('"royal" only for L+ R− F+ M+ V+: L and R the wrong way round get a descriptive name', () => {
    const r = nameLrfmvSegments([
      [-0.4, 0.6, 1.1, 1.3, 0.9], // L− R+ F+ M+ V+: two signs off royal, two off high-performing
      [-1, 1, -1, -1, -1],
      [0.3, -0.5, -0.2, -0.4, -0.3], // L+ R− F− M− V−
    ]);
    expect(r[0].name).toBe('short, lapsed, heavy: L− R+ F+ M+ V+');
    expect(r[1].name).toBe('low-performing');
    expect(r[2].name).toBe('long-standing, recent, light: L+ R− F− M− V−');
    for (const x of r) {
      const seed = LRFMV_PATTERNS.find((p) => x.name === p.name);
      if (seed) expect(x.pattern).toBe(lrfmvPattern(seed.signs));
    }
  });

  it('four of five signs: the seed name with the fifth said, only while the name is free and the pattern is no seed pattern', () => {
    expect(names([[0.8, 0.1, 0.9, 1.2, 0.7], [-1, 1, -1, -1, -1]])).toEqual(['royal, but R+', 'low-performing']);
    // Royal taken by an exact match: the near one is described instead.
    expect(names([[1, -1, 1, 1, 1], [0.8, 0.1, 0.9, 1.2, 0.7]])).toEqual(['royal', 'long-standing, lapsed, heavy: L+ R+ F+ M+ V+']);
    // An exact pattern whose name is taken is never given its neighbour's name (general is one sign from royal).
    expect(names([[1, -1, 1, 1, 1], [0.5, -0.5, 0.5, 0.5, 0.2]])).toEqual(['royal', 'long-standing, recent, heavy: L+ R− F+ M+ V+']);
  });

  it('repeats of a descriptive name are numbered; more than four segments need no numbered seed names', () => {
    const r = names([[1, -1, 1, 1, 1], [-1, 1, -1, -1, -1], [1, -1, 1, 1, -1], [-1, 1, -1, -1, 1], [0.9, -1, 1, 1, 1], [0.8, -0.9, 0.9, 0.9, 0.9]]);
    expect(r.slice(0, 4)).toEqual(['royal', 'low-performing', 'general', 'high-performing']);
    expect(r.slice(4)).toEqual(['long-standing, recent, heavy: L+ R− F+ M+ V+', 'long-standing, recent, heavy: L+ R− F+ M+ V+ (2)']);
    expect(new Set(r).size).toBe(r.length);
  });

  it('mixed F, M, V are worded one by one', () => {
    expect(names([[-1, -1, 1, -1, 1]])).toEqual(['short, recent, frequent, low-spending, large baskets: L− R− F+ M− V+']);
  });

  it('the same rule in Korean: seed names, "but" names and descriptive names are translated, the pattern kept', () => {
    expect(displayName(en, 'short, lapsed, light: L− R+ F− M− V−')).toBe('short, lapsed, light: L− R+ F− M− V−');
    expect(displayName(ko, 'short, lapsed, light: L− R+ F− M− V−')).toBe('단기 거래, 이탈, 라이트: L− R+ F− M− V−');
    expect(displayName(ko, 'long-standing, recent, heavy: L+ R− F+ M+ V+ (2)')).toBe('장기 거래, 최근 구매, 헤비: L+ R− F+ M+ V+ (2)');
    expect(displayName(ko, 'royal, but R+')).toBe('로열, 단 R+');
    expect(displayName(en, 'royal, but R+')).toBe('royal, but R+');
    expect(displayName(ko, 'low-performing')).toBe('저성과');
    // A name the user typed that only looks similar stays as it is.
    expect(displayName(ko, 'my favourites: L− R+ F− M− V−')).toBe('my favourites: L− R+ F− M− V−');
    // Every descriptive name the core can make translates in Korean (no English word left).
    for (let code = 0; code < 32; code++) {
      const z = [0, 1, 2, 3, 4].map((f) => ((code >> f) & 1 ? 1 : -1));
      const name = names([z, z])[1];
      expect(displayName(ko, name)).not.toMatch(/[a-z]/);
    }
  });

  it('the pattern is shown beside a seed or user name, not repeated after a descriptive one', () => {
    expect(patternBeside('royal', 'L+ R− F+ M+ V+')).toBe('L+ R− F+ M+ V+');
    expect(patternBeside('Loyal big spenders', 'L+ R− F+ M+ V+')).toBe('L+ R− F+ M+ V+');
    expect(patternBeside('short, lapsed, light: L− R+ F− M− V−', 'L− R+ F− M− V−')).toBe('');
    expect(patternBeside('segment 1', undefined)).toBe('');
  });
});
