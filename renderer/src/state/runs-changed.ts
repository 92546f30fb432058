/**
 * A signal that the project's stored runs changed outside a job: a segment renamed, a run titled,
 * annotated or deleted (issue #14). Every page's run list (useProjectRuns) reloads on it, so what
 * the page shows — run pickers, segment dropdowns, per-segment tables — carries the change at once.
 * Jobs that finish already reload the lists (useJobs' doneCount).
 */
const listeners = new Set<() => void>();

export function notifyRunsChanged(): void {
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` on every change; returns the unsubscribe. */
export function onRunsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
