import { readFileSync } from 'node:fs';
import { PAGE_CONTENT_SECURITY_POLICY } from '../../../electron/content-security';
import { describe, expect, it } from 'vitest';
import { appLocation } from '../../../electron/main/app-url';
import {
  CONTENT_SECURITY_POLICY,
  applySessionPolicy,
  guardWebContents,
} from '../../../electron/main/security';
import type { PreventableEvent, SessionLike, WebContentsLike } from '../../../electron/main/security';

const INDEX = '/opt/Quarry/resources/app.asar/out/renderer/index.html';
const packaged = appLocation(undefined, INDEX);
const dev = appLocation('http://localhost:5173', INDEX);

type Headers = Record<string, string | string[]>;

/** A session that keeps the handlers it is given, so a test can call them as Chromium would. */
function fakeSession() {
  const handlers: {
    request?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
    check?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
    beforeRequest?: Parameters<SessionLike['webRequest']['onBeforeRequest']>[0];
    headers?: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0];
  } = {};
  const session: SessionLike = {
    setPermissionRequestHandler: (handler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler) => (handlers.check = handler),
    webRequest: {
      onBeforeRequest: (listener) => (handlers.beforeRequest = listener),
      onHeadersReceived: (listener) => (handlers.headers = listener),
    },
  };
  const cancelled = (url: string): boolean | undefined => {
    let answer: boolean | undefined;
    handlers.beforeRequest?.({ url }, (response) => (answer = response.cancel));
    return answer;
  };
  const headersFor = (responseHeaders: Headers): Headers | undefined => {
    let answer: Headers | undefined;
    handlers.headers?.({ responseHeaders }, (response) => (answer = response.responseHeaders));
    return answer;
  };
  return { session, handlers, cancelled, headersFor };
}

/** Web contents that record their window-open handler and listeners. */
function fakeContents() {
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const listeners = new Map<string, (event: PreventableEvent, url: string) => void>();
  const contents: WebContentsLike = {
    setWindowOpenHandler: (handler) => (openHandler = handler),
    on: (event, listener) => listeners.set(event, listener),
  };
  /** Fires `name` and says whether the default action was prevented. */
  const fire = (name: string, url = ''): boolean => {
    let prevented = false;
    listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('applySessionPolicy', () => {
  it('denies every permission request', () => {
    const { session, handlers } = fakeSession();
    applySessionPolicy(session, packaged);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      handlers.request?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
  });

  it('answers every permission check with no', () => {
    const { session, handlers } = fakeSession();
    applySessionPolicy(session, packaged);
    expect(handlers.check?.(null, 'clipboard-sanitized-write')).toBe(false);
    expect(handlers.check?.({}, 'fullscreen')).toBe(false);
  });

  it('sets the Content-Security-Policy header, replacing any the response carried', () => {
    const { session, headersFor } = fakeSession();
    applySessionPolicy(session, dev);
    expect(
      headersFor({ 'content-type': ['text/html'], 'content-security-policy': ['default-src *'] }),
    ).toEqual({
      'content-type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('cancels requests that would leave the machine', () => {
    const { session, cancelled } = fakeSession();
    applySessionPolicy(session, packaged);
    expect(cancelled('https://example.com/tracker.js')).toBe(true);
    expect(cancelled('http://localhost:5173/src/main.ts')).toBe(true);
    expect(cancelled('wss://example.com/socket')).toBe(true);
    expect(cancelled('ftp://example.com/file')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
  });

  it('lets the window load its own files and in-memory data', () => {
    const { session, cancelled } = fakeSession();
    applySessionPolicy(session, packaged);
    expect(cancelled(`file://${INDEX}`)).toBe(false);
    expect(cancelled('file:///opt/Quarry/resources/app.asar/out/renderer/assets/index-1a2b.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
  });

  it('lets a development window reach its dev server and nothing else', () => {
    const { session, cancelled } = fakeSession();
    applySessionPolicy(session, dev);
    expect(cancelled('http://localhost:5173/@vite/client')).toBe(false);
    expect(cancelled('ws://localhost:5173/')).toBe(false);
    expect(cancelled('http://localhost:8080/')).toBe(true);
    expect(cancelled('https://fonts.example.com/font.woff2')).toBe(true);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the same policy as the meta tag in renderer/index.html', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(PAGE_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(`${PAGE_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('names no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });
});

describe('guardWebContents', () => {
  it('denies window.open', () => {
    const { contents, open } = fakeContents();
    guardWebContents(contents, packaged);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open(`file://${INDEX}`)).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects to another origin or file', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, packaged);
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'file:///home/ada/evil.html')).toBe(true);
    expect(fire('will-redirect', 'http://localhost:5173/')).toBe(true);
  });

  it('lets the window reload its own page', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, packaged);
    expect(fire('will-navigate', `file://${INDEX}#/article/a1`)).toBe(false);
    const devContents = fakeContents();
    guardWebContents(devContents.contents, dev);
    expect(devContents.fire('will-navigate', 'http://localhost:5173/?reload')).toBe(false);
    expect(devContents.fire('will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('prevents attaching a webview', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, packaged);
    expect(fire('will-attach-webview')).toBe(true);
  });
});
