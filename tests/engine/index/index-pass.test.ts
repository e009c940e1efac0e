import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { IndexProgress } from '../../../electron/api';
import { emptyCatalog, loadCatalog, saveCatalog, type Catalog } from '../../../electron/engine/index/catalog';
import { runIndexPass, type PassContext } from '../../../electron/engine/index/index-pass';
import type { Shard } from '../../../electron/engine/index/shard';
import { openShard, shardsFolder } from '../../../electron/engine/index/shard-files';
import type { ScanListener } from '../../../electron/engine/ingest/scan';
import { tempDirs, writeFiles } from '../fixtures';

const tempDir = tempDirs();

/** When set, the scan gives its article files one by one once it has walked, and waits after the `at`th. */
const hold = vi.hoisted(() => ({ current: null as { at: number; until: Promise<void> } | null }));

vi.mock('../../../electron/engine/ingest/scan', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/engine/ingest/scan')>();
  return {
    ...real,
    scanFolders: async (folders: readonly string[], listener: ScanListener = {}) => {
      const held = hold.current;
      if (!held) return real.scanFolders(folders, listener);
      const result = await real.scanFolders(folders, {
        ...(listener.onFile ? { onFile: listener.onFile } : {}),
      });
      for (const [i, file] of result.files.entries()) {
        listener.onArticleFile?.(file);
        if (i + 1 === held.at) await held.until;
      }
      return result;
    },
  };
});

/** A pass over `folder` with the shards it saves put in service, as the library service does. */
function passOver(
  dataDir: string,
  catalog: Catalog,
  inService: Map<string, Shard>,
  signal = new AbortController().signal,
) {
  const progress: IndexProgress[] = [];
  const context: PassContext = {
    dataDir,
    catalog,
    saveCatalog: (saved) => saveCatalog(dataDir, saved),
    shards: () => inService,
    damaged: new Set(),
    threads: 2,
    signal,
    onProgress: (each) => progress.push(each),
    commit: async (change) => {
      for (const id of change.dropped) inService.delete(id);
      if (change.shard && change.record)
        inService.set(change.shard, await openShard(shardsFolder(dataDir), change.record));
      else if (change.shard) inService.delete(change.shard);
      for (const [id, docs] of Object.entries(change.deleted)) inService.get(id)?.setDeleted(docs);
    },
    firstBuildShard: 2,
  };
  return { context, progress };
}

function pathsInService(inService: Map<string, Shard>): string[] {
  const paths: string[] = [];
  for (const shard of inService.values())
    for (let doc = 0; doc < shard.count; doc++) if (shard.isLive(doc)) paths.push(shard.docs.paths.get(doc));
  return paths.sort();
}

const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];

/**
 * A library folder of nine files (c.txt is empty, so it cannot be read as an
 * article) not indexed yet, and its empty data folder, as the service makes it.
 */
async function newLibrary() {
  const root = await tempDir();
  const folder = join(root, 'library');
  const dataDir = join(root, 'data');
  await mkdir(dataDir, { recursive: true });
  await writeFiles(
    folder,
    Object.fromEntries(
      NAMES.map((name) => [`${name}.txt`, name === 'c' ? '' : `Report ${name}\n\nThe harbour reopened.`]),
    ),
  );
  const catalog: Catalog = { ...emptyCatalog(), folders: [folder] };
  const articlePaths = NAMES.filter((name) => name !== 'c').map((name) => join(folder, `${name}.txt`));
  return { folder, dataDir, catalog, inService: new Map<string, Shard>(), articlePaths };
}

describe('runIndexPass', () => {
  it('builds a new library’s first shards while the scan still runs, each file once, and a later pass finds nothing to do', async () => {
    const { folder, dataDir, catalog, inService, articlePaths } = await newLibrary();

    const first = passOver(dataDir, catalog, inService);
    const { report } = await runIndexPass(first.context);
    // Two shards for the two threads as soon as four files are found, twice; the last file goes to the delta shard.
    expect(Object.keys(catalog.shards).sort()).toEqual(['s0001', 's0002', 's0003', 's0004', 's0005']);
    expect(catalog.delta).toBe('s0005');
    expect(report.indexed).toBe(8);
    expect(report.skipped.map((file) => file.path)).toEqual([join(folder, 'c.txt')]);
    expect(Object.keys(catalog.failed)).toEqual([join(folder, 'c.txt')]);
    expect(pathsInService(inService)).toEqual(articlePaths);
    // Files read are counted against every file the pass reads, known once the scan is over.
    const reading = first.progress.filter((each) => each.phase !== 'scanning');
    expect(reading.every((each) => each.total === 9)).toBe(true);
    expect(reading.at(-1)).toMatchObject({ phase: 'done', done: 9, total: 9 });

    const second = passOver(dataDir, catalog, inService);
    const again = await runIndexPass(second.context);
    expect(again.report).toMatchObject({ indexed: 0, removed: 0, articles: 8 });
    expect(again.report.skipped.map((file) => file.path)).toEqual([join(folder, 'c.txt')]);
    // (Maintenance merges the four small shards; their articles are carried over, not read again.)
    expect(pathsInService(inService)).toHaveLength(8);
  });

  it('stops a first build cancelled while it scans, and the next pass indexes every file once', async () => {
    const { dataDir, catalog, inService, articlePaths } = await newLibrary();
    const abort = new AbortController();
    const first = passOver(dataDir, catalog, inService, abort.signal);
    // Cancelled once the first shards have been started, before their workers are ready.
    first.context.onProgress = (each) => {
      if (each.phase === 'scanning' && each.done >= 5) abort.abort();
    };
    const { report } = await runIndexPass(first.context);
    expect(report.cancelled).toBe(true);

    const again = await runIndexPass(passOver(dataDir, catalog, inService).context);
    expect(again.report.cancelled).toBe(false);
    expect(pathsInService(inService)).toEqual(articlePaths);
  });

  it('saves the shards that finish while the scan still runs, and plans the files found after them', async () => {
    const { folder, dataDir, catalog, inService, articlePaths } = await newLibrary();
    const first = passOver(dataDir, catalog, inService);
    let saved = () => {};
    const firstSaved = new Promise<void>((resolve) => (saved = resolve));
    const commit = first.context.commit;
    first.context.commit = async (change) => {
      await commit(change);
      saved();
    };
    // The scan waits, after the files of the first two shards, until one of them is saved.
    hold.current = { at: 4, until: firstSaved };
    try {
      const { report } = await runIndexPass(first.context);
      expect(report).toMatchObject({ indexed: 8, articles: 8, cancelled: false });
    } finally {
      hold.current = null;
    }
    expect(pathsInService(inService)).toEqual(articlePaths);
    expect(Object.keys(catalog.shards).sort()).toEqual(['s0001', 's0002', 's0003', 's0004', 's0005']);
    expect(Object.keys(catalog.failed)).toEqual([join(folder, 'c.txt')]);
    const onDisk = (await loadCatalog(dataDir)).catalog;
    expect(Object.keys(onDisk.shards).sort()).toEqual(Object.keys(catalog.shards).sort());
    expect(onDisk.nextShard).toBe(6);
  });
});
