import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header scripts and the Electron fallback may send instead of the cookie. */
export const TOKEN_HEADER = 'x-workbench-token';

/** A per-launch secret: 32 random bytes, hex. */
export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Compares a presented secret with the real one in constant time: both are hashed first, so
 * neither the content nor the length of the secret leaks through timing.
 */
export function sameSecret(presented: string, secret: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

/**
 * The cookie's name carries the port: cookies are shared by every port of 127.0.0.1, so two
 * servers running at once would otherwise overwrite each other's cookie.
 */
export function cookieName(port: number): string {
  return `swb_token_${port}`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The origins (and Host values) the server answers to: its own address, by IP or by localhost. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * DNS-rebinding defence: a page of evil.example whose name was re-pointed at 127.0.0.1 still sends
 * `Host: evil.example:PORT`, so only our own host names are served.
 */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return allowedHosts(port).includes(host);
}

/**
 * Cross-site request defence: an Origin header, when the browser sends one, must be ours; a state
 * changing request the browser marks as cross-site or same-site (another port) is refused.
 */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`)) return false;
  const site = req.headers['sec-fetch-site'];
  if (req.method !== 'GET' && req.method !== 'HEAD' && site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  return true;
}

export type AuthOutcome =
  | { kind: 'ok' }
  /** A valid `?token=` on a page load: set the cookie and send the browser to the same URL without it. */
  | { kind: 'redirect'; location: string; cookie: string }
  | { kind: 'deny'; status: 401 | 403; message: string };

/**
 * Who may talk to the server: whoever presents the secret by `X-Workbench-Token`, by the first
 * page load's `?token=` (answered with a cookie and a redirect, so the secret leaves the address
 * bar), or by that cookie. No credentials: 401; wrong ones: 403.
 */
export function authenticate(req: IncomingMessage, url: URL, secret: string, port: number): AuthOutcome {
  const header = req.headers[TOKEN_HEADER];
  if (header !== undefined) return sameSecret(String(header), secret) ? { kind: 'ok' } : wrong();
  const query = url.searchParams.get('token');
  if (query !== null) {
    if (!sameSecret(query, secret)) return wrong();
    if (req.method !== 'GET' && req.method !== 'HEAD') return { kind: 'ok' };
    const clean = new URL(url);
    clean.searchParams.delete('token');
    return { kind: 'redirect', location: `${clean.pathname}${clean.search}`, cookie: `${cookieName(port)}=${secret}; HttpOnly; SameSite=Strict; Path=/` };
  }
  const cookie = readCookie(req.headers.cookie, cookieName(port));
  if (cookie !== undefined) return sameSecret(cookie, secret) ? { kind: 'ok' } : wrong();
  return { kind: 'deny', status: 401, message: 'This Segment Workbench needs its secret: open the address that `segment-workbench serve` printed (it ends with ?token=…).' };
}

function wrong(): AuthOutcome {
  return { kind: 'deny', status: 403, message: 'Wrong secret for this Segment Workbench (it changes at every launch): open the address that `segment-workbench serve` printed.' };
}
