import { describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../../core/model/api.js';
import { BRIDGE_EXTRAS, BRIDGE_KEYS, createBridge, type BridgeTransport, type FileLike } from '../../../electron/bridge.js';
import { JOB_EVENT_CHANNEL, PROJECT_CHANGED_CHANNEL } from '../../../electron/channels.js';
import { BRIDGE_OPERATIONS } from '../../../electron/operation-names.js';

interface FakeFile extends FileLike {
  where: string;
}

function fakeTransport() {
  const reloads = { count: 0 };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport<FakeFile> = {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    listen: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => {
        set.delete(listener);
      };
    },
    pathForFile: (file) => file.where,
    reload: () => {
      reloads.count++;
    },
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
  return { transport, emit, listeners, reloads };
}

describe('the preload bridge', () => {
  it('keeps its copy of the operation names equal to OPERATION_NAMES (the preload does not bundle zod)', () => {
    expect([...BRIDGE_OPERATIONS]).toEqual(OPERATION_NAMES);
  });

  it('exposes exactly one function per operation, onJobEvent, onProjectChanged and stageFiles', () => {
    const bridge = createBridge(fakeTransport().transport);
    expect(Object.keys(bridge)).toEqual([...OPERATION_NAMES, 'onJobEvent', 'onProjectChanged', 'stageFiles']);
    expect(BRIDGE_KEYS).toEqual(Object.keys(bridge));
    expect([...BRIDGE_EXTRAS]).toEqual(['onJobEvent', 'onProjectChanged', 'stageFiles']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.keys(bridge)).not.toContain('invoke');
    expect(Object.keys(bridge)).not.toContain('ipcRenderer');
  });

  it('sends each operation on its own channel, with the input untouched (main validates it)', async () => {
    const { transport } = fakeTransport();
    const bridge = createBridge(transport);
    for (const name of OPERATION_NAMES) {
      const call = (bridge as unknown as Record<string, (input: unknown) => Promise<unknown>>)[name];
      await expect(call({ probe: name })).resolves.toEqual({ ok: true, value: { channel: `workbench:${name}`, input: { probe: name } } });
    }
    expect(transport.invoke).toHaveBeenCalledTimes(OPERATION_NAMES.length);
  });

  it('hands listeners the payload only, and unsubscribes', () => {
    const { transport, emit } = fakeTransport();
    const bridge = createBridge(transport);
    const jobs: unknown[] = [];
    const projects: unknown[] = [];
    const offJobs = bridge.onJobEvent((e) => jobs.push(e));
    const offProjects = bridge.onProjectChanged((p) => projects.push(p));
    const event = { type: 'cancelled', jobId: 'j1', forced: false };
    emit(JOB_EVENT_CHANNEL, event);
    emit(PROJECT_CHANGED_CHANNEL, { path: '/p.sqlite' });
    expect(jobs).toEqual([event]);
    expect(projects).toEqual([{ path: '/p.sqlite' }]);
    expect(offJobs()).toBeUndefined();
    offProjects();
    emit(JOB_EVENT_CHANNEL, event);
    emit(PROJECT_CHANGED_CHANNEL, { path: '/q.sqlite' });
    expect(jobs).toHaveLength(1);
    expect(projects).toHaveLength(1);
  });

  it('reloads a page that does not listen to project changes, instead of leaving it on the old project', () => {
    const { transport, emit, reloads } = fakeTransport();
    const bridge = createBridge(transport);
    emit(PROJECT_CHANGED_CHANNEL, { path: '/a.sqlite' });
    expect(reloads.count).toBe(1);
    const off = bridge.onProjectChanged(() => undefined);
    emit(PROJECT_CHANGED_CHANNEL, { path: '/b.sqlite' });
    expect(reloads.count).toBe(1);
    off();
    emit(PROJECT_CHANGED_CHANNEL, { path: '/c.sqlite' });
    expect(reloads.count).toBe(2);
  });

  it('stages files by their real paths, with their sizes, and refuses files that are not on disk', async () => {
    const bridge = createBridge(fakeTransport().transport);
    const files: FakeFile[] = [
      { name: 'LPOINT_BIG_COMP_01_DEMO.csv', size: 1234, where: '/data/LPOINT_BIG_COMP_01_DEMO.csv' },
      { name: '구매.csv', size: 0, where: 'C:\\data\\구매.csv' },
    ];
    await expect(bridge.stageFiles(files)).resolves.toEqual([
      { path: '/data/LPOINT_BIG_COMP_01_DEMO.csv', name: 'LPOINT_BIG_COMP_01_DEMO.csv', bytes: 1234 },
      { path: 'C:\\data\\구매.csv', name: '구매.csv', bytes: 0 },
    ]);
    await expect(bridge.stageFiles([{ name: 'made-up.csv', size: 3, where: '' } as FakeFile])).rejects.toThrow(/'made-up.csv' is not a file on this computer/);
  });
});
