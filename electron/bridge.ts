import type { ProjectInfo, WorkbenchApi } from '../core/model/api.js';
import type { JobEvent } from '../core/model/jobs.js';
import { JOB_EVENT_CHANNEL, operationChannel, PROJECT_CHANGED_CHANNEL } from './channels.js';
import { BRIDGE_OPERATIONS } from './operation-names.js';

/** A file the renderer picked or dropped, located on this machine (same shape as the browser host's upload). */
export interface StagedFile {
  path: string;
  name: string;
  bytes: number;
}

/** What the preload exposes as `window.workbench`: the API, job events, project changes, file staging. */
export type WorkbenchBridge = WorkbenchApi & {
  /** The File menu opened another project; reload everything shown. Returns unsubscribe. */
  onProjectChanged(listener: (project: ProjectInfo) => void): () => void;
  /** Real paths of picked or dropped files (no copy: Electron reads them where they are). */
  stageFiles(files: readonly FileLike[]): Promise<StagedFile[]>;
};

/** The part of a DOM File the bridge reads (the preload passes real Files). */
export interface FileLike {
  readonly name: string;
  readonly size: number;
}

/** The bridge's only capabilities, given by the preload: invoke one channel, listen to one channel, locate a file. */
export interface BridgeTransport<F extends FileLike = FileLike> {
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Listens to a main → renderer channel, handing the listener the payload only (never the IPC event). */
  listen(channel: string, listener: (payload: unknown) => void): () => void;
  /** webUtils.getPathForFile: '' for a file that is not on disk. */
  pathForFile(file: F): string;
  /** Reloads the page: what a project change does when the page has no onProjectChanged listener. */
  reload(): void;
}

export const BRIDGE_EXTRAS = ['onJobEvent', 'onProjectChanged', 'stageFiles'] as const;

/** Every key of `window.workbench`, in order: the operations, then the extras. */
export const BRIDGE_KEYS: readonly string[] = [...BRIDGE_OPERATIONS, ...BRIDGE_EXTRAS];

/**
 * Builds the object the preload exposes: exactly one function per operation (each bound to its
 * own channel, so the page can never pick a channel), the two event subscriptions and stageFiles.
 * Nothing else: no ipcRenderer, no generic invoke.
 */
export function createBridge<F extends FileLike>(transport: BridgeTransport<F>): WorkbenchBridge {
  const api: Record<string, unknown> = {};
  for (const name of BRIDGE_OPERATIONS) {
    const channel = operationChannel(name);
    api[name] = (input: unknown) => transport.invoke(channel, input);
  }
  api.onJobEvent = (listener: (event: JobEvent) => void) => transport.listen(JOB_EVENT_CHANNEL, (e) => listener(e as JobEvent));
  // One subscription, dispatched here: a page that does not listen is reloaded instead, so it
  // never keeps showing the project it had before the File menu opened another.
  const projectListeners = new Set<(project: ProjectInfo) => void>();
  transport.listen(PROJECT_CHANGED_CHANNEL, (p) => {
    if (projectListeners.size === 0) transport.reload();
    else for (const listener of [...projectListeners]) listener(p as ProjectInfo);
  });
  api.onProjectChanged = (listener: (project: ProjectInfo) => void) => {
    const own = (project: ProjectInfo): void => listener(project);
    projectListeners.add(own);
    return () => {
      projectListeners.delete(own);
    };
  };
  api.stageFiles = async (files: readonly F[]): Promise<StagedFile[]> =>
    Array.from(files, (file) => {
      const where = transport.pathForFile(file);
      if (!where) throw new TypeError(`'${file.name}' is not a file on this computer; pick or drop files from disk.`);
      return { path: where, name: file.name, bytes: file.size };
    });
  return api as WorkbenchBridge;
}
