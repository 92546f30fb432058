import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHost } from '../../core/service/api.js';
import { WorkbenchError } from '../../core/model/result.js';
import { AnswerCache } from './answer-cache.js';
import { handleCall } from './api-routes.js';
import { authenticate, hostAllowed, originAllowed } from './auth.js';
import { HttpError, sendError, setSecurityHeaders } from './respond.js';
import { EventStreams } from './sse.js';
import { serveStatic } from './static.js';
import type { UploadArea } from './upload.js';

/** The only address the browser host listens on (SPEC §5): never another interface. */
export const LOOPBACK = '127.0.0.1';

/** A client gets this long to send its request headers (Node's default is 60 s): a slow client cannot hold sockets. */
export const HEADERS_TIMEOUT_MS = 10_000;

/**
 * A whole request, body included, must arrive within this (Node's default is 5 min): long enough
 * for the 4 GB upload limit at 2.5 MB/s, where a loopback upload runs at hundreds of MB/s.
 */
export const REQUEST_TIMEOUT_MS = 30 * 60_000;

/**
 * How long a kept-alive connection may sit idle (Node's default is 5 s). Under 200 clients
 * (bench/serve-load.mjs) the default reset about one request in eight with ECONNRESET: once the
 * loop had run calls back to back for over 5 s, the idle timers of many sockets fired in one go,
 * racing the next requests their clients had just sent. Idle sockets of this loopback server cost
 * next to nothing, only clients with the secret keep theirs (others are closed after the 401), and
 * stopping the server closes idle ones at once.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface WorkbenchServerOptions {
  api: ApiHost;
  secret: string;
  /** The renderer's built files (renderer/dist). */
  rendererDir: string;
  uploads: UploadArea;
}

/**
 * The browser host's HTTP server. Every request passes, in order: security headers; the Host
 * check (DNS rebinding); the Origin check (cross-site requests); the secret (header, first-load
 * `?token=` → cookie and redirect, or cookie). Then: `POST /api/call/:op`, `GET /api/events` (SSE),
 * `POST /api/upload?name=`, and the renderer's static files for everything else.
 */
export class WorkbenchServer {
  readonly server: http.Server;
  readonly events: EventStreams;
  /** Serialized answers of finished runs' views (issue #15 §12: the main thread must not stall). */
  readonly answers = new AnswerCache();
  private closed: Promise<void> | null = null;

  constructor(private readonly options: WorkbenchServerOptions) {
    this.events = new EventStreams(options.api.board);
    this.server = http.createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS }, (req, res) => void this.route(req, res));
    this.server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  }

  /** Listens on 127.0.0.1:port (0: a free port chosen by the system); resolves with the port. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException): void => {
        reject(err.code === 'EADDRINUSE' ? new WorkbenchError('invalid-input', `Port ${port} of ${LOOPBACK} is in use; choose another with --port, or --port 0 for any free one.`) : err);
      };
      this.server.once('error', onError);
      this.server.listen({ host: LOOPBACK, port, exclusive: true }, () => {
        this.server.off('error', onError);
        // Later server errors (e.g. out of file descriptors on accept) are reported, never fatal.
        this.server.on('error', (err) => process.stderr.write(`segment-workbench serve: ${err.message}\n`));
        resolve(this.port);
      });
    });
  }

  get port(): number {
    return (this.server.address() as AddressInfo | null)?.port ?? 0;
  }

  /** Stops accepting connections and closes idle ones; open streams and calls go on until `drop`. */
  stopAccepting(): Promise<void> {
    this.closed ??= new Promise((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    return this.closed;
  }

  /** Ends the event streams and every remaining connection; resolves when the server is closed. */
  drop(): Promise<void> {
    const closed = this.stopAccepting();
    this.events.closeAll();
    this.server.closeAllConnections();
    return closed;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const port = this.port;
    let trusted = false;
    try {
      if (!hostAllowed(req, port)) throw new HttpError(403, 'invalid-input', `This server answers only to 127.0.0.1:${port} and localhost:${port}.`);
      if (!originAllowed(req, port)) throw new HttpError(403, 'invalid-input', 'Cross-site requests are refused.');
      const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);
      const auth = authenticate(req, url, this.options.secret, port);
      if (auth.kind === 'deny') throw new HttpError(auth.status, 'invalid-input', auth.message, auth.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="segment-workbench"' } : {});
      trusted = auth.kind === 'ok';
      if (auth.kind === 'redirect') {
        res.writeHead(303, { Location: auth.location, 'Set-Cookie': auth.cookie, 'Content-Length': 0 });
        res.end();
        return;
      }
      const { pathname } = url;
      if (pathname.startsWith('/api/call/')) await handleCall(req, res, this.options.api, decodeSegment(pathname.slice('/api/call/'.length)), this.answers);
      else if (pathname === '/api/events') this.events.handle(req, res);
      else if (pathname === '/api/upload') await this.options.uploads.handle(req, res, url);
      else if (pathname === '/api' || pathname.startsWith('/api/')) throw new HttpError(404, 'not-found', `No API at ${pathname}.`);
      else serveStatic(req, res, url, this.options.rendererDir);
    } catch (err) {
      if (err instanceof HttpError) {
        if (!trusted) {
          // Refused before authentication (issue #15 §10): answer, then close without reading a
          // byte of the body; otherwise Node reads and discards it, however large it says it is.
          res.once('finish', () => req.socket.destroy());
          sendError(req, res, err.status, { code: err.code, message: err.message }, { ...err.headers, Connection: 'close' });
          return;
        }
        sendError(req, res, err.status, { code: err.code, message: err.message }, err.headers);
        return;
      }
      process.stderr.write(`segment-workbench serve: ${req.method} ${redactedUrl(req.url)}: ${(err as Error).stack ?? String(err)}\n`);
      sendError(req, res, 500, { code: 'internal', message: `Internal error: ${(err as Error).message ?? String(err)}` });
    }
  }
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A request URL fit for a log: the secret (`?token=`) replaced, so it never reaches one (issue #15 §8). */
export function redactedUrl(raw: string | undefined): string {
  try {
    const url = new URL(raw ?? '/', 'http://x');
    if (url.searchParams.has('token')) url.searchParams.set('token', 'REDACTED');
    return `${url.pathname}${url.search}`;
  } catch {
    return (raw ?? '').split('?')[0];
  }
}
