import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { checkCall } from '../api-schema';
import { EVENTS, type QuarryBackend } from '../api';
import { CONTENT_SECURITY_POLICY } from '../content-security';

export interface ServeOptions {
  backend: QuarryBackend;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed for tests; a random one per launch otherwise. */
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

// Imports of collections carry whole JSON files.
const MAX_BODY_BYTES = 50 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves the Quarry window and its API over loopback HTTP: bound to
 * 127.0.0.1 only, every API call needs the per-launch token, requests whose
 * Host is not this server are refused, and only the renderer's own files are served.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = resolve(options.staticDir);
  let port = 0;
  const streams = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('quarry serve: request failed', error);
      if (!response.headersSent) send(response, 500, { error: 'internal error' });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      send(response, 403, { error: 'unexpected Host header' });
      return;
    }
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (url.pathname === '/api/events') return events(request, response, url);
    if (url.pathname.startsWith('/api/')) return call(request, response, url.pathname.slice(5));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, { error: 'method not allowed' });
      return;
    }
    return serveFile(response, url.pathname);
  }

  async function call(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, { error: 'use POST' });
    if (!tokenMatches(bearer(request), token))
      return send(response, 401, { error: 'missing or wrong token' });
    const origin = request.headers.origin;
    if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return send(response, 403, { error: 'cross-origin call refused' });
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(response, 415, { error: 'send JSON' });
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request));
    } catch (error) {
      return send(response, 400, { error: error instanceof Error ? error.message : 'unreadable body' });
    }
    const args = (body as { args?: unknown } | null)?.args ?? [];
    const checked = checkCall(name, args);
    if (!checked.ok) return send(response, 400, { error: checked.message });
    const result = await invoke(options.backend, checked.name, checked.args);
    send(response, 200, { result: result ?? null });
  }

  function events(request: IncomingMessage, response: ServerResponse, url: URL): void {
    if (request.method !== 'GET') return send(response, 405, { error: 'use GET' });
    if (!tokenMatches(url.searchParams.get('token'), token))
      return send(response, 401, { error: 'missing or wrong token' });
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const unsubscribes = EVENTS.map((event) =>
      options.backend.on(event, (payload) => {
        response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
      }),
    );
    const heartbeat = setInterval(() => response.write(': still here\n\n'), 25_000);
    request.on('close', () => {
      clearInterval(heartbeat);
      for (const unsubscribe of unsubscribes) unsubscribe();
      streams.delete(response);
    });
  }

  async function serveFile(response: ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(response, 400, { error: 'bad path' });
    }
    const relative = decoded === '/' ? 'index.html' : normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(root, relative);
    if (relative.startsWith('..') || decoded.includes('\0') || !file.startsWith(root + sep)) {
      return send(response, 404, { error: 'not found' });
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(response, 404, { error: 'not found' });
    const type = TYPES[extname(file).toLowerCase()];
    if (!type) return send(response, 404, { error: 'not found' });
    response.writeHead(200, {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': relative === 'index.html' ? 'no-store' : 'max-age=3600',
    });
    response.end(await readFile(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function invoke(backend: QuarryBackend, name: string, args: unknown[]): Promise<unknown> {
  // The browser has no native folder dialog; the window asks for a typed path instead.
  // Nor a save dialog: the window downloads exported files itself.
  if (name === 'pickFolder' || name === 'saveExport') return null;
  const method = backend[name as Exclude<keyof QuarryBackend, 'on'>] as (
    ...values: unknown[]
  ) => Promise<unknown>;
  return method.apply(backend, args);
}

function bearer(request: IncomingMessage): string | null {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : null;
}

function tokenMatches(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}
