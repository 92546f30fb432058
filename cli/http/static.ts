import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendError, sendText } from './respond.js';
import { contentTypeOf } from '../../core/model/web.js';


const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Segment Workbench</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:4em auto;padding:0 1em}code{background:#eee;padding:0 .3em}</style></head>
<body><h1>Segment Workbench</h1>
<p>The user interface has not been built yet. Run <code>npm run build</code> in the Segment Workbench folder, then reload this page.</p>
<p>The command line and this server's API work meanwhile.</p></body></html>
`;

/**
 * The renderer's built files: renderer/dist of the package root (found from this module, both in
 * dist/cli.mjs and in the TS sources), or SEGMENT_WORKBENCH_RENDERER_DIR when set (tests).
 */
export function defaultRendererDir(): string {
  const override = process.env.SEGMENT_WORKBENCH_RENDERER_DIR;
  if (override) return path.resolve(override);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'segment-workbench') return path.join(dir, 'renderer', 'dist');
      } catch {
        // Not ours; keep looking upwards.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('renderer', 'dist');
    dir = parent;
  }
}

/** `child` is `root` or inside it (both absolute and normalised). */
function inside(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Serves GET/HEAD of the renderer's files. Paths are decoded once, resolved under the root and
 * checked to stay inside it, symbolic links included (realpath), so `..`, encoded `%2e%2e` and
 * `%2f`, backslashes and NUL bytes never reach a file outside. There is no fallback to index.html
 * for other paths: the renderer is built with relative asset URLs (`base: './'`) and routes inside
 * the page, so only `/` is a page. Without a build, `/` is a short note saying how to build.
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, root: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(req, res, 405, { code: 'invalid-input', message: `${req.method} is not allowed here.` }, { Allow: 'GET, HEAD' });
    return;
  }
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    sendError(req, res, 400, { code: 'invalid-input', message: 'Malformed path.' });
    return;
  }
  if (rel.includes('\0') || rel.includes('\\')) {
    sendError(req, res, 400, { code: 'invalid-input', message: 'Malformed path.' });
    return;
  }
  const isIndex = rel === '/' || rel === '/index.html';
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    if (isIndex) sendText(res, 200, NOT_BUILT, 'text/html');
    else notFound(req, res);
    return;
  }
  const file = resolveInside(root, rel === '/' ? 'index.html' : rel.slice(1));
  if (file !== null) send(req, res, file);
  else notFound(req, res);
}

/** The real path of a regular file under root, or null when there is none or it would escape root. */
function resolveInside(root: string, rel: string): string | null {
  const realRoot = fs.realpathSync(root);
  const candidate = path.resolve(realRoot, rel);
  if (!inside(realRoot, candidate)) return null;
  try {
    const real = fs.realpathSync(candidate);
    if (!inside(realRoot, real) || !fs.statSync(real).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

function send(req: IncomingMessage, res: ServerResponse, file: string): void {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    notFound(req, res);
    return;
  }
  res.writeHead(200, { 'Content-Type': contentTypeOf(file), 'Content-Length': size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function notFound(req: IncomingMessage, res: ServerResponse): void {
  sendError(req, res, 404, { code: 'not-found', message: 'Not found.' });
}
