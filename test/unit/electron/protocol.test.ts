import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, rendererFileFor, serveRendererRequest } from '../../../electron/protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-renderer-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, '..', `${path.basename(dir)}-secret.txt`), 'secret');
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.join(dir, '..', `${path.basename(dir)}-secret.txt`), { force: true });
});

describe('the app:// scheme', () => {
  it('maps our URLs to files under the renderer folder; the page and its routes to index.html', () => {
    expect(rendererFileFor(dir, 'app://workbench/')).toBe(path.join(dir, 'index.html'));
    expect(rendererFileFor(dir, 'app://workbench/index.html')).toBe(path.join(dir, 'index.html'));
    expect(rendererFileFor(dir, 'app://workbench/overview')).toBe(path.join(dir, 'index.html'));
    expect(rendererFileFor(dir, 'app://workbench/assets/index-abc.js?v=1#x')).toBe(path.join(dir, 'assets', 'index-abc.js'));
  });

  it('refuses other hosts, schemes and malformed paths', () => {
    for (const url of ['app://other/index.html', 'file:///etc/passwd', 'https://workbench/index.html', 'app://workbench/assets%5C..%5C..%5Csecret.txt', 'app://workbench/a%00.js', 'app://workbench/%E0%A4%A.js', 'nonsense'])
      expect(rendererFileFor(dir, url), url).toBeNull();
  });

  it('never answers a file outside the folder, however the path is spelled', () => {
    const secret = `${path.basename(dir)}-secret.txt`;
    for (const url of [`app://workbench/..%2F${secret}`, `app://workbench/../${secret}`, `app://workbench/%2e%2e/${secret}`, 'app://workbench/%2e%2e/%2e%2e/etc/passwd', `app://workbench/assets/..%2F..%2F${secret}`, 'app://workbench//etc/passwd']) {
      const file = rendererFileFor(dir, url);
      expect(file === null || file.startsWith(dir + path.sep), `${url} → ${file}`).toBe(true);
    }
  });

  it('serves files with their type, the CSP and nosniff; 404 and 405 otherwise', async () => {
    const page = await serveRendererRequest(dir, { url: 'app://workbench/index.html', method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>t</title>');
    const script = await serveRendererRequest(dir, { url: 'app://workbench/assets/index-abc.js', method: 'GET' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await serveRendererRequest(dir, { url: 'app://workbench/assets/missing.js', method: 'GET' })).status).toBe(404);
    expect((await serveRendererRequest(dir, { url: `app://workbench/..%2F${path.basename(dir)}-secret.txt`, method: 'GET' })).status).toBe(404);
    expect((await serveRendererRequest(dir, { url: 'app://workbench/index.html', method: 'POST' })).status).toBe(405);
    expect(contentType('x.woff2')).toBe('font/woff2');
    expect(contentType('x.unknown')).toBe('application/octet-stream');
  });
});
