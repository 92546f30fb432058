import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../../core/model/api.js';
import type { ApiResult } from '../../../core/model/result.js';
import { ApiHost } from '../../../core/service/api.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { forwardJobEvents, registerOperationHandlers, UNTRUSTED_SENDER, type IpcMainLike, type OperationHost } from '../../../electron/ipc.js';
import { isTrustedSender } from '../../../electron/security.js';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

const WINDOW = 3;
const fromWindow = { sender: { id: WINDOW }, senderFrame: { url: 'app://workbench/index.html', parent: null } } as unknown as IpcMainInvokeEvent;
const fromElsewhere = { sender: { id: WINDOW }, senderFrame: { url: 'https://example.com/', parent: null } } as unknown as IpcMainInvokeEvent;
const trust = (event: IpcMainInvokeEvent) => isTrustedSender(event, WINDOW);

describe('IPC handlers', () => {
  it('registers exactly one handler per operation, and removes them all', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const remove = registerOperationHandlers(ipcMain, { call: async () => ({ ok: true, value: null }) }, trust);
    expect([...handlers.keys()]).toEqual(OPERATION_NAMES.map((n) => `workbench:${n}`));
    remove();
    expect(handlers.size).toBe(0);
  });

  it('refuses an untrusted sender before the host sees anything', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const calls: string[] = [];
    registerOperationHandlers(ipcMain, { call: async (name) => (calls.push(name), { ok: true, value: null }) }, trust);
    await expect(handlers.get('workbench:listRuns')?.(fromElsewhere, { project: '/x' })).resolves.toEqual({ ok: false, error: UNTRUSTED_SENDER });
    expect(calls).toEqual([]);
  });

  it('passes the operation and its input to the host, and answers a throwing host with an error as data', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const seen: [string, unknown][] = [];
    const host: OperationHost = {
      call: async (name, input) => {
        seen.push([name, input]);
        if (name === 'listJobs') throw new Error('boom');
        return { ok: true, value: 42 };
      },
    };
    registerOperationHandlers(ipcMain, host, trust);
    await expect(handlers.get('workbench:getRun')?.(fromWindow, { project: '/p', id: 1 })).resolves.toEqual({ ok: true, value: 42 });
    await expect(handlers.get('workbench:listJobs')?.(fromWindow, {})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
    expect(seen).toEqual([
      ['getRun', { project: '/p', id: 1 }],
      ['listJobs', {}],
    ]);
  });

  it('makes error details plain data, so they always cross IPC', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const details = { when: new Date(0), fn: () => 1 };
    registerOperationHandlers(ipcMain, { call: async () => ({ ok: false, error: { code: 'invalid-input', message: 'bad', details } }) }, trust);
    const r = (await handlers.get('workbench:listAnalyses')?.(fromWindow, {})) as ApiResult<unknown>;
    expect(r).toEqual({ ok: false, error: { code: 'invalid-input', message: 'bad', details: { when: '1970-01-01T00:00:00.000Z' } } });
    expect(structuredClone(r)).toEqual(r);
  });

  describe('over the real ApiHost (zod validation at the boundary)', () => {
    const service = new WorkbenchService();
    const host = new ApiHost(service);
    afterAll(() => service.close());

    it('validates inputs and answers as data', async () => {
      const { ipcMain, handlers } = fakeIpcMain();
      registerOperationHandlers(ipcMain, host, trust);
      const listed = (await handlers.get('workbench:listAnalyses')?.(fromWindow, {})) as ApiResult<{ id: string }[]>;
      expect(listed.ok && listed.value.length > 0 && listed.value.every((a) => typeof a.id === 'string')).toBe(true);
      const invalid = (await handlers.get('workbench:getRun')?.(fromWindow, { project: '/p.sqlite', id: -1 })) as ApiResult<unknown>;
      expect(invalid.ok).toBe(false);
      if (!invalid.ok) expect(invalid.error.code).toBe('invalid-input');
      const wrongShape = (await handlers.get('workbench:openProject')?.(fromWindow, 'not an object')) as ApiResult<unknown>;
      expect(!wrongShape.ok && wrongShape.error.code).toBe('invalid-input');
      const none = (await handlers.get('workbench:currentProject')?.(fromWindow, undefined)) as ApiResult<unknown>;
      expect(none).toEqual({ ok: true, value: null });
      expect(structuredClone(invalid)).toEqual(invalid);
    });
  });
});

describe('forwardJobEvents', () => {
  it('sends each job event to the window while there is one, and stops when unsubscribed', () => {
    const listeners = new Set<(e: never) => void>();
    const board = { subscribe: (l: (e: never) => void) => (listeners.add(l), () => listeners.delete(l)) };
    const sent: [string, unknown][] = [];
    let window: { send(channel: string, payload: unknown): void } | null = { send: (c, p) => sent.push([c, p]) };
    const off = forwardJobEvents(board, () => window);
    const event = { type: 'cancelled', jobId: 'j', forced: false } as never;
    listeners.forEach((l) => l(event));
    window = null;
    listeners.forEach((l) => l(event));
    off();
    expect(listeners.size).toBe(0);
    expect(sent).toEqual([['workbench:job-event', event]]);
  });
});
