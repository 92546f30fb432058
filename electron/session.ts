import type { Session } from 'electron';
import { NETWORK_URL_PATTERNS, withContentSecurityPolicy } from './security.js';

/**
 * Hardens the session the window uses: every permission request and check denied (camera,
 * notifications, geolocation, …: the workbench needs none), the CSP added to every response as a
 * header, every network request cancelled (offline by design: no remote content, ever), and the
 * spellchecker (which downloads dictionaries) off.
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
  ses.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (_details, callback) => callback({ cancel: true }));
  ses.setSpellCheckerEnabled(false);
}
