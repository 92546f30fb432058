import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  hardenedWebPreferences,
  isAllowedNavigation,
  isAppUrl,
  isTrustedSender,
  NETWORK_URL_PATTERNS,
  withContentSecurityPolicy,
} from '../../../electron/security.js';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('the window hardening', () => {
  it('sets every checklist web preference explicitly', () => {
    expect(hardenedWebPreferences('/app/dist/electron-preload.cjs')).toEqual({
      preload: '/app/dist/electron-preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('has a CSP that allows our origin only: no remote, inline or eval script, no plugins, frames or forms', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    for (const values of d.values()) {
      expect(values).not.toContain("'unsafe-eval'");
      expect(values.some((v) => /^(https?:|\*)/.test(v))).toBe(false);
    }
  });

  it('replaces any CSP header of a response with ours, whatever its case', () => {
    expect(withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] })).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('cancels every network scheme', () => {
    expect(NETWORK_URL_PATTERNS).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
  });

  it('allows navigation to our page only', () => {
    expect(APP_ENTRY).toBe('app://workbench/index.html');
    for (const ok of ['app://workbench/index.html', 'app://workbench/', 'app://workbench/index.html#/overview', 'app://workbench/?lang=ko']) expect(isAllowedNavigation(ok), ok).toBe(true);
    for (const bad of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html', 'app://workbench/assets/x.js', 'app://user:pw@workbench/index.html', 'javascript:alert(1)', 'not a url', ''])
      expect(isAllowedNavigation(bad), bad).toBe(false);
    expect(isAppUrl('app://workbench/assets/index.js')).toBe(true);
    expect(isAppUrl('app://workbench.evil/index.html')).toBe(false);
  });
});

describe('the IPC sender check', () => {
  const top = { url: 'app://workbench/index.html', parent: null };
  it('trusts our window, its top frame, showing our page', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: top }, 7)).toBe(true);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { ...top, url: 'app://workbench/index.html#/runs' } }, 7)).toBe(true);
  });
  it('refuses other web contents, iframes, other origins, a gone frame, and any sender before the window exists', () => {
    expect(isTrustedSender({ sender: { id: 8 }, senderFrame: top }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { ...top, parent: {} } }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { url: 'https://example.com/', parent: null } }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { url: 'file:///app/renderer/dist/index.html', parent: null } }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: null }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: top }, null)).toBe(false);
  });
});
