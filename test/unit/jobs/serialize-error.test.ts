import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../core/model/result.js';
import { serializeError } from '../../../core/worker/protocol.js';

describe('serializeError', () => {
  it('keeps the code and details of a WorkbenchError', () => {
    const err = serializeError(new WorkbenchError('invalid-input', 'k must be an integer in 2..n, got 1', { k: 1 }));
    expect(err).toMatchObject({ name: 'WorkbenchError', message: 'k must be an integer in 2..n, got 1', code: 'invalid-input', details: { k: 1 } });
    expect(err.stack).toContain('k must be');
  });

  it('keeps name, message and stack of a plain error, without a code', () => {
    const err = serializeError(new RangeError('out of range'));
    expect(err).toMatchObject({ name: 'RangeError', message: 'out of range' });
    expect(err.code).toBeUndefined();
    expect(typeof err.stack).toBe('string');
  });

  it('gives an AbortError the code cancelled', () => {
    const abort = new Error('stop');
    abort.name = 'AbortError';
    expect(serializeError(abort)).toMatchObject({ name: 'AbortError', code: 'cancelled' });
  });

  it('turns a thrown non-error into a message', () => {
    expect(serializeError('plain text')).toEqual({ name: 'Error', message: 'plain text' });
    expect(serializeError(42)).toEqual({ name: 'Error', message: '42' });
  });

  it('makes details safe to post to another thread', () => {
    const err = serializeError(new WorkbenchError('internal', 'x', { keep: 1, drop: () => 0 }));
    expect(err.details).toEqual({ keep: 1 });
    expect(() => structuredClone(err)).not.toThrow();
  });
});
