import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOBS } from '../../../core/jobs/registry.js';

/*
 * Every registered job's parameter schema must accept exactly what it accepted before the
 * parameters became one declaration each (core/jobs/param-spec.ts), with the same defaults, and
 * list the same name, type and default (the CLI coerces `--param` text by the listed type).
 * test/fixtures/params-snapshot.json was written from the hand-written zod schemas before they
 * were converted (UPDATE_PARAMS_SNAPSHOT=1 rewrites it; only ever on purpose).
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/params-snapshot.json');

/** Values tried one parameter at a time: CLI text, UI numbers and booleans, lists, junk. */
const VALUES: unknown[] = [
  '', ' ', '0', '1', '2', '3', '-1', '1.5', '0.05', '0.5', '0.9999', '100', '101', '5000', '1e9', ' 3 ', 'x', 'auto', 'AUTO', 'true', 'false', 'yes',
  '2024-01-31', '2024-02-30', '2024-1-5', '1800-01-01', '2300-01-01', '5,10', '5,,10', 'a,b', ' a , b ', '1250,3250', '3250,1250', '1,x',
  0, 1, 2, 3, -1, 0.5, 1.5, 0.05, 100, 5000, 2 ** 31, Number.MAX_SAFE_INTEGER, true, false, null,
  [5, 10], ['5', '10'], [1, 2], [2, 1], ['a'], [], {},
];

/** Inputs with several keys, tried on every job (cross-field checks, unknown keys). */
const MULTI: Record<string, unknown>[] = [
  { from: '2024-02-01', to: '2024-01-01' },
  { from: '2024-01-01', to: '2024-02-01' },
  { kMin: '5', kMax: '3' },
  { bogus: 1 },
];

/** Jobs whose parameters have a required one: the base every single-key input is added to. */
const BASE: Record<string, Record<string, unknown>> = { recommend: { model: 'g-topfreq' }, import: { files: ['a.csv'] } };

const UNDEFINED = '∅undefined';
const INVALID = '✗invalid';

function encode(v: unknown): unknown {
  return v === undefined ? UNDEFINED : v;
}

/** The choices a listed type names (`a|b|c`, `a,b`), tried as values too. */
function extraValues(type: string, def: unknown): unknown[] {
  const out: unknown[] = [];
  for (const sep of ['|', ',']) if (type.includes(sep)) out.push(...type.split(sep), type);
  if (def !== null && def !== undefined) out.push(def, Array.isArray(def) ? def.join(',') : typeof def === 'object' ? JSON.stringify(def) : String(def));
  return out;
}

interface JobSnapshot {
  info: { name: string; type: string; default: unknown }[];
  base: unknown;
  multi: unknown[];
  /** Per parameter: [value, parsed value of that key or INVALID]. */
  cases: Record<string, [unknown, unknown][]>;
}

function snapshotOf(id: string): JobSnapshot {
  const job = JOBS.get(id);
  if (!job) throw new Error(id);
  const base = BASE[id] ?? {};
  const parse = (input: Record<string, unknown>) => job.params.safeParse(input);
  const whole = (input: Record<string, unknown>) => {
    const r = parse(input);
    return r.success ? JSON.parse(JSON.stringify(r.data, (_k, v) => encode(v))) : INVALID;
  };
  const cases: JobSnapshot['cases'] = {};
  for (const p of job.paramInfo) {
    const values = [...VALUES, ...extraValues(p.type, p.default)];
    cases[p.name] = values.map((value) => {
      const r = parse({ ...base, [p.name]: value });
      return [value, r.success ? encode((r.data as Record<string, unknown>)[p.name]) : INVALID];
    });
  }
  return {
    info: job.paramInfo.map((p) => ({ name: p.name, type: p.type, default: p.default })),
    base: whole(base),
    multi: MULTI.map((m) => whole({ ...base, ...m })),
    cases,
  };
}

/** Jobs written after the snapshot (their own tests cover their parameters). */
const NEWER = new Set(['spend-model']);
const ids = [...JOBS.keys()].filter((id) => !NEWER.has(id));

if (process.env.UPDATE_PARAMS_SNAPSHOT === '1') {
  const all = Object.fromEntries(ids.map((id) => [id, snapshotOf(id)]));
  fs.writeFileSync(FIXTURE, `${JSON.stringify(all)}\n`);
}

describe('job parameter schemas reproduce the snapshot taken before the declarations', () => {
  const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, JobSnapshot>;

  it('covers every job of the snapshot', () => {
    expect(ids.filter((id) => !(id in fixture))).toEqual([]);
    expect(Object.keys(fixture).filter((id) => !JOBS.has(id))).toEqual([]);
  });

  for (const id of Object.keys(fixture)) {
    it(`${id}: same names, types, defaults, accepted values and parsed values`, () => {
      const now = snapshotOf(id);
      const then = fixture[id];
      expect(now.info).toEqual(then.info);
      expect(now.base).toEqual(then.base);
      expect(now.multi).toEqual(then.multi);
      for (const name of Object.keys(then.cases)) {
        // Replay exactly the stored inputs, so a changed listed type cannot change the table.
        const job = JOBS.get(id);
        const base = BASE[id] ?? {};
        const got = then.cases[name].map(([value]) => {
          const r = job?.params.safeParse({ ...base, [name]: value });
          return [value, r?.success ? encode((r.data as Record<string, unknown>)[name]) : INVALID];
        });
        expect(JSON.parse(JSON.stringify(got, (_k, v) => encode(v))), `${id}.${name}`).toEqual(then.cases[name]);
      }
    });
  }
});
