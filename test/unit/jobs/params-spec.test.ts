import { describe, expect, it } from 'vitest';
import { bool, choice, choiceList, date, defineParams, int, intList, kOrAuto, number, numberChoice, numberPair, runId, text } from '../../../core/jobs/param-spec.js';

/** core/jobs/param-spec.ts: one declaration gives the schema and the listing (issue #14). */

const doc = (en: string) => ({ label: { en, ko: `${en} 한국어` }, help: { en: `${en} help`, ko: `${en} 도움말` } });

describe('defineParams', () => {
  const { schema, info } = defineParams(
    {
      k: kOrAuto({ default: 'auto', ...doc('Segments') }),
      kMin: int({ min: 2, max: 100, default: 2, ...doc('Smallest k') }),
      kMax: int({ min: 2, max: 100, default: 20, ...doc('Largest k') }),
      share: number({ min: 0, above: 0, max: 1, default: 0.5, ...doc('Share') }),
      shares: bool({ default: false, ...doc('Shares') }),
      level: numberChoice([1, 2], { default: 1, ...doc('Level') }),
      method: choice(['a', 'b'], { default: 'a', ...doc('Method') }),
      models: choiceList(['x', 'y', 'z'], { ordered: true, default: ['x'], listed: 'x', ...doc('Models') }),
      ks: intList({ min: 1, max: 10, default: [5], ...doc('Lengths') }),
      bounds: numberPair(doc('Bounds')),
      day: date({ calendar: true, ...doc('Day') }),
      name: text({ min: 1, numbers: true, ...doc('Name') }),
      run: runId(doc('Run')),
      seed: int({ text: 'coerce', listed: 1, ...doc('Seed') }),
      hidden: int({ min: 0, max: 1, default: 0, unlisted: true, ...doc('Hidden') }),
    },
    { refine: [{ check: (p) => p.kMin <= p.kMax, message: 'kMin must not exceed kMax' }] },
  );

  it('fills the declared defaults and leaves the optional ones out', () => {
    expect(schema.parse({})).toEqual({ k: 'auto', kMin: 2, kMax: 20, share: 0.5, shares: false, level: 1, method: 'a', models: ['x'], ks: [5], hidden: 0 });
  });

  it('reads CLI text and UI values alike, and refuses what is out of range or unknown', () => {
    const p = schema.parse({ k: '4', kMin: '3', share: '0.25', shares: 'true', level: '2', models: 'z,x', ks: '10, 3', bounds: '1,2', day: '2024-02-29', name: 7, run: '12', seed: '' });
    expect(p).toMatchObject({ k: 4, kMin: 3, share: 0.25, shares: true, level: 2, models: ['x', 'z'], ks: [10, 3], bounds: [1, 2], day: '2024-02-29', name: '7', run: 12, seed: 0 });
    for (const bad of [{ k: 1 }, { kMin: '1' }, { share: 0 }, { shares: 'yes' }, { level: 3 }, { method: 'c' }, { models: '' }, { ks: '11' }, { bounds: '2,1' }, { day: '2023-02-29' }, { name: '' }, { run: 0 }, { bogus: 1 }, { kMin: 9, kMax: 8 }]) {
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('lists every parameter but the unlisted, in order, with type, listed default, range, choices, label and help', () => {
    expect(info.map((p) => p.name)).toEqual(['k', 'kMin', 'kMax', 'share', 'shares', 'level', 'method', 'models', 'ks', 'bounds', 'day', 'name', 'run', 'seed']);
    const by = new Map(info.map((p) => [p.name, p]));
    expect(by.get('kMin')).toEqual({ name: 'kMin', type: 'integer', default: 2, min: 2, max: 100, label: { en: 'Smallest k', ko: 'Smallest k 한국어' }, help: 'Smallest k help', helpText: { en: 'Smallest k help', ko: 'Smallest k 도움말' } });
    expect(by.get('method')).toMatchObject({ type: 'a|b', choices: ['a', 'b'] });
    expect(by.get('models')).toMatchObject({ type: 'string[]', default: 'x', choices: ['x', 'y', 'z'] });
    expect(by.get('run')).toMatchObject({ type: 'run id', default: null, min: 1 });
    expect(by.get('seed')).toMatchObject({ type: 'integer', default: 1 });
    expect(by.get('level')).toMatchObject({ type: 'integer', choices: [1, 2] });
  });

  it('strict: false ignores unknown keys, as the internal jobs always did', () => {
    const loose = defineParams({ n: int({ text: 'none', min: 0, default: 1, ...doc('Count') }) }, { strict: false });
    expect(loose.schema.parse({ bogus: 1 })).toEqual({ n: 1 });
    expect(loose.schema.safeParse({ n: '1' }).success).toBe(false);
  });
});
