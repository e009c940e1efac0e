import { isAllowedRequest, isAppPage } from './app-url';
import type { AppLocation } from './app-url';
import { CONTENT_SECURITY_POLICY } from '../content-security';

export { CONTENT_SECURITY_POLICY } from '../content-security';

type Headers = Record<string, string | string[]>;

/** The parts of Electron's `Session` the policy sets; Electron's own object fits as it is. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void,
    ): void;
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Headers },
        callback: (response: { responseHeaders?: Headers }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Locks a session down: every permission request and check is refused, every
 * response carries the CSP, and every request that is not for the app's own
 * files (or the dev server) is cancelled before it leaves the machine.
 */
export function applySessionPolicy(session: SessionLike, location: AppLocation): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, location) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withPolicy(details.responseHeaders ?? {}) });
  });
}

function withPolicy(headers: Headers): Headers {
  // Header names are case-insensitive: drop any policy a server sent so ours is the only one.
  const kept = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

/** An Electron event whose default action can be stopped. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of Electron's `WebContents` the guards use; Electron's own object fits as it is. */
export interface WebContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: string, listener: (event: PreventableEvent, url: string) => void): unknown;
}

/**
 * Keeps a window's contents on Quarry's own page: no new windows, no
 * navigation or redirect elsewhere, no <webview> tags.
 */
export function guardWebContents(contents: WebContentsLike, location: AppLocation): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayHome = (event: PreventableEvent, url: string): void => {
    if (!isAppPage(url, location)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
