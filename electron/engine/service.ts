import { access, cp, mkdir, opendir, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type {
  ApiError,
  ArticleRequest,
  ArticleView,
  CiteRequest,
  CollectionList,
  CollectionSummary,
  CollectionView,
  ExportedFile,
  ExportRequest,
  FolderInfo,
  ImportReport,
  ImportRequest,
  QuoteEdit,
  QuoteTransfer,
  SavedQuote,
  SaveQuoteRequest,
  IndexProgress,
  IndexReport,
  LibraryStatus,
  QuarryBackend,
  Result,
  QuoteSearchRequest,
  QuoteSearchResponse,
  SearchRequest,
  SearchResponse,
} from '../api';
import { writeFile } from 'node:fs/promises';
import { Collections } from './collections/collections';
import { readImport } from './collections/import';
import { exportedBytes } from './export';
import { EventHub } from './events';
import type { Article } from './ingest/article';
import { articleId } from './ingest/read-article';
import { describeFsError } from './ingest/scan';
import { catalogSaver, loadCatalog, type Catalog } from './index/catalog';
import { runIndexPass, type Commit } from './index/index-pass';
import type { Shard } from './index/shard';
import { openShard, shardsFolder, ShardDamagedError, verifyShardFiles } from './index/shard-files';
import { FolderWatcher } from './index/watcher';
import { indexThreads } from './index/worker-pool';
import { lockLibrary, type LibraryLock } from './store/library-lock';
import { Searcher } from './search/searcher';

export { defaultDataDir } from './data-dir';
export { LibraryInUseError } from './store/library-lock';

export interface ServiceOptions {
  dataDir: string;
  /** A folder added on first run, when the library has never had folders. */
  sampleArchive?: string;
  /** Look for files changed while Quarry was closed, in the background, once opened. */
  refreshOnOpen?: boolean;
  /** Watch the library folders and index each change as it happens (the app and `serve`). */
  watch?: boolean;
  /** Worker threads for indexing; `indexThreads()` by default. */
  threads?: number;
  /**
   * Search only: no lock is taken, nothing is indexed or saved, so a command
   * can search a library that the app holds open.
   */
  readOnly?: boolean;
}

/** The name of the copy of the bundled sample archive made in a new library. */
export const SAMPLE_FOLDER_NAME = 'Sample archive';

/** How long after opening the merged dictionary for wildcard and fuzzy words is built (see loadShards). */
const DICTIONARY_AFTER_OPEN_MS = 300;

/** A pass waiting for the one running: everything asked for since, merged. */
interface QueuedPass {
  full: boolean;
  paths: Set<string>;
  promise: Promise<IndexReport>;
  resolve: (report: IndexReport) => void;
  reject: (error: unknown) => void;
}

/**
 * The engine behind every transport: the library of folders, its index, and
 * search over it. Calls return expected failures as values; indexing runs on
 * worker threads and reports progress as events.
 */
export class QuarryService implements QuarryBackend {
  private readonly events = new EventHub();
  private readonly searcher = new Searcher((shard, reason) => this.damagedWhileOpen(shard, reason));
  private readonly damaged = new Set<string>();
  private folderErrors = new Map<string, string>();
  private lastReport: IndexReport | null = null;
  private running: Promise<IndexReport> | null = null;
  private queued: QueuedPass | null = null;
  private abort: AbortController | null = null;
  private lastProgressAt = 0;
  private closed = false;
  private dictionaryTimer: NodeJS.Timeout | null = null;
  private readonly saveCatalog: (catalog: Catalog) => Promise<void>;
  private retryWanted = false;
  /** Quote collections, kept in the data folder's `collections/`. */
  readonly collections: Collections;
  private readonly watcher: FolderWatcher | null;

  private constructor(
    private readonly options: ServiceOptions,
    private readonly catalog: Catalog,
    /** Problems found while opening, reported once in status. */
    readonly openProblems: string[],
    private readonly lock: LibraryLock | null,
  ) {
    this.saveCatalog = catalogSaver(options.dataDir);
    this.collections = new Collections(options.dataDir, {
      byId: (id) => this.searcher.findArticle(id),
      all: () => this.searcher.articles(),
    });
    // A read-only library never indexes, so it has nothing to watch for.
    this.watcher =
      options.watch && !options.readOnly
        ? new FolderWatcher((paths) => this.updatePathsInBackground(paths))
        : null;
  }

  /**
   * Opens the library in `dataDir` (creating it), loading the index without
   * rebuilding it. Throws LibraryInUseError when another Quarry holds it for
   * writing (read-only opens never conflict).
   */
  static async open(options: ServiceOptions): Promise<QuarryService> {
    await mkdir(options.dataDir, { recursive: true });
    const lock = options.readOnly ? null : await lockLibrary(options.dataDir);
    try {
      const { catalog, problem, isNew } = await loadCatalog(options.dataDir);
      const service = new QuarryService(options, catalog, problem ? [problem] : [], lock);
      await service.loadShards();
      if (options.readOnly) return service;
      service.watcher?.watch(catalog.folders);
      if (options.refreshOnOpen || options.watch) void service.verifyShards();
      if (isNew && options.sampleArchive) {
        // A copy in the library's own folder keeps a stable path (an AppImage mounts its resources anew each launch).
        const copy = join(options.dataDir, SAMPLE_FOLDER_NAME);
        await cp(options.sampleArchive, copy, { recursive: true, force: false, errorOnExist: false });
        catalog.folders.push(copy);
        await service.saveCatalog(catalog);
        service.updateInBackground();
      } else if (options.refreshOnOpen || service.damaged.size > 0) {
        service.updateInBackground();
      }
      return service;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  private async loadShards(): Promise<void> {
    const folder = shardsFolder(this.options.dataDir);
    // Opening is mostly reading files and checking their hashes: all shards at once keeps the disk busy.
    const records = Object.values(this.catalog.shards);
    const opened = await Promise.allSettled(records.map((record) => openShard(folder, record)));
    opened.forEach((outcome, i) => {
      const record = records[i]!;
      if (outcome.status === 'fulfilled') {
        this.searcher.setShard(record.id, outcome.value);
        return;
      }
      const error: unknown = outcome.reason;
      if (!(error instanceof ShardDamagedError)) throw error;
      this.damaged.add(record.id);
      const next = this.options.readOnly ? 'run `quarry index` to repair it' : 'it is being rebuilt';
      this.openProblems.push(`${error.message}; ${next}`);
    });
    // Built just after opening, while the window is drawn and before the user has typed, so that the first
    // fuzzy query is as quick as the next without opening waiting on it (a query sooner builds it itself).
    // A read-only open (one command of the CLI) builds it only if a query needs it.
    if (!this.options.readOnly) {
      this.dictionaryTimer = setTimeout(() => this.searcher.prepareDictionary(), DICTIONARY_AFTER_OPEN_MS);
      this.dictionaryTimer.unref();
    }
  }

  /** Checks every shard file whole, in the background; a damaged one is dropped and rebuilt. */
  private async verifyShards(): Promise<void> {
    const folder = shardsFolder(this.options.dataDir);
    for (const record of Object.values(this.catalog.shards)) {
      if (this.closed) return;
      if (this.searcher.getShard(record.id) === undefined || this.catalog.shards[record.id] !== record)
        continue;
      try {
        await verifyShardFiles(folder, record);
      } catch (error) {
        if (!(error instanceof ShardDamagedError)) throw error;
        if (this.catalog.shards[record.id] === record) this.damagedWhileOpen(record.id, error.message, true);
      }
    }
  }

  /** A shard found damaged in service: taken out, reported, and rebuilt from its files. */
  private damagedWhileOpen(shard: string, reason: string, full = false): void {
    if (this.damaged.has(shard) || this.closed) return;
    this.damaged.add(shard);
    const message = full ? reason : `index shard ${shard} is damaged: ${reason}`;
    const next = this.options.readOnly ? 'run `quarry index` to repair it' : 'it is being rebuilt';
    this.openProblems.push(`${message}; ${next}`);
    this.searcher.removeShard(shard);
    this.events.emit('library', this.currentStatus());
    if (!this.options.readOnly) this.updateInBackground();
  }

  on: QuarryBackend['on'] = (event, listener) => this.events.on(event, listener);

  async status(): Promise<LibraryStatus> {
    return this.currentStatus();
  }

  private currentStatus(): LibraryStatus {
    const counts = new Map<string, number>();
    for (const shard of this.searcher.list()) {
      const { folder, folders } = shard.docs;
      for (let doc = 0; doc < shard.count; doc++) {
        if (!shard.isLive(doc)) continue;
        const path = folders[folder[doc]!]!;
        counts.set(path, (counts.get(path) ?? 0) + 1);
      }
    }
    const folders: FolderInfo[] = this.catalog.folders.map((path) => {
      const error = this.folderErrors.get(path);
      return { path, articles: counts.get(path) ?? 0, ...(error ? { error } : {}) };
    });
    return {
      folders,
      articles: this.searcher.articleCount,
      indexing: this.running !== null,
      dataDir: this.options.dataDir,
      lastReport: this.lastReport,
      ...(this.openProblems.length > 0 ? { problems: [...this.openProblems] } : {}),
    };
  }

  async addFolder(path: string): Promise<Result<LibraryStatus>> {
    const added = await this.includeFolder(path);
    if (!added.ok) return added;
    this.updateInBackground();
    const status = this.currentStatus();
    this.events.emit('library', status);
    return { ok: true, value: status };
  }

  /**
   * Adds folders (those already in the library are fine) and brings the index
   * up to date, resolving with that pass's report; the first folder that
   * cannot be added is the error.
   */
  async indexFolders(paths: readonly string[]): Promise<Result<IndexReport>> {
    for (const path of paths) {
      const added = await this.includeFolder(path);
      if (!added.ok && added.error.code !== 'already-added') return added;
    }
    return { ok: true, value: await this.update() };
  }

  private async includeFolder(path: string): Promise<Result<string>> {
    if (this.options.readOnly) return readOnlyError();
    const folder = resolve(path);
    const problem = await folderProblem(folder);
    if (problem) return { ok: false, error: problem };
    const containing = this.catalog.folders.find((known) => known === folder || isInside(folder, known));
    if (containing) {
      const message =
        containing === folder
          ? 'This folder is already in the library.'
          : `This folder is already part of ${containing}.`;
      return { ok: false, error: { code: 'already-added', message } };
    }
    // A folder that holds library folders takes their place.
    this.catalog.folders = this.catalog.folders.filter((known) => !isInside(known, folder));
    this.catalog.folders.push(folder);
    await this.saveCatalog(this.catalog);
    return { ok: true, value: folder };
  }

  async removeFolder(path: string): Promise<Result<LibraryStatus>> {
    if (this.options.readOnly) return readOnlyError();
    const folder = resolve(path);
    if (!this.catalog.folders.includes(folder)) {
      return { ok: false, error: { code: 'not-found', message: 'This folder is not in the library.' } };
    }
    this.catalog.folders = this.catalog.folders.filter((known) => known !== folder);
    this.folderErrors.delete(folder);
    await this.saveCatalog(this.catalog);
    this.updateInBackground();
    const status = this.currentStatus();
    this.events.emit('library', status);
    return { ok: true, value: status };
  }

  async cancelIndexing(): Promise<void> {
    const queued = this.queued;
    this.queued = null;
    queued?.resolve({ ...emptyReport(), articles: this.searcher.articleCount, cancelled: true });
    this.abort?.abort();
    await this.running?.catch(() => undefined);
  }

  async retrySkipped(): Promise<LibraryStatus> {
    this.retryWanted = true;
    this.updateInBackground();
    const status = this.currentStatus();
    this.events.emit('library', status);
    return status;
  }

  /**
   * Forgets which files failed, so that the next pass reads them again even
   * though they have not changed, and resolves with that pass's report.
   */
  retry(): Promise<IndexReport> {
    // Honoured by the next pass to start: the one queued behind a running pass, if any.
    this.retryWanted = true;
    return this.update();
  }

  async search(request: SearchRequest): Promise<Result<SearchResponse>> {
    return this.searcher.search(request);
  }

  async searchQuotes(request: QuoteSearchRequest): Promise<Result<QuoteSearchResponse>> {
    return this.searcher.searchQuotes(request);
  }

  /** The library's speakers a name typed by hand stands for ("federer": Roger Federer, Federer). */
  async speakersCalled(name: string): Promise<string[]> {
    return this.searcher.speakersCalled(name);
  }

  async article(request: ArticleRequest): Promise<Result<ArticleView>> {
    return this.searcher.article(request.id, request.query, request.scope);
  }

  /** An article of the library by id, or by the path of its file. */
  findArticle(idOrPath: string): Article | undefined {
    return this.searcher.findArticle(idOrPath) ?? this.searcher.findArticle(articleId(resolve(idOrPath)));
  }

  listCollections(): Promise<CollectionList> {
    return this.collections.list();
  }

  createCollection(name: string): Promise<Result<CollectionSummary>> {
    return this.collections.create(name);
  }

  renameCollection(id: string, name: string): Promise<Result<CollectionSummary>> {
    return this.collections.rename(id, name);
  }

  deleteCollection(id: string): Promise<Result<CollectionSummary>> {
    return this.collections.remove(id);
  }

  restoreCollection(id: string): Promise<Result<CollectionSummary>> {
    return this.collections.restore(id);
  }

  collection(id: string): Promise<Result<CollectionView>> {
    return this.collections.view(id);
  }

  saveQuote(request: SaveQuoteRequest): Promise<Result<SavedQuote>> {
    return this.collections.saveQuote(request);
  }

  editQuote(edit: QuoteEdit): Promise<Result<SavedQuote>> {
    return this.collections.editQuote(edit);
  }

  removeQuotes(collectionId: string, quoteIds: string[]): Promise<Result<CollectionSummary>> {
    return this.collections.removeQuotes(collectionId, quoteIds);
  }

  reorderQuotes(collectionId: string, quoteIds: string[]): Promise<Result<CollectionSummary>> {
    return this.collections.reorder(collectionId, quoteIds);
  }

  transferQuotes(transfer: QuoteTransfer): Promise<Result<CollectionSummary>> {
    return this.collections.transfer(transfer);
  }

  exportCollection(request: ExportRequest): Promise<Result<ExportedFile>> {
    return this.collections.export(request);
  }

  /** Exports to a file on disk (the desktop's save dialog and the CLI's --out). */
  async writeExport(request: ExportRequest, path: string): Promise<Result<ExportedFile>> {
    const exported = await this.collections.export(request);
    if (exported.ok) await writeFile(path, exportedBytes(exported.value));
    return exported;
  }

  citeQuote(request: CiteRequest): Promise<Result<string>> {
    return this.collections.cite(request);
  }

  async importCollection(request: ImportRequest): Promise<Result<ImportReport>> {
    const read = readImport(request.text, {
      byId: (id) => this.searcher.findArticle(id),
      all: () => this.searcher.articles(),
    });
    if (!read.ok) return read;
    const { quotes, skipped } = read.value;
    if (quotes.length === 0 && skipped.length > 0) {
      return {
        ok: false,
        error: {
          code: 'not-found',
          message: `None of the ${skipped.length} annotations resolves to an article of the library.`,
        },
      };
    }
    const collection = await this.collections.add(request.name ?? read.value.name, quotes);
    return { ok: true, value: { collection, imported: quotes.length, skipped } };
  }

  /**
   * Brings the index up to date with the folders and resolves with the report
   * of a pass that started after this call (joining a queued one if any).
   */
  update(): Promise<IndexReport> {
    return this.request(true, []);
  }

  /** Brings the index up to date with these paths only (files or folders), as a watcher reports them. */
  updatePaths(paths: readonly string[]): Promise<IndexReport> {
    return this.request(false, paths);
  }

  /** Resolves once the folder watcher (option `watch`) reports changes. */
  async watching(): Promise<void> {
    await this.watcher?.ready();
  }

  private request(full: boolean, paths: readonly string[]): Promise<IndexReport> {
    if (this.closed) return Promise.reject(new Error('the library is closed'));
    if (this.options.readOnly) return Promise.reject(new Error('the library is open read-only'));
    if (!this.running) return this.start(full, paths);
    if (!this.queued) {
      let resolve!: (report: IndexReport) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<IndexReport>((yes, no) => {
        resolve = yes;
        reject = no;
      });
      this.queued = { full: false, paths: new Set(), promise, resolve, reject };
    }
    this.queued.full ||= full;
    for (const path of paths) this.queued.paths.add(path);
    return this.queued.promise;
  }

  private start(full: boolean, paths: readonly string[]): Promise<IndexReport> {
    const pass = this.runPass(full ? undefined : paths).finally(() => {
      this.running = null;
      this.events.emit('library', this.currentStatus());
      const next = this.queued;
      this.queued = null;
      if (next && !this.closed) this.start(next.full, [...next.paths]).then(next.resolve, next.reject);
    });
    this.running = pass;
    return pass;
  }

  private async runPass(paths?: readonly string[]): Promise<IndexReport> {
    const abort = (this.abort = new AbortController());
    if (this.retryWanted) {
      this.retryWanted = false;
      this.catalog.failed = {};
    }
    this.watcher?.watch(this.catalog.folders);
    try {
      const { report, folderErrors } = await runIndexPass({
        dataDir: this.options.dataDir,
        saveCatalog: this.saveCatalog,
        catalog: this.catalog,
        shards: () => new Map(this.searcher.list().map((shard) => [shard.id, shard])),
        damaged: this.damaged,
        threads: this.options.threads ?? indexThreads(),
        signal: abort.signal,
        onProgress: (progress) => this.progress(progress),
        commit: (change) => this.commit(change),
        ...(paths ? { paths } : {}),
      });
      if (!paths) this.folderErrors = folderErrors;
      this.lastReport = report;
      return report;
    } finally {
      this.abort = null;
    }
  }

  /** Puts a saved change in service at once: the new shard in, dropped ones out, deletions applied. */
  private async commit(change: Commit): Promise<void> {
    const opened: Shard | null = change.record
      ? await openShard(shardsFolder(this.options.dataDir), change.record)
      : null;
    for (const id of change.dropped) {
      this.searcher.removeShard(id);
      this.damaged.delete(id);
    }
    if (change.shard) {
      if (opened) this.searcher.setShard(change.shard, opened);
      else this.searcher.removeShard(change.shard);
      this.damaged.delete(change.shard);
    }
    for (const [id, docs] of Object.entries(change.deleted)) this.searcher.getShard(id)?.setDeleted(docs);
    this.searcher.changed();
    if (change.recovered) this.openProblems.push(`${change.recovered}; rebuilt from the article files`);
  }

  private progress(progress: IndexProgress): void {
    const now = performance.now();
    // Ten updates a second are plenty for a progress bar.
    if (progress.phase === 'reading' || progress.phase === 'scanning') {
      if (now - this.lastProgressAt < 100) return;
    }
    this.lastProgressAt = now;
    this.events.emit('progress', progress);
  }

  /**
   * Runs a pass without anyone waiting on it; a pass that fails (a full disk,
   * an unwritable data folder) is reported in the library's problems instead
   * of ending the process.
   */
  private updateInBackground(): void {
    this.reportFailure(this.update());
  }

  /** Like `updateInBackground`, for the paths a watcher reported. */
  private updatePathsInBackground(paths: readonly string[]): void {
    this.reportFailure(this.updatePaths(paths));
  }

  private reportFailure(pass: Promise<IndexReport>): void {
    pass.catch((error: unknown) => {
      if (this.closed) return;
      const message = error instanceof Error ? error.message : String(error);
      this.openProblems.push(`Indexing failed: ${message}`);
      this.events.emit('library', this.currentStatus());
    });
  }

  /** Stops indexing and watching, and releases the library. */
  async close(): Promise<void> {
    await this.watcher?.close();
    await this.cancelIndexing();
    this.closed = true;
    if (this.dictionaryTimer) clearTimeout(this.dictionaryTimer);
    await this.lock?.release();
  }
}

async function folderProblem(folder: string): Promise<ApiError | null> {
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) return { code: 'not-a-folder', message: `${folder} is a file, not a folder.` };
    await access(folder, constants.R_OK | constants.X_OK);
    const dir = await opendir(folder);
    await dir.close();
    return null;
  } catch (error) {
    return { code: 'unreadable-folder', message: `Cannot read ${folder}: ${describeFsError(error)}.` };
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function emptyReport(): IndexReport {
  return { articles: 0, indexed: 0, removed: 0, skipped: [], ignored: [], ms: 0, cancelled: false };
}

function readOnlyError(): Result<never> {
  return { ok: false, error: { code: 'unsupported', message: 'This library is open read-only.' } };
}
