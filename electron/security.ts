import { CONTENT_SECURITY_POLICY } from '../core/model/web.js';
/**
 * The pure parts of the window's hardening (Electron security checklist), kept apart from
 * Electron so unit tests can check them: the origin the renderer is served from, the CSP, the
 * web preferences, which navigations are allowed and which IPC senders are trusted.
 */

/** The renderer is served by our own privileged scheme (see protocol.ts), never file:// or http. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The renderer's CSP, the same in both shells (core/model/web.ts); also set on any other response the session sees. */
export { CONTENT_SECURITY_POLICY };

/** The web preferences of the workbench window: every checklist item set explicitly, not left to defaults. */
export function hardenedWebPreferences(preload: string) {
  return {
    preload,
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
    // The spellchecker downloads dictionaries from a Google CDN: the app never goes online.
    spellcheck: false,
  } as const;
}

/** True for a URL of our renderer (any path or hash on our origin); false for anything else, including unparsable input. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/**
 * Whether a navigation of the window may proceed: only to the renderer's own page (a reload, or a
 * hash change). Links to elsewhere, dropped files and redirects are refused.
 */
export function isAllowedNavigation(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname } = new URL(url);
  return pathname === '/' || pathname === '/index.html';
}

/** The parts of an IpcMainInvokeEvent the sender check reads. */
export interface SenderLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * The IPC sender check: the message comes from our window's web contents, from its top frame
 * (not an iframe), showing our renderer. Everything else is refused before ApiHost sees it.
 */
export function isTrustedSender(event: SenderLike, windowContentsId: number | null): boolean {
  if (windowContentsId === null || event.sender.id !== windowContentsId) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Response headers with our CSP in place of any the response carried (header names are case-insensitive). */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/** URL patterns of every network scheme: the app never goes online, so the session cancels them all. */
export const NETWORK_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];
