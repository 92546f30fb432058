import fs from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOf } from '../core/model/web.js';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security.js';

/** The content type of a renderer file (one table for both shells). */
export const contentType = contentTypeOf;

/**
 * The file under the renderer folder a request of our scheme asks for, or null when it must be
 * refused: another scheme or host, or a path leaving the folder (`..`, encoded or not). `/` is
 * index.html; a path without an extension is index.html too (the page's own routes).
 */
export function rendererFileFor(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = path.resolve(rendererDir);
  const relative = pathname === '/' || path.posix.extname(pathname) === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

/** Headers of every renderer response: the CSP, no sniffing, nothing cached across builds. */
export function rendererHeaders(file: string): Record<string, string> {
  return {
    'content-type': contentType(file),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}

/** Answers one request of our scheme from the renderer folder (404 for anything it refuses or lacks). */
export async function serveRendererRequest(rendererDir: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
  const file = rendererFileFor(rendererDir, request.url);
  if (file === null) return new Response('Not found', { status: 404 });
  try {
    const body = await fs.readFile(file);
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: rendererHeaders(file) });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
