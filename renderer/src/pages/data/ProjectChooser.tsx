import { useCallback, useEffect, useState } from 'react';
import type { FolderListing, RecentProject } from '../../../../core/model/api.js';
import type { ApiError } from '../../../../core/model/result.js';
import { safeCall } from '../../api/call.js';
import { useApi } from '../../api/context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { useProject } from '../../state/project.js';

const LIST = { listStyle: 'none', padding: 0, margin: '4px 0', display: 'grid', gap: 4 } as const;

/**
 * Choosing a project by clicking (issue #14 "The first minute"): the host's recent projects, and a
 * read-only listing of the user's home folder where a .sqlite file opens with one click. A host
 * that keeps no list or lists no folders (the desktop app has its own dialogs) shows neither part.
 */
export function ProjectChooser() {
  const api = useApi();
  const { t } = useI18n();
  const { open, info } = useProject();
  const [recent, setRecent] = useState<RecentProject[]>([]);
  const [folder, setFolder] = useState<FolderListing | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const current = info?.path ?? null;

  useEffect(() => {
    let live = true;
    void safeCall(() => api.recentProjects({})).then((r) => live && r.ok && setRecent(r.value));
    return () => {
      live = false;
    };
  }, [api, current]);

  const browse = useCallback(
    async (path?: string) => {
      const r = await safeCall(() => api.listFolder(path === undefined ? {} : { path }));
      if (r.ok) {
        setFolder(r.value);
        setError(null);
      } else if (path !== undefined) setError(r.error);
    },
    [api],
  );
  useEffect(() => {
    void browse();
  }, [browse]);

  const choose = async (path: string) => {
    setBusy(true);
    setError(null);
    const r = await open(path, false);
    setBusy(false);
    if (!r.ok) setError(r.error);
  };

  if (recent.length === 0 && folder === null) return null;
  return (
    <div className="stack project-chooser" data-testid="project-chooser">
      {recent.length > 0 && (
        <div>
          <h3 className="field-label">{t('project.recentTitle')}</h3>
          <ul data-testid="recent-projects" style={LIST}>
            {recent.map((p) => (
              <li key={p.path}>
                <button type="button" className="btn btn-small" data-testid="recent-project" data-path={p.path} disabled={busy || !p.exists || p.path === current} title={p.path} onClick={() => void choose(p.path)}>
                  {p.name}
                </button>{' '}
                <span className="small muted">{p.path === current ? t('project.current') : !p.exists ? t('project.recentMissing') : p.path}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {folder !== null && (
        <div data-testid="folder-browser" data-path={folder.path}>
          <h3 className="field-label">{t('project.browseTitle')}</h3>
          <div className="small muted">
            <button type="button" className="btn btn-small" data-testid="folder-up" disabled={folder.parent === null} onClick={() => folder.parent !== null && void browse(folder.parent)}>
              {t('project.folderUp')}
            </button>{' '}
            <code data-testid="folder-path">{folder.path}</code>
          </div>
          {folder.entries.length === 0 ? (
            <p className="small muted">{t('project.folderEmpty')}</p>
          ) : (
            <ul style={LIST}>
              {folder.entries.map((e) => {
                const project = e.kind === 'file' && e.name.toLowerCase().endsWith('.sqlite');
                return (
                  <li key={e.path}>
                    {e.kind === 'directory' ? (
                      <button type="button" className="btn btn-small" data-testid="folder-entry" data-kind="directory" data-name={e.name} onClick={() => void browse(e.path)}>
                        {e.name}/
                      </button>
                    ) : project ? (
                      <button type="button" className="btn btn-small" data-testid="folder-entry" data-kind="project" data-name={e.name} disabled={busy || e.path === current} onClick={() => void choose(e.path)}>
                        {e.name}
                      </button>
                    ) : (
                      <span className="small muted" data-testid="folder-entry" data-kind="data" data-name={e.name}>
                        {e.name} — {t('project.folderDataFile')}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      {error && <ErrorMessage error={error} testId="project-chooser-error" />}
    </div>
  );
}
