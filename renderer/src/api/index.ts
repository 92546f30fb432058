import { createHttpApi } from './http.js';
import type { RendererApi } from './types.js';

export type { RendererApi, StagedFile } from './types.js';

/** The transport: the Electron preload bridge when present, else the browser host over HTTP. */
export function createApi(): RendererApi {
  return window.workbench ?? createHttpApi();
}
