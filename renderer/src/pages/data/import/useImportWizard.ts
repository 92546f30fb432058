import { useCallback, useEffect, useReducer } from 'react';
import type { ImportSummary } from '../../../../../core/model/import.js';
import { asErrorCode, safeCall, toError } from '../../../api/call.js';
import { useApi } from '../../../api/context.js';
import { useJobs } from '../../../state/jobs.js';
import { useProject } from '../../../state/project.js';
import { importParams, initialWizard, wizardReducer, type ImportChoices } from './wizard-state.js';

/**
 * The import wizard's logic: stage picked files on the host, preview them (again after every
 * change of options or mapping), start the import job, follow it through the jobs store, and
 * fetch the summary from the run if the 'done' event was missed.
 */
export function useImportWizard() {
  const api = useApi();
  const jobs = useJobs();
  const { info } = useProject();
  const [state, dispatch] = useReducer(wizardReducer, initialWizard);
  const job = jobs.get(state.jobId);

  const { previewVersion, busy } = state;
  useEffect(() => {
    if (busy !== 'preview') return;
    let live = true;
    const { format, role, encoding, sheet } = state.choices;
    const files = state.files.map((f) => f.path);
    void safeCall(() => api.previewImport({ files, format, role, encoding, map: state.map, ...(sheet === undefined ? {} : { sheet }) })).then((r) => {
      if (!live) return;
      dispatch(r.ok ? { type: 'previewed', previews: r.value, version: previewVersion } : { type: 'failed', error: r.error });
    });
    return () => {
      live = false;
    };
    // Deliberately keyed on the version only: it changes with every files/choices/map change that needs a preview.
  }, [api, previewVersion, busy]);

  const status = job?.status;
  useEffect(() => {
    if (state.phase !== 'importing' || job === undefined || status === 'running') return;
    const summary = (job.summary ?? null) as ImportSummary | null;
    dispatch({ type: 'ended', status: job.status as 'done' | 'failed' | 'cancelled', runId: job.runId, summary, error: job.error ? { code: asErrorCode(job.error.code), message: job.error.message } : null });
  }, [state.phase, status, job]);

  const project = info?.path ?? null;
  useEffect(() => {
    if (state.phase !== 'done' || state.summary !== null || state.runId === null || project === null) return;
    const id = state.runId;
    void safeCall(() => api.getRun({ project, id })).then((r) => {
      if (r.ok && r.value.summary) dispatch({ type: 'summary', summary: r.value.summary as ImportSummary });
    });
  }, [api, state.phase, state.summary, state.runId, project]);

  const addFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      dispatch({ type: 'staging' });
      try {
        dispatch({ type: 'staged', files: await api.stageFiles(files) });
      } catch (err) {
        dispatch({ type: 'failed', error: toError(err) });
      }
    },
    [api],
  );

  const start = useCallback(async () => {
    if (project === null) return;
    const r = await jobs.start(project, 'import', importParams(state));
    dispatch(r.ok ? { type: 'started', jobId: r.value.jobId } : { type: 'ended', status: 'failed', error: r.error });
  }, [jobs, project, state]);

  return {
    state,
    job,
    project,
    addFiles,
    start,
    cancel: () => state.jobId !== null && void jobs.cancel(state.jobId),
    remove: (path: string) => dispatch({ type: 'remove', path }),
    choose: (choices: Partial<ImportChoices>) => dispatch({ type: 'choice', choices }),
    mapField: (field: string, column: string | null) => dispatch({ type: 'map', field, column }),
    clearMap: () => dispatch({ type: 'clearMap' }),
    reset: () => dispatch({ type: 'reset' }),
  };
}
