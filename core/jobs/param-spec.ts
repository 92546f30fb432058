import { z } from 'zod';
import type { LocalText, ParamInfo } from './types.js';

/*
 * One declaration per job parameter (issue #14): its kind, range, default, and its label and help
 * in English and Korean. `defineParams` derives from it both the zod schema that validates and
 * fills defaults at the boundary and the ParamInfo list that `analyses`, the CLI help and the UI
 * forms show — so a default, a range or a sentence of help is written once.
 *
 * Each kind builds exactly the zod schema the jobs wrote by hand before (test/unit/jobs/
 * params-equivalence.test.ts replays a snapshot of what those accepted): numbers typed as text by
 * the CLI read as numbers; a few older jobs keep z.coerce (`text: 'coerce'`) or take numbers only
 * (`text: 'none'`), as they always did.
 */

/** What every parameter declares besides its kind. */
export interface ParamDoc {
  /** A few human words, shown as the field's name (the id stays visible beside it). */
  label: LocalText;
  /** One or two sentences: what it does, its unit, what the default means. */
  help: LocalText;
  /** The type `analyses` lists, when it differs from the kind's (the CLI reads `--param` text by it). */
  type?: string;
  /** The default `analyses` lists when the job applies it itself (the schema leaves the key absent). */
  listed?: unknown;
  /** Accepted but not listed: a shared parameter this job ignores. */
  unlisted?: boolean;
}

/** How a parameter may be absent: with a default, never (required), or left out (optional). */
interface Presence<T> {
  default?: T;
  required?: true;
}

/** A declared parameter: its schema and what is listed about it (its name is the key it is declared under). */
export interface ParamSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  info: Omit<ParamInfo, 'name'>;
  unlisted: boolean;
}

/** The schema a declaration yields: with its default, as is when required, else optional. */
type Wrap<S extends z.ZodType, O> = O extends { default: unknown } ? z.ZodDefault<S> : O extends { required: true } ? S : z.ZodOptional<S>;

/** How numbers given as text are read: 'number' (finite numeric text), 'coerce' (JavaScript's Number(), '' is 0), 'none' (numbers only). */
export type NumberText = 'number' | 'coerce' | 'none';

/** A number given as text by the CLI or as a number by the UI. */
export const numericText = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v), schema);

/** "a,b" (CLI text) as ['a', 'b'], blanks dropped; arrays as they are. */
const commaList = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : v), schema);

function finish<S extends z.ZodType, O extends Presence<unknown> & ParamDoc>(inner: S, o: O, info: Omit<ParamInfo, 'name' | 'label' | 'helpText' | 'help' | 'default'>): ParamSpec<Wrap<S, O>> {
  const schema = o.default !== undefined ? inner.default(o.default as never) : o.required ? inner : inner.optional();
  const listed = o.listed !== undefined ? o.listed : o.default !== undefined ? o.default : null;
  return {
    schema: schema as unknown as Wrap<S, O>,
    info: { ...info, type: o.type ?? info.type, default: listed, label: o.label, help: o.help.en, helpText: o.help },
    unlisted: o.unlisted === true,
  };
}

interface Range {
  min?: number;
  max?: number;
  /** Exclusive lower bound (e.g. 0 for "above 0"). */
  above?: number;
  text?: NumberText;
}

function numberSchema(base: z.ZodNumber | z.ZodCoercedNumber, r: Range): z.ZodType<number> {
  let s = base as z.ZodNumber;
  if (r.min !== undefined) s = s.min(r.min);
  if (r.max !== undefined) s = s.max(r.max);
  if (r.above !== undefined) s = s.gt(r.above);
  return (r.text ?? 'number') === 'number' ? (numericText(s) as unknown as z.ZodType<number>) : s;
}

const bounds = (r: Range) => ({ ...(r.min !== undefined || r.above !== undefined ? { min: r.min ?? r.above } : {}), ...(r.max !== undefined ? { max: r.max } : {}) });

/** An integer in [min, max]. */
export function int<const O extends Presence<number> & ParamDoc & Range>(o: O) {
  const base = o.text === 'coerce' ? z.coerce.number().int() : z.number().int();
  return finish(numberSchema(base, o), o, { type: 'integer', ...bounds(o) });
}

/** A number in [min, max] (or above `above`). */
export function number<const O extends Presence<number> & ParamDoc & Range>(o: O) {
  const base = o.text === 'coerce' ? z.coerce.number() : z.number();
  return finish(numberSchema(base, o), o, { type: 'number', ...bounds(o) });
}

/** true or false; the CLI's text 'true' / 'false' too unless `text: 'none'`. */
export function bool<const O extends Presence<boolean> & ParamDoc & { text?: 'words' | 'none' }>(o: O) {
  const inner = o.text === 'none' ? z.boolean() : z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());
  return finish(inner as z.ZodType<boolean>, o, { type: 'boolean', choices: ['true', 'false'] });
}

/** One of a fixed list of words. */
export function choice<const V extends readonly string[], const O extends Presence<V[number]> & ParamDoc>(values: V, o: O) {
  return finish(z.enum(values) as unknown as z.ZodType<V[number]>, o, { type: values.join('|'), choices: [...values] });
}

/** One of a fixed list of numbers (text read with Number()). */
export function numberChoice<const V extends readonly [number, ...number[]], const O extends Presence<V[number]> & ParamDoc>(values: V, o: O) {
  const inner = z.preprocess((v) => (typeof v === 'string' ? Number(v) : v), z.union(values.map((v) => z.literal(v)) as unknown as [z.ZodLiteral<number>, z.ZodLiteral<number>]));
  return finish(inner as unknown as z.ZodType<V[number]>, o, { type: 'integer', choices: [...values] });
}

/** `k`: 'auto' (sweep kMin…kMax, take the elbow) or a fixed integer 2…100. */
export const kChoiceSchema = z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v), z.union([z.literal('auto'), z.number().int().min(2).max(100)]));

/** The number of segments: a fixed integer or 'auto'. */
export function kOrAuto<const O extends Presence<'auto' | number> & ParamDoc>(o: O) {
  return finish(kChoiceSchema as z.ZodType<'auto' | number>, o, { type: 'string', min: 2, max: 100 });
}

/** Several of a fixed list of words: 'a,b' (CLI) or ['a', 'b'] (UI). */
export function choiceList<const V extends readonly string[], const O extends Presence<V[number][]> & ParamDoc & {
  /** Keep the list in the order of `values`, without repeats. */
  ordered?: boolean;
  /** 'none': arrays only (no comma text), empty allowed. */
  text?: 'commas' | 'none';
}>(values: V, o: O) {
  if (o.text === 'none') return finish(z.array(z.enum(values)) as unknown as z.ZodType<V[number][]>, o, { type: 'string[]', choices: [...values] });
  const list = commaList(z.array(z.enum(values)).min(1));
  const inner = o.ordered ? list.transform((l) => values.filter((v) => (l as string[]).includes(v))) : list;
  return finish(inner as unknown as z.ZodType<V[number][]>, o, { type: 'string[]', choices: [...values] });
}

/** Several integers in [min, max]: '5,10' or [5, 10] (each read with Number(), as z.coerce). */
export function intList<const O extends Presence<number[]> & ParamDoc & Range>(o: O) {
  return finish(commaList(z.array(numberSchema(z.coerce.number().int(), { ...o, text: 'coerce' })).min(1)) as unknown as z.ZodType<number[]>, o, { type: 'string[]', ...bounds(o) });
}

/** Several numbers in [min, max] (or above `above`). */
export function numberList<const O extends Presence<number[]> & ParamDoc & Range>(o: O) {
  return finish(commaList(z.array(numberSchema(z.coerce.number(), { ...o, text: 'coerce' })).min(1)) as unknown as z.ZodType<number[]>, o, { type: 'string[]', ...bounds(o) });
}

/** Several non-empty words: 'A,B' or ['A', 'B']. */
export function textList<const O extends Presence<string[]> & ParamDoc>(o: O) {
  return finish(commaList(z.array(z.string().min(1)).min(1)) as unknown as z.ZodType<string[]>, o, { type: 'string[]' });
}

/** Two ascending numbers: 'low,high' or [low, high]. */
export function numberPair<const O extends Presence<[number, number]> & ParamDoc>(o: O) {
  const inner = z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((s) => (s.trim() === '' ? NaN : Number(s.trim()))) : v),
    z.tuple([z.number().finite(), z.number().finite()]).refine(([a, b]) => a <= b, 'must be two ascending numbers: low bound, high bound'),
  );
  return finish(inner as unknown as z.ZodType<[number, number]>, o, { type: 'low,high' });
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day YYYY-MM-DD; `calendar`: also a day that exists (no February 30); `valid`: the job's own
 * reading of a day instead (e.g. the store's day numbers, 1900–2200).
 */
export function date<const O extends Presence<string> & ParamDoc & { calendar?: boolean; valid?: (s: string) => boolean }>(o: O) {
  const format = z.string().regex(ISO_DAY, 'must be a date YYYY-MM-DD');
  const inner = o.valid
    ? z.string().refine(o.valid, { message: 'must be a date YYYY-MM-DD' })
    : o.calendar
      ? format.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real date')
      : format;
  return finish(inner, o, { type: 'date' });
}

/** Free text (a name, a code, a folder), `min`…`max` characters; `numbers`: a number is taken as its text. */
export function text<const O extends Presence<string> & ParamDoc & { min?: number; max?: number; numbers?: boolean }>(o: O) {
  let s = z.string();
  if (o.min !== undefined) s = s.min(o.min);
  if (o.max !== undefined) s = s.max(o.max);
  const inner = o.numbers ? z.preprocess((v) => (typeof v === 'number' ? String(v) : v), s) : s;
  return finish(inner as z.ZodType<string>, o, { type: 'string' });
}

/** A run id (a positive integer). */
export function runId<const O extends Presence<number> & ParamDoc & { text?: NumberText }>(o: O) {
  return int({ min: 1, max: o.text === 'coerce' ? undefined : 2 ** 31 - 1, ...o, type: o.type ?? 'run id' } as O & Range);
}

type SchemaShape<T extends Record<string, ParamSpec>> = { [K in keyof T]: T[K]['schema'] };

interface DefineOptions<Out> {
  /** Refuse unknown keys (default true; a few internal jobs always ignored them). */
  strict?: boolean;
  /** Checks across fields, after each field is valid. */
  refine?: { check(p: Out): boolean; message: string }[];
}

/**
 * The schema (strict: an unknown parameter is an error naming it) and the listed parameters of a
 * job, in declaration order.
 */
export function defineParams<T extends Record<string, ParamSpec>>(declared: T, options: DefineOptions<z.output<z.ZodObject<SchemaShape<T>>>> = {}) {
  const shape = Object.fromEntries(Object.entries(declared).map(([name, spec]) => [name, spec.schema])) as SchemaShape<T>;
  let schema = options.strict === false ? z.object(shape) : z.object(shape).strict();
  for (const r of options.refine ?? []) schema = schema.refine((p) => r.check(p as z.output<z.ZodObject<SchemaShape<T>>>), { message: r.message });
  const info: ParamInfo[] = Object.entries(declared).filter(([, spec]) => !spec.unlisted).map(([name, spec]) => ({ name, ...spec.info }));
  return { schema: schema as z.ZodObject<SchemaShape<T>>, info };
}
