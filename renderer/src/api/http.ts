import type { WorkbenchApi } from '../../../core/model/api.js';
import { OPERATION_NAMES, type OperationName } from '../../../core/model/operation-names.js';
import type { JobEvent } from '../../../core/model/jobs.js';
import { WorkbenchError, type ApiError, type ApiResult } from '../../../core/model/result.js';
import type { RendererApi, StagedFile } from './types.js';

/*
 * The browser host's client (`segment-workbench serve`): the same WorkbenchApi the Electron preload
 * exposes, over HTTP on the page's own origin. The page authenticates by the HttpOnly cookie the
 * server set on the first load, so nothing here ever sees the secret.
 */

export interface HttpApiOptions {
  /** Prefix of the server's URLs; '' (default) is the page's own origin. */
  base?: string;
  /** Injected for tests; default the global fetch / EventSource. */
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

/** Reconnection delays of the job event stream after it closed for good: 1 s doubling up to 30 s. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

function internal(message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'internal', message } };
}

function isApiResult(x: unknown): x is ApiResult<unknown> {
  if (x === null || typeof x !== 'object') return false;
  const r = x as { ok?: unknown; error?: unknown };
  return r.ok === true ? 'value' in r : r.ok === false && r.error !== null && typeof r.error === 'object';
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The API over HTTP: one method per operation (POST /api/call/<name>), job events over SSE, file staging. */
export function createHttpApi(options: HttpApiOptions = {}): RendererApi {
  const base = options.base ?? '';
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));

  /** Reads an ApiResult from a response; anything else (a proxy page, an empty body) becomes `internal`. */
  async function readResult(res: Response): Promise<ApiResult<unknown>> {
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return internal(`The workbench server answered HTTP ${res.status} without a result${text ? `: ${text.slice(0, 200)}` : ''}.`);
    }
    return isApiResult(body) ? body : internal(`The workbench server answered HTTP ${res.status} with something that is not a result.`);
  }

  async function call(name: OperationName, input: unknown): Promise<ApiResult<unknown>> {
    try {
      const res = await doFetch(`${base}/api/call/${encodeURIComponent(name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return await readResult(res);
    } catch (err) {
      return internal(`Cannot reach the workbench server (is \`segment-workbench serve\` still running?): ${messageOf(err)}`);
    }
  }

  const operations = Object.fromEntries(OPERATION_NAMES.map((name) => [name, (input: unknown) => call(name, input)])) as unknown as Omit<WorkbenchApi, 'onJobEvent'>;

  const events = new JobEventStream(`${base}/api/events`, options.EventSource ?? globalThis.EventSource);

  async function stageFiles(files: File[]): Promise<StagedFile[]> {
    const staged: StagedFile[] = [];
    for (const file of files) {
      let result: ApiResult<unknown>;
      try {
        const res = await doFetch(`${base}/api/upload?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/octet-stream' },
          body: file,
        });
        result = await readResult(res);
      } catch (err) {
        throw new WorkbenchError('internal', `Could not upload ${file.name} to the workbench server: ${messageOf(err)}`);
      }
      if (!result.ok) throw new WorkbenchError(result.error.code, `Could not upload ${file.name}: ${result.error.message}`, result.error.details);
      staged.push(result.value as StagedFile);
    }
    return staged;
  }

  return {
    ...operations,
    onJobEvent: (listener) => events.subscribe(listener),
    stageFiles,
  };
}

/**
 * One EventSource shared by every subscriber, opened with the first and closed with the last.
 * EventSource reconnects by itself after a dropped connection; when it gives up (the server
 * answered an error, e.g. while restarting), this reopens it with a growing delay. Events that
 * happen while disconnected are lost: refresh with listJobs after a reconnect if it matters.
 */
class JobEventStream {
  private readonly listeners = new Set<(e: JobEvent) => void>();
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = RETRY_FIRST_MS;

  constructor(
    private readonly url: string,
    private readonly Source: typeof EventSource | undefined,
  ) {}

  subscribe(listener: (e: JobEvent) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.open();
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.shut();
    };
  }

  private open(): void {
    if (this.source !== null || this.Source === undefined) return;
    const source = new this.Source(this.url);
    this.source = source;
    source.onopen = () => {
      this.retryMs = RETRY_FIRST_MS;
    };
    source.onmessage = (message: MessageEvent<string>) => {
      let event: JobEvent;
      try {
        event = JSON.parse(message.data) as JobEvent;
      } catch {
        return;
      }
      for (const listener of [...this.listeners]) {
        try {
          listener(event);
        } catch (err) {
          console.error('A job event listener failed:', err);
        }
      }
    };
    source.onerror = () => {
      // CONNECTING: the browser is already retrying. CLOSED: it gave up; retry ourselves.
      if (source.readyState !== source.CLOSED || this.source !== source) return;
      source.close();
      this.source = null;
      if (this.listeners.size === 0 || this.retryTimer !== null) return;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (this.listeners.size > 0) this.open();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    };
  }

  private shut(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.source?.close();
    this.source = null;
    this.retryMs = RETRY_FIRST_MS;
  }
}
