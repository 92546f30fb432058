import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError, ErrorCode } from '../../core/model/result.js';
import { CONTENT_SECURITY_POLICY } from '../../core/model/web.js';

/** The renderer's Content Security Policy, sent with every response of the browser host. */
/** The renderer's CSP, the same as the Electron window's (core/model/web.ts). */
export const CSP = CONTENT_SECURITY_POLICY;

/**
 * Headers every response carries, whatever it is (401s and static files included): no MIME
 * sniffing, no referrer (the first URL holds the secret), the CSP, no framing, no caching (a cached
 * page or API answer would outlive the per-launch secret that guarded it).
 */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

/** An HTTP-level refusal (bad method, too large, not JSON …), answered as an ApiResult error. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, type = 'text/plain', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** `{ok:false, error}` with an HTTP status: JSON for the API, plain text for pages and assets. */
export function sendError(req: IncomingMessage, res: ServerResponse, status: number, error: ApiError, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if ((req.url ?? '').startsWith('/api/')) sendJson(res, status, { ok: false, error }, headers);
  else sendText(res, status, `${error.message}\n`, 'text/plain', headers);
}

/** Reads a request body up to `limit` bytes; a larger body is refused with 413 before it is all read. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'invalid-input', `The request body is larger than the limit of ${formatBytes(limit)}.`, { Connection: 'close' });
}

function formatBytes(n: number): string {
  return n >= 2 ** 30 ? `${n / 2 ** 30} GB` : n >= 2 ** 20 ? `${n / 2 ** 20} MB` : `${n} bytes`;
}
