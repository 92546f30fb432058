/**
 * Errors cross every boundary (worker, IPC, HTTP, CLI) as data, never as a thrown stack in the UI.
 * `code` is stable and machine-readable; `message` is one sentence a user can act on.
 */
export type ErrorCode =
  | 'usage'
  | 'invalid-input'
  | 'not-found'
  | 'already-imported'
  | 'import-failed'
  | 'cancelled'
  | 'busy'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An Error that carries an ApiError code; thrown inside core, converted to data at the boundary. */
export class WorkbenchError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'WorkbenchError';
    this.code = code;
    this.details = details;
  }
}

/** Turns anything thrown into an ApiError; unknown errors become `internal` with their message kept. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof WorkbenchError) return { code: err.code, message: err.message, details: err.details };
  if (err instanceof Error && err.name === 'AbortError') return { code: 'cancelled', message: 'Cancelled; nothing was changed.' };
  if (err instanceof Error) return { code: 'internal', message: err.message };
  return { code: 'internal', message: String(err) };
}
