import { dirname, normalize, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where Quarry's own page lives: the built `index.html` on disk, or the
 * electron-vite dev server during development. Everything the window may load,
 * navigate to or accept IPC from is judged against this one value.
 */
export type AppLocation = { kind: 'file'; indexFile: string } | { kind: 'dev'; url: string };

/** Picks the dev server when electron-vite set one, else the built index file. */
export function appLocation(devServerUrl: string | undefined, indexFile: string): AppLocation {
  return devServerUrl ? { kind: 'dev', url: devServerUrl } : { kind: 'file', indexFile };
}

/** Schemes Chromium uses internally that never leave the machine. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function filePath(url: URL): string | null {
  if (url.protocol !== 'file:') return null;
  try {
    return normalize(fileURLToPath(url));
  } catch {
    return null;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** True when `url` is Quarry's own page (any hash or query), the only place the window may be. */
export function isAppPage(url: string, location: AppLocation): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (location.kind === 'dev') return parsed.origin === new URL(location.url).origin;
  return filePath(parsed) === normalize(location.indexFile);
}

/** True when the window may fetch `url`: its own files, the dev server, or in-memory data. */
export function isAllowedRequest(url: string, location: AppLocation): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  if (location.kind === 'dev') {
    const dev = new URL(location.url);
    // Vite's hot reload talks to the same host over a WebSocket.
    const sameServer = parsed.host === dev.host;
    return sameServer && ['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol);
  }
  const path = filePath(parsed);
  return path !== null && isInside(path, dirname(normalize(location.indexFile)));
}

/** The parts of Electron's `WebFrameMain` that say who sent an IPC message. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** True when `frame` is the top frame of a page at Quarry's own URL (never an iframe). */
export function isOwnMainFrame(frame: FrameLike | null | undefined, location: AppLocation): boolean {
  return frame != null && frame.parent === null && isAppPage(frame.url, location);
}
