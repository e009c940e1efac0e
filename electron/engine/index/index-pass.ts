import { readFile } from 'node:fs/promises';
import type { IndexProgress, IndexReport, SkippedFile } from '../../api';
import { contentHash } from '../ingest/read-article';
import { scanFolders, type FoundFile } from '../ingest/scan';
import type { Catalog } from './catalog';
import { planShardJobs, type LibraryChanges } from './plan';
import { removeShardFiles, shardsFolder, type ShardRecord } from './shard-files';
import type { ShardJobResult } from './shard-job';
import { JobsCancelledError, runJobsInWorkers } from './worker-pool';

export interface PassContext {
  dataDir: string;
  /** Saves the catalog; saves are serialised by the caller, who may save too. */
  saveCatalog: (catalog: Catalog) => Promise<void>;
  /** Updated in place and saved after every shard, so a pass cut short keeps what it finished. */
  catalog: Catalog;
  /** Shards found damaged when opened; rebuilt by this pass. */
  damaged: Set<string>;
  threads: number;
  signal: AbortSignal;
  onProgress: (progress: IndexProgress) => void;
  /** Called once a shard's new generation is on disk and in the catalog. */
  onShardSaved: (result: ShardJobResult) => Promise<void>;
}

export interface PassOutcome {
  report: IndexReport;
  folderErrors: Map<string, string>;
}

/**
 * Brings the index up to date with the library folders: finds new, changed
 * and deleted files (by size and time, then content hash), rebuilds only the
 * shards they touch on worker threads, and saves as each shard completes.
 */
export async function runIndexPass(context: PassContext): Promise<PassOutcome> {
  const started = performance.now();
  const { catalog } = context;
  const emit = (phase: IndexProgress['phase'], done: number, total: number, current?: string) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const etaSeconds = rate > 0 && total > 0 ? Math.max(0, (total - done) / rate) : null;
    context.onProgress({ phase, done, total, rate, etaSeconds, ...(current ? { current } : {}) });
  };

  emit('scanning', 0, 0);
  const scan = await scanFolders(catalog.folders, (count, path) => emit('scanning', count, 0, path));
  const changes = await findChanges(catalog, scan.files, scan.folderErrors);
  const found = new Map(scan.files.map((file) => [file.path, file]));
  for (const shard of context.damaged) if (catalog.shards[shard]) changes.damaged.add(shard);

  const { jobs, nextShard } = planShardJobs(catalog, changes, shardsFolder(context.dataDir), context.threads);
  catalog.nextShard = nextShard;
  const total = jobs.reduce((sum, job) => sum + job.read.length, 0);
  const skipped: SkippedFile[] = [...scan.skipped, ...changes.stillFailing];
  let indexed = 0;
  let done = 0;
  let cancelled = false;
  emit(total > 0 ? 'reading' : 'saving', 0, total);
  try {
    await runJobsInWorkers(jobs, {
      threads: context.threads,
      signal: context.signal,
      onFileDone: (path) => emit(++done < total ? 'reading' : 'indexing', done, total, path),
      onResult: async (result) => {
        const previous = catalog.shards[result.shard];
        applyResult(catalog, result, found);
        await context.saveCatalog(catalog);
        if (previous && previous.generation !== result.record?.generation) {
          await removeShardFiles(shardsFolder(context.dataDir), previous);
        }
        context.damaged.delete(result.shard);
        // Counted in articles, not files: a CSV or a mailbox holds many.
        const read = new Set(result.readPaths);
        indexed += result.articles.filter((article) => read.has(article.path)).length;
        skipped.push(...result.skipped);
        await context.onShardSaved(result);
      },
    });
  } catch (error) {
    if (!(error instanceof JobsCancelledError)) throw error;
    cancelled = true;
  }
  if (jobs.length === 0) await context.saveCatalog(catalog);
  emit('done', done, total);
  return {
    report: {
      articles: Object.values(catalog.shards).reduce((sum, shard) => sum + shard.count, 0),
      indexed,
      removed: changes.removed.length,
      skipped,
      ignored: scan.ignored,
      ms: Math.round(performance.now() - started),
      cancelled,
    },
    folderErrors: scan.folderErrors,
  };
}

async function findChanges(
  catalog: Catalog,
  found: FoundFile[],
  folderErrors: Map<string, string>,
): Promise<LibraryChanges & { stillFailing: SkippedFile[] }> {
  const changes: LibraryChanges & { stillFailing: SkippedFile[] } = {
    added: [],
    changed: [],
    removed: [],
    damaged: new Set(),
    stillFailing: [],
  };
  const seen = new Set<string>();
  for (const file of found) {
    seen.add(file.path);
    const record = catalog.files[file.path];
    if (!record) {
      const failed = catalog.failed[file.path];
      // A file that could not be read is tried again only once it changes.
      if (failed && failed.size === file.size && failed.mtimeMs === file.mtimeMs) {
        changes.stillFailing.push({ path: file.path, reason: failed.reason });
      } else {
        changes.added.push(file);
      }
      continue;
    }
    // A file now found under another library folder (a parent folder was added) is re-read to carry its new folder.
    if (record.folder !== file.folder) {
      changes.changed.push(file);
      continue;
    }
    if (record.size === file.size && record.mtimeMs === file.mtimeMs) continue;
    // A touched file whose bytes are the same needs no re-indexing.
    const hash = await readFile(file.path).then(contentHash, () => null);
    if (hash === record.hash) {
      record.mtimeMs = file.mtimeMs;
      continue;
    }
    changes.changed.push(file);
  }
  const folders = new Set(catalog.folders);
  for (const [path, record] of Object.entries(catalog.files)) {
    if (seen.has(path)) continue;
    // Articles of a folder that cannot be read now (a drive unplugged) are kept until it can.
    if (folders.has(record.folder) && folderErrors.has(record.folder)) continue;
    changes.removed.push(path);
  }
  for (const path of Object.keys(catalog.failed)) if (!seen.has(path)) delete catalog.failed[path];
  return changes;
}

function applyResult(catalog: Catalog, result: ShardJobResult, found: Map<string, FoundFile>): void {
  for (const [path, record] of Object.entries(catalog.files)) {
    if (record.shard === result.shard) delete catalog.files[path];
  }
  for (const article of result.articles) {
    const { id, folder, size, mtimeMs, hash } = article;
    catalog.files[article.path] = { id, folder, size, mtimeMs, hash, shard: result.shard };
  }
  for (const path of result.readPaths) delete catalog.failed[path];
  for (const { path, reason } of result.skipped) {
    const file = found.get(path);
    if (file) catalog.failed[path] = { folder: file.folder, size: file.size, mtimeMs: file.mtimeMs, reason };
  }
  if (result.record) catalog.shards[result.shard] = result.record satisfies ShardRecord;
  else delete catalog.shards[result.shard];
}
