import type { IndexProgress, IndexReport, SkippedFile } from '../../api';
import { articleId } from '../ingest/read-article';
import { scanFolders, scanPaths, type FoundFile } from '../ingest/scan';
import type { Catalog } from './catalog';
import { findChanges, knownFiles, type Seen } from './changes';
import { FirstBuildJobs, planShardJobs } from './plan';
import type { Shard } from './shard';
import { removeShardFiles, shardsFolder, type ShardRecord } from './shard-files';
import type { ShardJob, ShardJobResult } from './shard-job';
import { JobQueue, JobsCancelledError, runJobsHere, runJobsInWorkers } from './worker-pool';

/** Jobs touching at most this many articles in all run on the calling thread. */
const HERE_LIMIT = 400;

/** What a pass asks the service to put in service once a change is saved. */
export interface Commit {
  /** The shard rebuilt, and its new record (null when it was emptied). */
  shard?: string;
  record?: ShardRecord | null;
  /** Shards gone: merged into the rebuilt one, or damaged. */
  dropped: string[];
  /** New deletion lists, by shard. */
  deleted: Record<string, number[]>;
  /** Set when a kept generation was damaged and its articles were read from their files. */
  recovered?: string;
}

export interface PassContext {
  dataDir: string;
  /** Saves the catalog; saves are serialised by the caller, who may save too. */
  saveCatalog: (catalog: Catalog) => Promise<void>;
  /** Updated in place and saved after every shard, so a pass cut short keeps what it finished. */
  catalog: Catalog;
  /** The shards in service, by id (what the library holds now). */
  shards: () => ReadonlyMap<string, Shard>;
  /** Shards found damaged when opened; dropped, their files indexed again. */
  damaged: Set<string>;
  threads: number;
  signal: AbortSignal;
  onProgress: (progress: IndexProgress) => void;
  /** Puts saved work in service; called once the catalog recording it is on disk. */
  commit: (change: Commit) => Promise<void>;
  /** Only these paths changed (a watcher said so); all folders are scanned when absent. */
  paths?: readonly string[];
  /** Also merge small shards and rewrite mostly-deleted ones. */
  maintenance?: boolean;
  /** Files in each shard a first build starts while it scans: SHARD_CAPACITY unless a test asks for fewer. */
  firstBuildShard?: number;
}

export interface PassOutcome {
  report: IndexReport;
  folderErrors: Map<string, string>;
}

/**
 * Brings the index up to date with the library folders (or with some paths):
 * finds new, changed, renamed and deleted files (by size and time, then
 * content hash), marks the articles that left as deleted, indexes the new
 * ones into the small delta shard or, when many, into new shards on worker
 * threads, and saves the catalog as each piece of work completes.
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
  const folder = shardsFolder(context.dataDir);
  const full = !context.paths;

  // Work may finish while the scan still runs (a first build), so what saving it needs is ready before the scan.
  const found = new Map<string, FoundFile>();
  const dropped: ShardRecord[] = [];
  const jobSkipped: SkippedFile[] = [];
  let pendingDeletions: Record<string, number[]> | null = {};
  let pendingDrops: string[] = [];
  let indexed = 0;
  let done = 0;
  /** Files to read in all; unknown until the scan ends. */
  let total: number | null = null;
  let cancelled = false;
  // Deletions and dropped shards take effect with the first saved piece of work, so search never sees a gap.
  const settle = async (change: Omit<Commit, 'dropped' | 'deleted'>, replaced: ShardRecord[]) => {
    const deleted = pendingDeletions ?? {};
    for (const [id, docs] of Object.entries(deleted)) {
      if (catalog.shards[id]) catalog.shards[id] = { ...catalog.shards[id]!, deleted: docs };
    }
    await context.saveCatalog(catalog);
    await context.commit({ ...change, dropped: [...pendingDrops, ...replaced.map((r) => r.id)], deleted });
    for (const record of [...dropped, ...replaced]) await removeShardFiles(folder, record);
    pendingDeletions = null;
    pendingDrops = [];
    dropped.length = 0;
  };
  const onResult = async (result: ShardJobResult) => {
    const previous = catalog.shards[result.shard];
    const replaced = (result.replaces ?? [])
      .map((id) => catalog.shards[id])
      .filter((r): r is ShardRecord => !!r);
    for (const record of replaced) delete catalog.shards[record.id];
    if (result.record) catalog.shards[result.shard] = result.record;
    else delete catalog.shards[result.shard];
    if (!result.record && catalog.delta === result.shard) delete catalog.delta;
    noteReads(catalog, result, found);
    await settle(
      {
        shard: result.shard,
        record: result.record,
        ...(result.recovered ? { recovered: result.recovered } : {}),
      },
      [...replaced, ...(previous && previous.generation !== result.record?.generation ? [previous] : [])],
    );
    // Counted in articles, not files: a CSV or a mailbox holds many.
    indexed += result.readArticles;
    jobSkipped.push(...result.skipped);
  };
  const options = {
    threads: context.threads,
    signal: context.signal,
    onFileDone: (path: string, count: number) => {
      done += count;
      if (total !== null) emit(done < total ? 'reading' : 'indexing', done, total, path);
    },
    onResult,
  };

  // A first build starts its workers on the files found first while the scan goes on. They stop with the pass,
  // and are stopped if the pass fails, so that none still saves work once the pass is over.
  let early = null as { queue: JobQueue; run: Promise<void> } | null;
  const stopEarly = new AbortController();
  const passCancelled = () => stopEarly.abort();
  context.signal.addEventListener('abort', passCancelled, { once: true });
  let earlyReads = 0;
  const firstBuild =
    full && context.damaged.size === 0 && FirstBuildJobs.apply(catalog, context.shards().size)
      ? new FirstBuildJobs(
          catalog,
          folder,
          context.threads,
          (jobs) => {
            if (!early) {
              const queue = new JobQueue();
              early = { queue, run: runJobsInWorkers(queue, { ...options, signal: stopEarly.signal }) };
              // Its outcome is awaited once the scan is over; until then a failure must not go unhandled.
              early.run.catch(() => {});
            }
            early.queue.push(...jobs);
            for (const job of jobs) earlyReads += job.read.length;
          },
          context.firstBuildShard,
        )
      : null;

  emit('scanning', 0, 0);
  try {
    const scan = context.paths
      ? await scanPaths(context.paths, catalog.folders)
      : await scanFolders(catalog.folders, {
          onFile: (count, path) => emit('scanning', count, 0, path),
          onArticleFile: (file) => {
            found.set(file.path, file);
            if (!context.signal.aborted) firstBuild?.add(file);
          },
        });
    // A walk of the folders handed over each file as it found it; a scan of some paths did not.
    if (!full) for (const file of scan.files) found.set(file.path, file);
    // A shard of a first build found damaged while the scan ran is left to the pass that follows (a normal one).
    if (full && !firstBuild) {
      for (const id of context.damaged) {
        const record = catalog.shards[id];
        if (record) dropped.push(record);
        delete catalog.shards[id];
        if (catalog.delta === id) delete catalog.delta;
      }
    }
    // A first build compares with nothing: what its early jobs hold must not read as removed, nor be read twice.
    const shards = firstBuild ? new Map<string, Shard>() : context.shards();
    const known = knownFiles(shards, catalog.touched, context.paths);
    const seen: Seen = {
      files: scan.files,
      folderErrors: scan.folderErrors,
      ...(full ? {} : { scope: context.paths }),
    };
    const changes = firstBuild
      ? { added: [...firstBuild.rest], changed: [], removed: [], renamed: [], stillFailing: [] }
      : await findChanges(catalog, known, shards, seen);
    const plan = planShardJobs({
      catalog,
      known,
      shards,
      changes,
      shardsDir: folder,
      threads: context.threads,
      maintenance: context.maintenance ?? full,
    });
    catalog.nextShard = plan.nextShard;
    if (plan.delta) catalog.delta = plan.delta;
    noteIds(catalog, changes.removed, changes.renamed);
    // Deletions are known only now; a first build, whose early shards may be in service already, has none.
    if (pendingDeletions !== null) pendingDeletions = plan.deleted;
    pendingDrops = dropped.map((record) => record.id);

    const jobs = plan.jobs;
    total = earlyReads + jobs.reduce((sum, job) => sum + job.read.length, 0);
    emit(total > 0 ? 'reading' : 'saving', done, total);
    try {
      if (early) {
        early.queue.push(...jobs);
        early.queue.close();
        await early.run;
      } else if (articlesIn(jobs) <= HERE_LIMIT) await runJobsHere(jobs, options);
      else await runJobsInWorkers(jobs, options);
    } catch (error) {
      if (!(error instanceof JobsCancelledError)) throw error;
      cancelled = true;
    }
    if (pendingDeletions !== null) await settle({}, []);
    emit('done', done, total);
    let articles = 0;
    for (const shard of context.shards().values()) articles += shard.liveCount;
    return {
      report: {
        articles,
        indexed,
        removed: changes.removed.length,
        skipped: [...scan.skipped, ...changes.stillFailing, ...jobSkipped],
        ignored: scan.ignored,
        ms: Math.round(performance.now() - started),
        cancelled,
      },
      folderErrors: scan.folderErrors,
    };
  } catch (error) {
    if (early) {
      stopEarly.abort();
      await early.run.catch(() => undefined);
    }
    throw error;
  } finally {
    early?.queue.close();
    context.signal.removeEventListener('abort', passCancelled);
  }
}

function articlesIn(jobs: readonly ShardJob[]): number {
  return jobs.reduce(
    (sum, job) => sum + job.read.length + job.keep.reduce((n, k) => n + k.docs.length, 0),
    0,
  );
}

/** Keeps renamed files' ids and forgets those of files gone. */
function noteIds(catalog: Catalog, removed: readonly string[], renamed: LibraryRenames): void {
  const ids = (catalog.ids ??= {});
  const touched = (catalog.touched ??= {});
  for (const path of removed) {
    delete ids[path];
    delete touched[path];
  }
  for (const { from, to } of renamed) {
    const id = ids[from] ?? articleId(from);
    delete ids[from];
    delete touched[from];
    if (id !== articleId(to.path)) ids[to.path] = id;
  }
}

type LibraryRenames = readonly { from: string; to: FoundFile }[];

function noteReads(catalog: Catalog, result: ShardJobResult, found: Map<string, FoundFile>): void {
  for (const path of result.readPaths) {
    delete catalog.failed[path];
    delete catalog.touched?.[path];
  }
  for (const { path, reason } of result.skipped) {
    const file = found.get(path);
    if (file) catalog.failed[path] = { folder: file.folder, size: file.size, mtimeMs: file.mtimeMs, reason };
  }
}
