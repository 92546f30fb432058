import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { UploadArea } from '../../../cli/http/upload.js';
import { WorkbenchServer } from '../../../cli/http/server.js';
import { ApiHost } from '../../../core/service/api.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { CLI, ROOT, runCli, tempDir } from '../../helpers/project.js';

/** A running `segment-workbench serve`, as its JSON line describes it. */
export interface Served {
  url: string;
  port: number;
  project: string;
  token: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  child: ChildProcess;
  /** Settles when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

const children = new Set<ChildProcess>();

/** A tiny demo project at dir/name (the CLI's own `demo`, as a user would make it). */
export function tinyProject(dir: string, name = 'p.sqlite'): string {
  const project = path.join(dir, name);
  const r = runCli(['demo', '--project', project, '--size', 'tiny', '--seed', '3']);
  if (r.code !== 0) throw new Error(`demo failed: ${r.stderr}`);
  return project;
}

/**
 * Starts `serve --project P --port 0 [--json]` and resolves with its first stdout line parsed (or,
 * without --json, the raw line in `url`); rejects if the process exits before printing.
 */
export function startServe(project: string, options: { env?: Record<string, string>; json?: boolean; args?: string[] } = {}): Promise<Served & { line: string }> {
  const json = options.json ?? true;
  const child = spawn(process.execPath, [CLI, 'serve', '--project', project, '--port', '0', ...(json ? ['--json'] : []), ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, TZ: 'UTC', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => (stderr += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  const lines = readline.createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    void exited.then(({ code, signal }) => reject(new Error(`serve exited (${code ?? signal}) before printing its URL: ${stderr}`)));
    lines.once('line', (line) => {
      let url = line;
      if (json) url = (JSON.parse(line) as { url: string }).url;
      else url = /(http:\/\/\S+)$/.exec(line)?.[1] ?? '';
      const u = new URL(url);
      resolve({ line, url, port: Number(u.port), project, token: u.searchParams.get('token') ?? '', origin: u.origin, child, exited, stderr: () => stderr });
    });
  });
}

/**
 * Stops every server still running (afterAll): SIGTERM, so each removes its upload folder; SIGKILL
 * only for one that has not exited 10 s later.
 */
export async function stopAll(): Promise<void> {
  const waits = [...children].map(
    (c) =>
      new Promise<void>((resolve) => {
        if (c.exitCode !== null || c.signalCode !== null) return resolve();
        const force = setTimeout(() => c.kill('SIGKILL'), 10_000);
        c.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        c.kill('SIGTERM');
      }),
  );
  await Promise.all(waits);
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with exactly these headers and path (fetch would normalise the path and forbid Host). */
export function rawRequest(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string; address?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: options.address ?? '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (s: string) => (body += s));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** One message of an event stream: a comment line or a data payload. */
export type SseMessage = { comment: string } | { data: unknown };

/** The messages of a text/event-stream response, parsed as they arrive. */
export async function* sseMessages(res: Response): AsyncGenerator<SseMessage> {
  if (!res.body) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) yield { comment: line.slice(1).trim() };
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) yield { data: JSON.parse(data.join('\n')) };
    }
  }
}

/** A browser host in this process (secret 'x'), for tests that look inside the server or its answers. */
export interface InProcessHost {
  service: WorkbenchService;
  server: WorkbenchServer;
  /** The port it listens on (0 when not asked to listen). */
  port: number;
  /** POST /api/call/op with the secret: the body as text and the X-Workbench-Cache header. */
  call(op: string, input: unknown): Promise<{ cache: string | undefined; body: string }>;
  /** Closes the server, removes its uploads and closes the service. */
  stop(): Promise<void>;
}

/**
 * Starts one (`listen: false` only builds it). The upload area cleans the temporary folder it
 * starts in, so it gets a folder of its own under `prefix`.
 */
export async function inProcessHost(prefix: string, options: { listen?: boolean } = {}): Promise<InProcessHost> {
  const service = new WorkbenchService();
  const realTmp = process.env.TMPDIR;
  process.env.TMPDIR = tempDir(`${prefix}tmp-`);
  const uploads = new UploadArea();
  if (realTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = realTmp;
  const server = new WorkbenchServer({ api: new ApiHost(service), secret: 'x', rendererDir: tempDir(`${prefix}dist-`), uploads });
  const port = options.listen === false ? 0 : await server.listen(0);
  const call = (op: string, input: unknown): Promise<{ cache: string | undefined; body: string }> => {
    const payload = JSON.stringify(input);
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: `/api/call/${op}`, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), 'X-Workbench-Token': 'x', Host: `127.0.0.1:${port}` } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (s: string) => (body += s));
          res.on('end', () => resolve({ cache: res.headers['x-workbench-cache'] as string | undefined, body }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  };
  const stop = async (): Promise<void> => {
    if (options.listen !== false) await server.drop();
    uploads.remove();
    await service.close();
  };
  return { service, server, port, call, stop };
}
