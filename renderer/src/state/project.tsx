import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ProjectInfo } from '../../../core/model/api.js';
import type { ApiError, ApiResult } from '../../../core/model/result.js';
import { safeCall } from '../api/call.js';
import { useApi } from '../api/context.js';
import { useJobs } from './jobs.js';

interface Project {
  /** The open project, or null when the host has none yet. */
  info: ProjectInfo | null;
  /** True once the host's current project has been asked for. */
  loaded: boolean;
  error: ApiError | null;
  open(path: string, create: boolean): Promise<ApiResult<ProjectInfo>>;
  refresh(): Promise<void>;
}

const ProjectContext = createContext<Project | null>(null);

/** The current project: read from the host at start, re-read whenever a job finishes (imports change it). */
export function ProjectProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { doneCount } = useJobs();
  const [info, setInfo] = useState<ProjectInfo | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const path = useRef<string | null>(null);

  const apply = useCallback((result: ApiResult<ProjectInfo | null>) => {
    if (result.ok) {
      setInfo(result.value);
      path.current = result.value?.path ?? null;
      setError(null);
    } else {
      setError(result.error);
    }
  }, []);

  useEffect(() => {
    let live = true;
    void safeCall(() => api.currentProject({})).then((result) => {
      if (!live) return;
      apply(result);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [api, apply]);

  useEffect(() => api.onProjectChanged?.((project) => apply({ ok: true, value: project })), [api, apply]);

  const refresh = useCallback(async () => {
    const current = path.current;
    if (current === null) {
      apply(await safeCall(() => api.currentProject({})));
      return;
    }
    apply(await safeCall(() => api.projectInfo({ project: current })));
  }, [api, apply]);

  useEffect(() => {
    if (doneCount > 0) void refresh();
  }, [doneCount, refresh]);

  const open = useCallback(
    async (file: string, create: boolean) => {
      const result = await safeCall(() => api.openProject({ path: file, create }));
      if (result.ok) apply(result);
      return result;
    },
    [api, apply],
  );

  const value = useMemo<Project>(() => ({ info, loaded, error, open, refresh }), [info, loaded, error, open, refresh]);
  return <ProjectContext.Provider value={value}>{children}</ProjectContext.Provider>;
}

export function useProject(): Project {
  const value = useContext(ProjectContext);
  if (value === null) throw new Error('useProject outside ProjectProvider');
  return value;
}
