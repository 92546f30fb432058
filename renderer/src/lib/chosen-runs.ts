/**
 * The run the analyst chose on each page, kept per project in localStorage so a reload shows it
 * again (issue #14). One entry, `swb.chosenRuns`: {project path: {page: run id}}. A stored id whose
 * run no longer exists is simply not found by the page's picker, which falls back to the newest run
 * (lib/runs.ts pickRun); run ids are never reused, so a stored id never names another run. Storage
 * that cannot be read or written (private modes, quota) only loses the memory, never the page.
 */
export const CHOSEN_RUNS_KEY = 'swb.chosenRuns';

type Stored = Record<string, Record<string, number>>;

/** The browser's localStorage, typed here so this module also loads in Node (unit tests). */
interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function storage(): KeyValueStore | undefined {
  return (globalThis as { localStorage?: KeyValueStore }).localStorage;
}

function readAll(): Stored {
  try {
    const value = JSON.parse(storage()?.getItem(CHOSEN_RUNS_KEY) ?? '{}') as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Stored) : {};
  } catch {
    return {};
  }
}

/** The stored choice of `scope` (a page) in `project`, or null. */
export function readChosenRun(project: string, scope: string): number | null {
  const id = readAll()[project]?.[scope];
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : null;
}

/** Stores (or, with null, forgets) the choice of `scope` in `project`. */
export function writeChosenRun(project: string, scope: string, id: number | null): void {
  const all = readAll();
  const mine = { ...(all[project] ?? {}) };
  if (id === null) delete mine[scope];
  else mine[scope] = id;
  all[project] = mine;
  try {
    storage()?.setItem(CHOSEN_RUNS_KEY, JSON.stringify(all));
  } catch {
    // No storage: the choice lasts until the page is left.
  }
}
