import type { ProjectInfo, WorkbenchApi } from '../../../core/model/api.js';

/** A file copied to (or located on) the host, ready for previewImport and the import job. */
export interface StagedFile {
  path: string;
  name: string;
  bytes: number;
}

/** The API as the renderer uses it: every operation of core/model/api.ts, plus staging of picked files. */
export type RendererApi = WorkbenchApi & {
  stageFiles(files: File[]): Promise<StagedFile[]>;
  /**
   * Electron only: the File menu opened another project. When the page subscribes, it updates in
   * place; otherwise the preload reloads the page. Returns unsubscribe.
   */
  onProjectChanged?(listener: (project: ProjectInfo) => void): () => void;
};

declare global {
  interface Window {
    /** Exposed by the Electron preload (one function per operation); absent in the browser. */
    workbench?: RendererApi;
  }
}
