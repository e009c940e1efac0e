import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { IndexProgress, IndexReport, LibraryStatus } from '../../electron/api';
import type { Catalog } from '../../electron/engine/index/catalog';
import { DELTA_CAPACITY } from '../../electron/engine/index/plan';
import { SHARD_FORMAT_VERSION } from '../../electron/engine/index/shard-files';
import { articleId } from '../../electron/engine/ingest/read-article';
import { LibraryInUseError, QuarryService, SAMPLE_FOLDER_NAME } from '../../electron/engine/service';
import { BBC, DESK, hasBbc, tempDirs, writeFiles } from './fixtures';

const tempDir = tempDirs();
const opened: QuarryService[] = [];

afterEach(async () => {
  for (const service of opened.splice(0)) await service.close();
});

async function openService(dataDir: string): Promise<QuarryService> {
  const service = await QuarryService.open({ dataDir });
  opened.push(service);
  return service;
}

interface Library {
  desk: string;
  dataDir: string;
  service: QuarryService;
  report: IndexReport;
  progress: IndexProgress[];
}

/** A fresh library holding the desk of memorable articles (or other files), indexed once. */
async function library(files: Record<string, string> = DESK): Promise<Library> {
  const root = await tempDir();
  const desk = join(root, 'desk');
  await writeFiles(desk, files);
  const dataDir = join(root, 'data');
  const service = await openService(dataDir);
  const progress: IndexProgress[] = [];
  service.on('progress', (event) => progress.push(event));
  const outcome = await service.indexFolders([desk]);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return { desk, dataDir, service, report: outcome.value, progress };
}

async function readCatalog(dataDir: string): Promise<Catalog> {
  return JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as Catalog;
}

async function titles(service: QuarryService, query: string): Promise<string[]> {
  const result = await service.search({ query, limit: 1000 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.hits.map((hit) => hit.title).sort();
}

async function flipByte(path: string, at: number): Promise<void> {
  const bytes = await readFile(path);
  bytes[at] = bytes[at]! ^ 0x01;
  await writeFile(path, bytes);
}

describe('QuarryService.open', () => {
  it('creates the data folder and starts with an empty library', async () => {
    const dataDir = join(await tempDir(), 'new', 'data');
    const service = await openService(dataDir);
    expect(existsSync(dataDir)).toBe(true);
    expect(await service.status()).toEqual({
      folders: [],
      articles: 0,
      indexing: false,
      dataDir,
      lastReport: null,
    });
  });

  it('reopens a library searchable at once, without an indexing pass', async () => {
    const { dataDir, service, desk } = await library();
    await service.close();
    const reopened = await openService(dataDir);
    const progress: IndexProgress[] = [];
    reopened.on('progress', (event) => progress.push(event));
    expect(await reopened.status()).toMatchObject({
      folders: [{ path: desk, articles: 3 }],
      articles: 3,
      indexing: false,
      lastReport: null,
    });
    expect(await titles(reopened, 'Mutu')).toEqual(['Chelsea sack Mutu']);
    await delay(300);
    expect(progress).toEqual([]);
    expect((await reopened.status()).indexing).toBe(false);
  });

  it('reports a damaged shard in its problems, and the next pass rebuilds it', async () => {
    const { dataDir, service } = await library();
    await service.close();
    const before = await readCatalog(dataDir);
    const shard = before.shards.s0001!;
    await flipByte(join(dataDir, 'shards', shard.index.name), 100);

    const reopened = await openService(dataDir);
    const { problems } = await reopened.status();
    expect(problems).toHaveLength(1);
    expect(problems![0]).toMatch(
      /index shard s0001 is damaged: s0001\.g1\.index fails its checksum; it is being rebuilt/,
    );

    await reopened.update();
    expect(await titles(reopened, 'Mutu')).toEqual(['Chelsea sack Mutu']);
    expect((await reopened.status()).articles).toBe(3);
    // The damaged shard is dropped and its articles, found again by the scan, indexed afresh.
    const after = await readCatalog(dataDir);
    expect(after.shards.s0001).toBeUndefined();
    expect(Object.values(after.shards).map((record) => record.count)).toEqual([3]);
    expect(existsSync(join(dataDir, 'shards', shard.index.name))).toBe(false);
    expect((await reopened.status()).problems).toHaveLength(1);
  });
  it('rebuilds at open a library whose shards an older Quarry wrote', async () => {
    const { dataDir, service } = await library();
    await service.close();
    const catalog = await readCatalog(dataDir);
    catalog.shards.s0001!.version = SHARD_FORMAT_VERSION - 1;
    await writeFile(join(dataDir, 'library.json'), JSON.stringify(catalog));

    const reopened = await openService(dataDir);
    expect((await reopened.status()).problems?.join('\n')).toMatch(
      /index shard s0001 was written by an older version of Quarry; it is being rebuilt/,
    );
    await until(async () => (await reopened.status()).articles === 3, 'the library is rebuilt');
    expect(await titles(reopened, 'Mutu')).toEqual(['Chelsea sack Mutu']);
    const rebuilt = await readCatalog(dataDir);
    expect(Object.values(rebuilt.shards).map((record) => record.version)).toEqual([SHARD_FORMAT_VERSION]);
  });
});

describe('QuarryService.indexFolders', () => {
  it('reports the articles indexed, the files skipped with reasons and the notes ignored', async () => {
    const { report, desk } = await library();
    expect(report).toMatchObject({ articles: 3, indexed: 3, removed: 0, cancelled: false });
    const skipped = [...report.skipped].sort((a, b) => a.path.localeCompare(b.path));
    expect(skipped).toEqual([
      { path: join(desk, 'empty.txt'), reason: 'empty file' },
      { path: join(desk, 'sheet.xlsx'), reason: expect.stringContaining('(.xlsx)') as string },
    ]);
    expect(report.ignored).toEqual([
      { path: join(desk, 'README.md'), reason: expect.stringMatching(/folder notes/) as string },
    ]);
    expect(report.ms).toBeGreaterThanOrEqual(0);
  });

  it('makes the articles searchable with their metadata', async () => {
    const { service, desk } = await library();
    const mutu = await service.search({ query: 'Mutu' });
    expect(mutu.ok && mutu.value.hits.map((hit) => hit.path)).toEqual([join(desk, 'mutu.txt')]);
    const budget = await service.search({ query: 'chancellor' });
    expect(budget.ok && budget.value.hits[0]).toMatchObject({
      title: 'Budget day',
      date: '2019-03-04',
      source: 'The Ledger',
      author: 'Jane Doe',
      format: 'md',
      folder: desk,
    });
    expect(await titles(service, '"to be or not to be"')).toEqual(['Hamlet at the Globe']);
  });

  it('shows the library and the last report in status', async () => {
    const { service, desk, report } = await library();
    expect(await service.status()).toMatchObject({
      folders: [{ path: desk, articles: 3 }],
      articles: 3,
      indexing: false,
      lastReport: report,
    });
  });

  it('sends progress events that carry done, total and rate, ending with "done"', async () => {
    const { progress } = await library();
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress[0]!.phase).toBe('scanning');
    const last = progress[progress.length - 1]!;
    expect(last).toMatchObject({ phase: 'done', done: 4, total: 4 });
    expect(last.rate).toBeGreaterThan(0);
    for (const event of progress) {
      expect(Number.isFinite(event.rate)).toBe(true);
      expect(event.done).toBeGreaterThanOrEqual(0);
      if (event.phase !== 'scanning') expect(event.done).toBeLessThanOrEqual(event.total);
    }
    expect(progress.some((event) => event.phase === 'indexing' && event.done === 4)).toBe(true);
  });

  it('accepts a folder already in the library and finds nothing new in it', async () => {
    const { service, desk } = await library();
    const again = await service.indexFolders([desk]);
    expect(again).toMatchObject({ ok: true, value: { articles: 3, indexed: 0, removed: 0 } });
  });

  it('refuses a missing folder', async () => {
    const { service, desk } = await library();
    expect(await service.indexFolders([join(desk, 'nowhere')])).toMatchObject({
      ok: false,
      error: { code: 'unreadable-folder' },
    });
  });
});

describe('QuarryService.update', () => {
  it('re-indexes an edited file into the delta shard and only marks its old article deleted', async () => {
    const { service, desk, dataDir } = await library();
    const wire = join(desk, '..', 'wire');
    const items: Record<string, string> = {};
    const count = DELTA_CAPACITY - 1;
    for (let i = 0; i < count; i++)
      items[`item-${i}.txt`] = `Wire item ${i}\n\nRoutine shipping news, number ${i}.\n`;
    await writeFiles(wire, items);
    expect(await service.indexFolders([wire])).toMatchObject({ ok: true, value: { indexed: count } });
    const before = await readCatalog(dataDir);
    // The desk's small shard was full enough that the wire started a new delta.
    expect(Object.keys(before.shards).sort()).toEqual(['s0001', 's0002']);
    expect(before.delta).toBe('s0002');

    await writeFile(
      join(desk, 'mutu.txt'),
      'Chelsea sack Mutu\n\nMutu appealed to the Court of Arbitration for Sport.\n',
    );
    const report = await service.update();

    expect(report).toMatchObject({ articles: count + 3, indexed: 1, removed: 0, cancelled: false });
    const after = await readCatalog(dataDir);
    expect(after.shards.s0001!.generation).toBe(before.shards.s0001!.generation);
    expect(after.shards.s0001!.deleted).toHaveLength(1);
    expect(after.shards.s0002!.generation).toBe(before.shards.s0002!.generation + 1);
    expect(await titles(service, 'arbitration')).toEqual(['Chelsea sack Mutu']);
    expect(await titles(service, 'drugs')).toEqual([]);
    expect(await titles(service, 'chancellor')).toEqual(['Budget day']);
    const mutu = await service.article({ id: articleId(join(desk, 'mutu.txt')) });
    expect(mutu.ok && mutu.value.body).toContain('Arbitration');
  });

  it('does not re-index a touched file whose bytes are the same', async () => {
    const readable = Object.fromEntries(Object.entries(DESK).filter(([name]) => name !== 'empty.txt'));
    const { service, desk, dataDir } = await library(readable);
    const before = await readCatalog(dataDir);
    const later = new Date(Date.now() + 60_000);
    await utimes(join(desk, 'mutu.txt'), later, later);
    const report = await service.update();
    expect(report).toMatchObject({ indexed: 0, removed: 0, articles: 3 });
    const after = await readCatalog(dataDir);
    expect(after.shards).toEqual(before.shards);
    expect(after.touched?.[join(desk, 'mutu.txt')]).toBe((await stat(join(desk, 'mutu.txt'))).mtimeMs);
  });

  // Bug: a file skipped when read (here the empty empty.txt) is never recorded
  // in the catalog, so every pass counts it as new, sends it to the smallest
  // shard, and rewrites that whole shard as a new generation though nothing changed.
  it('leaves every shard alone when nothing changed, even beside a file it cannot read', async () => {
    const { service, dataDir } = await library();
    const before = await readCatalog(dataDir);
    expect(await service.update()).toMatchObject({ indexed: 0, removed: 0 });
    expect((await readCatalog(dataDir)).shards).toEqual(before.shards);
  });

  it('removes the article of a deleted file', async () => {
    const { service, desk } = await library();
    await rm(join(desk, 'hamlet.txt'));
    expect(await service.update()).toMatchObject({ removed: 1, indexed: 0, articles: 2 });
    expect(await titles(service, '"to be or not to be"')).toEqual([]);
    expect(await service.article({ id: articleId(join(desk, 'hamlet.txt')) })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect((await service.status()).articles).toBe(2);
  });

  it('rebuilds a shard from the article files when its files are damaged while open', async () => {
    const { service, desk, dataDir } = await library();
    const shard = (await readCatalog(dataDir)).shards.s0001!;
    await flipByte(join(dataDir, 'shards', shard.articles.name), 60);
    await writeFile(
      join(desk, 'hamlet.txt'),
      'Hamlet at the Globe\n\nA new production opened to full houses.\n',
    );
    const report = await service.update();
    expect(report).toMatchObject({ articles: 3, cancelled: false });
    expect((await service.status()).problems?.join('\n')).toMatch(
      /s0001 is damaged: .*rebuilt from the article files/,
    );
    expect(await titles(service, 'chancellor')).toEqual(['Budget day']);
    expect(await titles(service, 'production')).toEqual(['Hamlet at the Globe']);
  });
});

describe('QuarryService, files renamed', () => {
  it('keeps an article’s id when its file is renamed, and finds it under its new path', async () => {
    const { service, desk, dataDir } = await library();
    const id = articleId(join(desk, 'mutu.txt'));
    await mkdir(join(desk, 'sport'));
    await rename(join(desk, 'mutu.txt'), join(desk, 'sport', 'mutu-sacked.txt'));
    const report = await service.update();
    expect(report).toMatchObject({ articles: 3, indexed: 1, removed: 0 });
    const found = await service.search({ query: 'Mutu' });
    expect(found.ok && found.value.hits.map((hit) => [hit.id, hit.path])).toEqual([
      [id, join(desk, 'sport', 'mutu-sacked.txt')],
    ]);
    expect((await readCatalog(dataDir)).ids).toEqual({ [join(desk, 'sport', 'mutu-sacked.txt')]: id });
    // The id survives a reopening, and an edit of the renamed file.
    await service.close();
    const reopened = await openService(dataDir);
    await writeFile(join(desk, 'sport', 'mutu-sacked.txt'), 'Chelsea sack Mutu\n\nMutu appealed.\n');
    await reopened.update();
    const edited = await reopened.article({ id });
    expect(edited.ok && edited.value.body).toBe('Mutu appealed.');
  });
});

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 25) {
    if (await check()) return;
    await delay(25);
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe('QuarryService with a watcher', () => {
  it('indexes edited, new and deleted files by itself, each in a pass of its own paths', async () => {
    const root = await tempDir();
    const desk = join(root, 'desk');
    await writeFiles(desk, DESK);
    const service = await QuarryService.open({ dataDir: join(root, 'data'), watch: true });
    opened.push(service);
    expect(await service.indexFolders([desk])).toMatchObject({ ok: true });
    await service.watching();

    await writeFile(join(desk, 'mutu.txt'), 'Chelsea sack Mutu\n\nMutu appealed to arbitration.\n');
    await until(async () => (await titles(service, 'arbitration')).length === 1, 'the edit is found');
    expect(await titles(service, 'drugs')).toEqual([]);

    await writeFile(join(desk, 'harbour.txt'), 'Harbour news\n\nThe ferry sailed late.\n');
    await until(async () => (await titles(service, 'ferry')).length === 1, 'the new file is found');

    await rm(join(desk, 'hamlet.txt'));
    await until(
      async () => (await titles(service, '"to be or not to be"')).length === 0,
      'the deleted file is gone',
    );
    expect((await service.status()).articles).toBe(3);
  });
});

describe('QuarryService.article', () => {
  it('gives the article with the query’s matches highlighted', async () => {
    const { service, desk } = await library();
    const result = await service.article({ id: articleId(join(desk, 'mutu.txt')), query: 'Mutu' });
    if (!result.ok) throw new Error(result.error.message);
    const view = result.value;
    expect(view.body).toContain('£15.8m');
    expect(view.bodyHighlights.map(([start, end]) => view.body.slice(start, end))).toEqual(['Mutu']);
    expect(view.titleHighlights.map(([start, end]) => view.title.slice(start, end))).toEqual(['Mutu']);
  });
});

describe('QuarryService.addFolder', () => {
  it('adds a folder, announces it and indexes it in the background', async () => {
    const root = await tempDir();
    const desk = join(root, 'desk');
    await writeFiles(desk, DESK);
    const service = await openService(join(root, 'data'));
    const announced: LibraryStatus[] = [];
    service.on('library', (status) => announced.push(status));
    const added = await service.addFolder(desk);
    expect(added).toMatchObject({ ok: true, value: { folders: [{ path: desk, articles: 0 }] } });
    expect(announced[0]?.folders).toEqual([{ path: desk, articles: 0 }]);
    await service.update();
    expect((await service.status()).articles).toBe(3);
    expect(announced[announced.length - 1]).toMatchObject({ articles: 3, indexing: false });
  });

  it('refuses a missing folder as unreadable', async () => {
    const { service, desk } = await library();
    expect(await service.addFolder(join(desk, 'nowhere'))).toMatchObject({
      ok: false,
      error: { code: 'unreadable-folder' },
    });
  });

  it('refuses a file as not a folder', async () => {
    const { service, desk } = await library();
    expect(await service.addFolder(join(desk, 'mutu.txt'))).toMatchObject({
      ok: false,
      error: { code: 'not-a-folder' },
    });
  });

  it('refuses a folder already in the library, or inside one', async () => {
    const { service, desk } = await library();
    await writeFiles(desk, { 'inner/x.txt': 'X\n\nx' });
    expect(await service.addFolder(desk)).toMatchObject({ ok: false, error: { code: 'already-added' } });
    expect(await service.addFolder(`${desk}/`)).toMatchObject({
      ok: false,
      error: { code: 'already-added' },
    });
    expect(await service.addFolder(join(desk, 'inner'))).toMatchObject({
      ok: false,
      error: { code: 'already-added', message: `This folder is already part of ${desk}.` },
    });
  });
});

describe('QuarryService.removeFolder', () => {
  it('takes the folder’s articles out of the library', async () => {
    const { service, desk, dataDir } = await library();
    expect(await service.removeFolder(desk)).toMatchObject({ ok: true, value: { folders: [] } });
    await service.update();
    expect(await service.status()).toMatchObject({ folders: [], articles: 0 });
    expect(await titles(service, 'Mutu')).toEqual([]);
    expect(Object.keys((await readCatalog(dataDir)).shards)).toEqual([]);
  });

  it('says not-found for a folder not in the library', async () => {
    const { service, desk } = await library();
    expect(await service.removeFolder(join(desk, 'other'))).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('QuarryService.search', () => {
  it('returns a bad query as an error value with its range', async () => {
    const { service } = await library();
    expect(await service.search({ query: 'budget title:' })).toMatchObject({
      ok: false,
      error: { code: 'query-syntax', at: [7, 12] },
    });
  });
});

describe('QuarryService.cancelIndexing', () => {
  it.skipIf(!hasBbc)(
    'stops a pass over the BBC corpus, leaves the library usable, and a later update completes it',
    async () => {
      const service = await openService(join(await tempDir(), 'data'));
      const reading = new Promise<void>((resolve) => {
        service.on('progress', (event) => {
          if (event.phase === 'reading' && event.done > 0) resolve();
        });
      });
      const pass = service.indexFolders([BBC]);
      await reading;
      await service.cancelIndexing();
      const outcome = await pass;
      expect(outcome).toMatchObject({ ok: true, value: { cancelled: true } });

      const status = await service.status();
      expect(status.indexing).toBe(false);
      expect(status.folders.map((folder) => folder.path)).toEqual([BBC]);
      expect(status.articles).toBeLessThan(2225);
      expect((await service.search({ query: 'Blair' })).ok).toBe(true);

      const report = await service.update();
      expect(report).toMatchObject({ cancelled: false, articles: 2225 });
      expect((await service.status()).articles).toBe(2225);
      expect((await titles(service, 'Blair')).length).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe('QuarryService.cancelIndexing then addFolder', () => {
  it('indexes a folder added right after a Cancel', async () => {
    const { service, desk } = await library();
    const other = join(desk, '..', 'other');
    await writeFiles(other, { 'late.txt': 'A late arrival\n\nThe ferry came in after the storm.\n' });
    // A pass and a queued one, both dropped by Cancel; the folder added next must still be indexed.
    void service.update();
    void service.update();
    await service.cancelIndexing();
    const added = await service.addFolder(other);
    expect(added.ok).toBe(true);
    await service.update();
    expect(await titles(service, 'ferry')).toEqual(['A late arrival']);
  });
});

describe('QuarryService and other processes', () => {
  it('refuses a second writer on the same library, and lets a read-only one search', async () => {
    const { dataDir } = await library();
    await expect(QuarryService.open({ dataDir })).rejects.toBeInstanceOf(LibraryInUseError);
    const reader = await QuarryService.open({ dataDir, readOnly: true });
    opened.push(reader);
    expect(await titles(reader, 'chancellor')).toEqual(['Budget day']);
    expect(await reader.addFolder(dataDir)).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    await expect(reader.update()).rejects.toThrow(/read-only/);
  });
});

describe('QuarryService background passes', () => {
  it('reports a pass that fails in the library problems instead of ending the process', async () => {
    const root = await tempDir();
    const desk = join(root, 'desk');
    await writeFiles(desk, DESK);
    const dataDir = join(root, 'data');
    await writeFiles(dataDir, { shards: 'a file where the shards folder should be' });
    const service = await openService(dataDir);
    const changed = new Promise<LibraryStatus>((resolve) => {
      service.on('library', (status) => {
        if (status.problems?.some((problem) => problem.startsWith('Indexing failed'))) resolve(status);
      });
    });
    expect((await service.addFolder(desk)).ok).toBe(true);
    const status = await changed;
    expect(status.problems?.join('\n')).toMatch(/Indexing failed: .*shards/);
    expect(status.indexing).toBe(false);
  });

  it('moves the articles of a folder into a parent folder added later', async () => {
    const root = await tempDir();
    await writeFiles(join(root, 'news', 'sport'), { 'mutu.txt': DESK['mutu.txt']! });
    await writeFiles(join(root, 'news'), { 'hamlet.txt': DESK['hamlet.txt']! });
    const service = await openService(join(root, 'data'));
    await service.indexFolders([join(root, 'news', 'sport')]);
    await service.indexFolders([join(root, 'news')]);
    const status = await service.status();
    expect(status.folders).toEqual([{ path: join(root, 'news'), articles: 2 }]);
    const hit = await service.search({ query: 'mutu' });
    expect(hit.ok && hit.value.hits[0]?.folder).toBe(join(root, 'news'));
  });
});

describe('QuarryService sample archive', () => {
  it('copies the sample into a new library once, and does not bring it back after it is removed', async () => {
    const root = await tempDir();
    const sample = join(root, 'bundled');
    await writeFiles(sample, { 'one.txt': 'Sample one\n\nA harbour story.\n' });
    const dataDir = join(root, 'data');
    const first = await QuarryService.open({ dataDir, sampleArchive: sample });
    const copy = join(dataDir, SAMPLE_FOLDER_NAME);
    expect((await first.status()).folders.map((folder) => folder.path)).toEqual([copy]);
    await first.update();
    expect(await titles(first, 'harbour')).toEqual(['Sample one']);
    expect(existsSync(join(copy, 'one.txt'))).toBe(true);
    expect((await first.removeFolder(copy)).ok).toBe(true);
    await first.update();
    await first.close();

    const second = await openService(dataDir);
    expect((await second.status()).folders).toEqual([]);
  });
});
