import type { IpcMainInvokeEvent } from 'electron';
import { OPERATION_NAMES } from '../core/model/api.js';
import type { JobEvent } from '../core/model/jobs.js';
import type { ApiError, ApiResult } from '../core/model/result.js';
import { JOB_EVENT_CHANNEL, operationChannel } from './channels.js';

/** The parts of ipcMain this module uses (a fake in unit tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The part of ApiHost this module uses: validates (zod) and runs one operation, errors as data. */
export interface OperationHost {
  call(name: string, input: unknown): Promise<ApiResult<unknown>>;
}

export const UNTRUSTED_SENDER: ApiError = { code: 'invalid-input', message: 'Refused: the request did not come from the workbench window.' };

/** Error details as plain JSON, so they always cross IPC (structured clone) intact or not at all. */
function plainError(error: ApiError): ApiError {
  if (error.details === undefined) return error;
  try {
    return { ...error, details: JSON.parse(JSON.stringify(error.details)) as unknown };
  } catch {
    return { code: error.code, message: error.message };
  }
}

/**
 * Registers one `ipcMain.handle('workbench:<operation>')` per operation of core/model/api.ts.
 * Each checks the sender first (our window, its top frame, our renderer's origin), then hands
 * the untrusted input to ApiHost.call, which validates it with the operation's zod schema. The
 * answer is always an ApiResult: refusals, invalid inputs and failures come back as data.
 * Returns a function that removes the handlers.
 */
export function registerOperationHandlers(ipcMain: IpcMainLike, host: OperationHost, isTrusted: (event: IpcMainInvokeEvent) => boolean): () => void {
  const channels = OPERATION_NAMES.map((name) => {
    const channel = operationChannel(name);
    ipcMain.handle(channel, async (event, input): Promise<ApiResult<unknown>> => {
      if (!isTrusted(event)) return { ok: false, error: UNTRUSTED_SENDER };
      try {
        const result = await host.call(name, input);
        return result.ok ? result : { ok: false, error: plainError(result.error) };
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
      }
    });
    return channel;
  });
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Pushes every job event to the window while it exists; returns unsubscribe. */
export function forwardJobEvents(board: { subscribe(listener: (e: JobEvent) => void): () => void }, target: () => { send(channel: string, payload: unknown): void } | null): () => void {
  return board.subscribe((e) => target()?.send(JOB_EVENT_CHANNEL, e));
}
