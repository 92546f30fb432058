import type { ApiError, ApiResult, ErrorCode } from '../../../core/model/result.js';

const CODES = new Set<string>(['usage', 'invalid-input', 'not-found', 'already-imported', 'import-failed', 'cancelled', 'busy', 'internal'] satisfies ErrorCode[]);

/**
 * Awaits an API call and never throws: a transport failure (host gone, bridge missing) becomes an
 * `internal` error with its message, so every caller handles one shape.
 */
export async function safeCall<T>(call: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  try {
    const result = await call();
    if (result === null || typeof result !== 'object' || typeof result.ok !== 'boolean') {
      return { ok: false, error: { code: 'internal', message: 'The host answered with something that is not an API result.' } };
    }
    return result;
  } catch (err) {
    return { ok: false, error: toError(err) };
  }
}

/** Anything thrown as an ApiError; an error that carries a known code (WorkbenchError) keeps it. */
export function toError(err: unknown): ApiError {
  if (err instanceof Error) {
    return { code: asErrorCode((err as { code?: unknown }).code), message: err.message };
  }
  return { code: 'internal', message: String(err) };
}

/** A code as it came (a job's error, a thrown WorkbenchError) as an ErrorCode; unknown ones are 'internal'. */
export function asErrorCode(code: unknown): ErrorCode {
  return typeof code === 'string' && CODES.has(code) ? (code as ErrorCode) : 'internal';
}
