import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuoteSearchResponse, SearchResponse } from '../../electron/api';
import { QuarryService } from '../../electron/engine/service';
import { CONTENT_SECURITY_POLICY } from '../../electron/content-security';
import { startServer, type RunningServer } from '../../electron/serve/server';
import { DESK, tempDirs, writeFiles } from '../engine/fixtures';

const TOKEN = 'test-token-0123456789';
const SECRET = 'the contents of a file outside the window';
const INDEX_HTML = '<!doctype html><title>Quarry under test</title>';

const tempDir = tempDirs();
let root: string;
let service: QuarryService;
let server: RunningServer;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so the path and Host header go out exactly as written. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown; host?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: options.host ?? '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path,
        headers: options.headers,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      },
    );
    request.on('error', reject);
    if (options.body !== undefined) request.write(JSON.stringify(options.body));
    request.end();
  });
}

/** A call to the API as the window makes it. */
function call(name: string, args: unknown[], headers: Record<string, string> = {}): Promise<Reply> {
  return send(`/api/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: { args },
  });
}

beforeAll(async () => {
  root = await tempDir();
  await writeFiles(root, {
    'static/index.html': INDEX_HTML,
    'static/assets/app.js': 'console.log("quarry");',
    'package.json': JSON.stringify({ secret: SECRET }),
    'static-evil/leak.json': JSON.stringify({ secret: SECRET }),
  });
  await writeFiles(join(root, 'desk'), DESK);
  service = await QuarryService.open({ dataDir: join(root, 'data') });
  const outcome = await service.indexFolders([join(root, 'desk')]);
  if (!outcome.ok) throw new Error(outcome.error.message);
  server = await startServer({ backend: service, staticDir: join(root, 'static'), token: TOKEN });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await service?.close();
});

describe('startServer', () => {
  it('binds to 127.0.0.1 and gives an address carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${TOKEN}`);
    expect(server.token).toBe(TOKEN);
  });

  it('cannot be reached on any other address of this machine', async (context) => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info && info.family === 'IPv4' && !info.internal)
      .map((info) => info!.address);
    if (others.length === 0) context.skip('this machine has no address besides loopback');
    for (const address of others) {
      await expect(send('/', { host: address })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
  });

  it('makes a random token per launch when none is given', async () => {
    const a = await startServer({ backend: service, staticDir: join(root, 'static') });
    const b = await startServer({ backend: service, staticDir: join(root, 'static') });
    await a.close();
    await b.close();
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(24);
  });
});

describe('GET (the window’s files)', () => {
  it('serves index.html at / with the Content-Security-Policy', async () => {
    const reply = await send('/');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the window’s assets', async () => {
    const reply = await send('/assets/app.js');
    expect(reply).toMatchObject({ status: 200, body: 'console.log("quarry");' });
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('accepts localhost as the Host', async () => {
    expect((await send('/', { headers: { host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('refuses a request whose Host header is not this server', async () => {
    const reply = await send('/', { headers: { host: `evil.example:${server.port}` } });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('Quarry under test');
    expect((await send('/', { headers: { host: '127.0.0.1' } })).status).toBe(403);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/..%2fstatic-evil%2fleak.json',
    '/%2e%2e%5cpackage.json',
    '/index.html%00.json',
  ])('serves nothing outside its folder for %s', async (path) => {
    const reply = await send(path);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(reply.body).not.toContain(SECRET);
  });

  it('answers 404 for a path that climbs out of the folder', async () => {
    expect((await send('/..%2fpackage.json')).status).toBe(404);
    expect((await send('/%2e%2e/package.json')).status).toBe(404);
  });

  it('answers 404 for a missing file', async () => {
    expect((await send('/nope.js')).status).toBe(404);
  });
});

describe('POST /api/<call>', () => {
  it('answers a good call with its result', async () => {
    const reply = await call('search', [{ query: 'Mutu' }]);
    expect(reply.status).toBe(200);
    const { result } = JSON.parse(reply.body) as { result: { ok: true; value: SearchResponse } };
    expect(result.ok).toBe(true);
    expect(result.value.total).toBe(1);
    expect(result.value.hits[0]).toMatchObject({
      title: 'Chelsea sack Mutu',
      path: join(root, 'desk', 'mutu.txt'),
    });
  });

  it('answers a quote search through the same call route', async () => {
    const reply = await call('searchQuotes', [{ query: '', kinds: ['direct', 'scare'] }]);
    expect(reply.status).toBe(200);
    const { result } = JSON.parse(reply.body) as { result: { ok: true; value: QuoteSearchResponse } };
    expect(result.ok).toBe(true);
    expect(result.value.quotations).toBeGreaterThan(0);
    for (const group of result.value.groups) {
      for (const sighting of group.sightings) expect(sighting.quotation.text.length).toBeGreaterThan(0);
    }
  });

  it('passes expected failures through as values', async () => {
    const reply = await call('search', [{ query: 'talks "about' }]);
    expect(JSON.parse(reply.body)).toEqual({
      result: {
        ok: false,
        error: { code: 'query-syntax', message: 'this quotation mark is not closed', at: [6, 12] },
      },
    });
  });

  it('refuses a call without the token', async () => {
    const reply = await send('/api/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: { args: [{ query: 'Mutu' }] },
    });
    expect(reply.status).toBe(401);
    expect(reply.body).not.toContain('Mutu');
  });

  it('refuses a call with a wrong token', async () => {
    expect(
      (await call('search', [{ query: 'Mutu' }], { authorization: 'Bearer wrong-token-0123456789' })).status,
    ).toBe(401);
  });

  it('refuses a call with the wrong Host header', async () => {
    const reply = await call('search', [{ query: 'Mutu' }], { host: `attacker.example:${server.port}` });
    expect(reply.status).toBe(403);
  });

  it('refuses a call from another origin', async () => {
    expect((await call('status', [], { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('refuses bad arguments with a message saying what is wrong', async () => {
    const reply = await call('search', [{ query: 42 }]);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({
      error: expect.stringMatching(/^invalid arguments to search at 0\.query: /) as string,
    });
    const extra = await call('search', [{ query: 'x', drop: 'table' }]);
    expect(extra.status).toBe(400);
  });

  it('refuses an unknown call', async () => {
    const reply = await call('deleteEverything', []);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({ error: 'unknown call "deleteEverything"' });
  });

  it('refuses a body that is not JSON', async () => {
    const reply = await send('/api/status', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' },
      body: { args: [] },
    });
    expect(reply.status).toBe(415);
  });

  it('refuses GET on a call', async () => {
    expect((await send('/api/status', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
  });

  it('answers pickFolder with null, as a browser has no folder dialog', async () => {
    expect(JSON.parse((await call('pickFolder', [])).body)).toEqual({ result: null });
  });
});

describe('GET /api/events', () => {
  it('refuses a stream without the token', async () => {
    expect((await send('/api/events')).status).toBe(401);
  });

  it('streams a library event after a folder is added', async () => {
    const extra = join(root, 'extra');
    await writeFiles(extra, { 'note.txt': 'A note\n\nAbout shipping.\n' });
    let received = '';
    let response: IncomingMessage | undefined;
    const stream = httpRequest({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${TOKEN}` });
    try {
      const connected = new Promise<void>((resolve, reject) => {
        stream.on('response', (incoming) => {
          response = incoming;
          incoming.setEncoding('utf8');
          incoming.on('data', (chunk: string) => {
            received += chunk;
            if (received.includes(': connected')) resolve();
          });
        });
        stream.on('error', reject);
      });
      stream.end();
      await connected;
      expect(response!.headers['content-type']).toBe('text/event-stream; charset=utf-8');

      const added = await call('addFolder', [extra]);
      expect(JSON.parse(added.body)).toMatchObject({ result: { ok: true } });
      await expect.poll(() => received, { timeout: 5000 }).toContain('event: library\n');
      const line = received.split('\n').find((text) => text.startsWith('data: ') && text.includes(extra))!;
      expect(JSON.parse(line.slice('data: '.length))).toMatchObject({
        folders: expect.arrayContaining([{ path: extra, articles: 0 }]) as unknown[],
      });
    } finally {
      stream.destroy();
      await service.update();
    }
  });
});

describe('POST /api/<collection call>', () => {
  it('binds the collection calls by name and exports as text; saveExport is the window’s to do', async () => {
    const created = JSON.parse((await call('createCollection', ['Served'])).body) as {
      result: { ok: true; value: { id: string } };
    };
    const id = created.result.value.id;
    const exported = JSON.parse(
      (await call('exportCollection', [{ collectionId: id, format: 'md' }])).body,
    ) as {
      result: { ok: true; value: { fileName: string; content: string } };
    };
    expect(exported.result.value).toMatchObject({
      fileName: 'Served.md',
      content: expect.stringContaining('# Served') as string,
    });
    expect(JSON.parse((await call('saveExport', [{ collectionId: id, format: 'md' }])).body)).toEqual({
      result: null,
    });
    const refused = await call('exportCollection', [{ collectionId: id, format: 'pdf' }]);
    expect(refused.status).toBe(400);
  });
});
