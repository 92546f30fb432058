import { createContext, useContext, type ReactNode } from 'react';
import type { RendererApi } from './types.js';

const ApiContext = createContext<RendererApi | null>(null);

export function ApiProvider({ api, children }: { api: RendererApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The one API object (preload bridge or HTTP client); components never pick a transport. */
export function useApi(): RendererApi {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useApi outside ApiProvider');
  return api;
}
