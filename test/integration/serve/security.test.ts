import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/project.js';
import { stopAll, rawRequest, startServe, tinyProject, type Served } from './helpers.js';
import { CONTENT_SECURITY_POLICY } from '../../../core/model/web.js';

const CSP = CONTENT_SECURITY_POLICY;

/** Resolves true if a TCP connection to address:port succeeds, false if it is refused or fails. */
function connects(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    socket.setTimeout(5000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** SPEC §5: the browser host binds 127.0.0.1 only and requires a per-launch secret. */
describe('serve: the browser host is private to this machine and this launch', () => {
  let dir: string;
  let dist: string;
  let a: Served;
  let b: Served;

  beforeAll(async () => {
    dir = tempDir('swb-serve-');
    const project = tinyProject(dir);
    // A stand-in for renderer/dist, with a file outside it that must never be served.
    dist = path.join(dir, 'dist');
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/assets/x.js"></script>');
    fs.writeFileSync(path.join(dist, 'assets', 'x.js'), 'console.log("app");');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'TOP SECRET');
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(dist, 'assets', 'link.txt'));
    [a, b] = await Promise.all([
      startServe(project, { env: { SEGMENT_WORKBENCH_RENDERER_DIR: dist } }),
      startServe(project, { env: { SEGMENT_WORKBENCH_RENDERER_DIR: path.join(dir, 'not-built') } }),
    ]);
  });

  afterAll(async () => {
    await stopAll();
  });

  it('prints one JSON line with url, port and project; --port 0 gives each server a port and a secret of its own', () => {
    for (const s of [a, b]) {
      expect(s.url).toBe(`http://127.0.0.1:${s.port}/?token=${s.token}`);
      expect(s.token).toMatch(/^[0-9a-f]{64}$/);
      expect(s.port).toBeGreaterThan(0);
    }
    expect(JSON.parse((a as Served & { line: string }).line)).toEqual({ url: a.url, port: a.port, project: a.project });
    expect(a.port).not.toBe(b.port);
    expect(a.token).not.toBe(b.token);
  });

  it('listens on 127.0.0.1 only: other loopback and interface addresses refuse the connection', async () => {
    expect(await connects('127.0.0.1', a.port)).toBe(true);
    // On Linux all of 127/8 reaches the machine: a server bound to 0.0.0.0 would answer on 127.0.0.2.
    const others = ['127.0.0.2', '::1'];
    for (const list of Object.values(os.networkInterfaces())) for (const i of list ?? []) if (!i.internal && !i.address.startsWith('fe80')) others.push(i.address);
    for (const address of others) expect(await connects(address, a.port), address).toBe(false);
  });

  it('refuses every request without the secret with 401, static files included', async () => {
    for (const [method, p] of [['GET', '/'], ['GET', '/assets/x.js'], ['GET', '/index.html'], ['POST', '/api/call/listRuns'], ['GET', '/api/events'], ['POST', '/api/upload?name=a.csv'], ['GET', '/nothing-here']]) {
      const res = await fetch(`${a.origin}${p}`, { method, redirect: 'manual' });
      expect(res.status, `${method} ${p}`).toBe(401);
      const body = await res.text();
      expect(body).not.toContain('console.log');
      expect(res.headers.get('content-security-policy')).toBe(CSP);
    }
  });

  it('refuses a wrong secret with 403, by header, query or cookie', async () => {
    const wrong = 'f'.repeat(64);
    for (const p of ['/', '/assets/x.js', '/api/events']) {
      expect((await fetch(`${a.origin}${p}`, { headers: { 'X-Workbench-Token': wrong } })).status).toBe(403);
      expect((await fetch(`${a.origin}${p}`, { headers: { Cookie: `swb_token_${a.port}=${wrong}` } })).status).toBe(403);
      expect((await fetch(`${a.origin}${p}?token=${wrong}`, { redirect: 'manual' })).status).toBe(403);
    }
    const call = await fetch(`${a.origin}/api/call/listRuns`, { method: 'POST', headers: { 'X-Workbench-Token': 'short' }, body: '{}' });
    expect(call.status).toBe(403);
    expect(await call.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // The other server's secret is not this one's.
    expect((await fetch(`${a.origin}/`, { headers: { 'X-Workbench-Token': b.token } })).status).toBe(403);
  });

  it('serves pages, assets and the API to the secret, with the security headers', async () => {
    const headers = { 'X-Workbench-Token': a.token };
    const page = await fetch(`${a.origin}/`, { headers });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>app</title>');
    for (const [name, value] of Object.entries({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'content-security-policy': CSP, 'cache-control': 'no-store' })) expect(page.headers.get(name), name).toBe(value);
    const asset = await fetch(`${a.origin}/assets/x.js`, { headers });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await asset.text()).toBe('console.log("app");');
    expect(await (await fetch(`${a.origin}/index.html`, { headers })).text()).toContain('<title>app</title>');
    expect((await fetch(`${a.origin}/segments/compare`, { headers })).status).toBe(404);
    expect((await fetch(`${a.origin}/assets/missing.js`, { headers })).status).toBe(404);
    const api = await fetch(`${a.origin}/api/call/listRuns`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ project: a.project }) });
    expect(api.status).toBe(200);
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(((await api.json()) as { ok: boolean }).ok).toBe(true);
    const events = new AbortController();
    const sse = await fetch(`${a.origin}/api/events`, { headers, signal: events.signal });
    expect(sse.status).toBe(200);
    expect(sse.headers.get('content-type')).toMatch(/^text\/event-stream/);
    events.abort();
  });

  it('trades the first load ?token= for an HttpOnly SameSite=Strict cookie and a redirect that drops it', async () => {
    const first = await fetch(`${a.origin}/?token=${a.token}&lang=ko`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/?lang=ko');
    const [cookie] = first.headers.getSetCookie();
    const attrs = cookie.split(';').map((s) => s.trim());
    expect(attrs[0]).toBe(`swb_token_${a.port}=${a.token}`);
    expect(attrs).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    const jar = { Cookie: attrs[0] };
    const page = await fetch(`${a.origin}/?lang=ko`, { headers: jar, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>app</title>');
    expect((await fetch(`${a.origin}/assets/x.js`, { headers: jar })).status).toBe(200);
    const call = await fetch(`${a.origin}/api/call/listAnalyses`, { method: 'POST', headers: jar, body: '{}' });
    expect(((await call.json()) as { ok: boolean }).ok).toBe(true);
    const events = new AbortController();
    expect((await fetch(`${a.origin}/api/events`, { headers: jar, signal: events.signal })).status).toBe(200);
    events.abort();
    // Cookies are shared by the ports of a host: each server has a cookie name of its own.
    expect((await fetch(`${b.origin}/`, { headers: jar })).status).toBe(401);
  });

  it('answers only to its own Host names (DNS rebinding)', async () => {
    const token = { 'X-Workbench-Token': a.token };
    expect((await rawRequest(a.port, { path: '/', headers: token })).status).toBe(200);
    expect((await rawRequest(a.port, { path: '/', headers: { ...token, Host: `localhost:${a.port}` } })).status).toBe(200);
    for (const host of [`evil.example:${a.port}`, 'evil.example', `127.0.0.1:${b.port}`, '127.0.0.1', `127.0.0.1.evil.example:${a.port}`]) {
      const res = await rawRequest(a.port, { path: '/api/call/listAnalyses', method: 'POST', headers: { ...token, Host: host }, body: '{}' });
      expect(res.status, host).toBe(403);
      expect(res.body).not.toContain('data-summary');
    }
  });

  it('refuses cross-site requests by Origin and Sec-Fetch-Site', async () => {
    const token = { 'X-Workbench-Token': a.token };
    const post = (headers: Record<string, string>): Promise<number> => rawRequest(a.port, { path: '/api/call/listAnalyses', method: 'POST', headers: { ...token, ...headers }, body: '{}' }).then((r) => r.status);
    expect(await post({ Origin: a.origin })).toBe(200);
    expect(await post({ Origin: `http://localhost:${a.port}`, 'Sec-Fetch-Site': 'same-origin' })).toBe(200);
    expect(await post({ Origin: 'http://evil.example' })).toBe(403);
    expect(await post({ Origin: b.origin })).toBe(403);
    expect(await post({ Origin: 'null' })).toBe(403);
    expect(await post({ 'Sec-Fetch-Site': 'cross-site' })).toBe(403);
    expect(await post({ 'Sec-Fetch-Site': 'same-site' })).toBe(403);
  });

  it('never serves a file outside the renderer folder', async () => {
    const token = { 'X-Workbench-Token': a.token };
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/assets/%2e%2e%5c%2e%2e%5csecret.txt', `/${encodeURIComponent(path.join(dir, 'secret.txt'))}`, '/assets/link.txt', '/assets/x.js%00.txt', '/%E0%A4%A']) {
      const res = await rawRequest(a.port, { path: p, headers: token });
      expect(res.body, p).not.toContain('TOP SECRET');
      expect([400, 404], p).toContain(res.status);
    }
  });

  it('without a built renderer, pages say how to build it (still behind the secret)', async () => {
    expect((await fetch(`${b.origin}/`)).status).toBe(401);
    const page = await fetch(`${b.origin}/`, { headers: { 'X-Workbench-Token': b.token } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('npm run build');
    expect((await fetch(`${b.origin}/assets/x.js`, { headers: { 'X-Workbench-Token': b.token } })).status).toBe(404);
  });
});
