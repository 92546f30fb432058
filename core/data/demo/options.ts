import { DEMO_SIZES } from './sizes.js';
import { DEMO_EXTRAS, type DemoOptions } from './types.js';

/** Checks writeDemoFiles' arguments, naming the bad one and its value. */
export function checkOptions(dir: unknown, options: unknown): asserts options is DemoOptions {
  if (typeof dir !== 'string' || dir.trim() === '') throw new TypeError(`dir must be a non-empty path string, got ${JSON.stringify(dir)}`);
  if (typeof options !== 'object' || options === null) throw new TypeError(`options must be an object, got ${String(options)}`);
  const o = options as Record<string, unknown>;
  if (typeof o.size !== 'string' || !Object.hasOwn(DEMO_SIZES, o.size)) {
    throw new RangeError(`options.size must be one of 'tiny', 'demo', 'full', got ${JSON.stringify(o.size)}`);
  }
  if (typeof o.seed !== 'number') throw new TypeError(`options.seed must be a number, got ${typeof o.seed}`);
  if (!Number.isSafeInteger(o.seed)) throw new RangeError(`options.seed must be a safe integer, got ${o.seed}`);
  if (o.writeTruth !== undefined && typeof o.writeTruth !== 'boolean') throw new TypeError(`options.writeTruth must be a boolean, got ${typeof o.writeTruth}`);
  if (o.with !== undefined) {
    if (!Array.isArray(o.with)) throw new TypeError(`options.with must be an array of ${DEMO_EXTRAS.map((x) => `'${x}'`).join(', ')}, got ${JSON.stringify(o.with)}`);
    const bad = (o.with as unknown[]).find((x) => !(DEMO_EXTRAS as readonly unknown[]).includes(x));
    if (bad !== undefined) throw new RangeError(`options.with may hold ${DEMO_EXTRAS.map((x) => `'${x}'`).join(', ')}, got ${JSON.stringify(bad)}`);
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw new TypeError(`options.onProgress must be a function, got ${typeof o.onProgress}`);
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) throw new TypeError(`options.signal must be an AbortSignal, got ${String(o.signal)}`);
}

/** The Error thrown when options.signal is aborted. */
export function abortError(): Error {
  const e = new Error('demo data generation was aborted');
  e.name = 'AbortError';
  return e;
}
