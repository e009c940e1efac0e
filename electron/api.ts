/**
 * The one contract between the Quarry window and its backend. Every call the
 * window can make, its argument and result types, and every event. The
 * Electron preload, the loopback HTTP transport and the CLI all speak it; the
 * renderer imports this file with `import type` only.
 */

/** An expected failure, returned as a value rather than thrown. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Character range [start, end) of the offending part of the input (queries). */
  at?: [number, number];
}

export type ErrorCode =
  | 'query-syntax'
  | 'not-found'
  | 'unreadable-folder'
  | 'not-a-folder'
  | 'already-added'
  | 'busy'
  | 'invalid-argument'
  | 'cancelled'
  | 'unsupported';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type ArticleFormat = 'txt' | 'md';

/** A folder the user added, as the library sees it now. */
export interface FolderInfo {
  path: string;
  articles: number;
  /** Set when the folder could not be read at the last scan. */
  error?: string;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/** What one pass of bringing the index up to date did. */
export interface IndexReport {
  /** Articles in the whole library after the pass. */
  articles: number;
  /** Articles (re)indexed in this pass because they were new or changed. */
  indexed: number;
  /** Articles removed because their files are gone. */
  removed: number;
  skipped: SkippedFile[];
  /** Files deliberately passed over as not being articles (README, LICENSE…). */
  ignored: SkippedFile[];
  ms: number;
  cancelled: boolean;
}

export type IndexPhase = 'scanning' | 'reading' | 'indexing' | 'saving' | 'done';

export interface IndexProgress {
  phase: IndexPhase;
  /** Files handled so far and in all, in this pass. */
  done: number;
  total: number;
  /** Files per second over this pass so far. */
  rate: number;
  /** Estimated seconds left, null while unknown. */
  etaSeconds: number | null;
  /** The folder or file being worked on, for display. */
  current?: string;
}

export interface LibraryStatus {
  folders: FolderInfo[];
  articles: number;
  indexing: boolean;
  dataDir: string;
  /** The report of the last finished pass, if any happened in this run. */
  lastReport: IndexReport | null;
  /** Problems met while opening or repairing the library (a damaged index file…), in sentences. */
  problems?: string[];
}

export type SortOrder = 'relevance' | 'date-desc' | 'date-asc';

/** Narrows a search to articles with these properties; values within one list are alternatives. */
export interface SearchFilters {
  /** Inclusive bounds, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undated articles are left out once either is set. */
  dateFrom?: string;
  dateTo?: string;
  sources?: string[];
  authors?: string[];
  /** Library folders, as listed in FolderInfo.path. */
  folders?: string[];
  /** File types, as in SearchHit.format. */
  formats?: string[];
}

export interface SearchRequest {
  query: string;
  /** Zero-based index of the first hit to return. */
  offset?: number;
  limit?: number;
  sort?: SortOrder;
  filters?: SearchFilters;
}

/** One value of a facet and how many matching articles have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/**
 * Counts over the articles matching the query, before paging. Each facet
 * counts with every filter applied except its own (the year facet ignores
 * the date range), so the other values of a filtered facet stay visible.
 */
export interface Facets {
  sources: FacetCount[];
  authors: FacetCount[];
  folders: FacetCount[];
  formats: FacetCount[];
  years: FacetCount[];
}

/** A [start, end) UTF-16 range. */
export type Range = [number, number];

export interface Snippet {
  text: string;
  /** Ranges into `text`. */
  highlights: Range[];
}

export interface SearchHit {
  id: string;
  path: string;
  folder: string;
  title: string;
  date: string | null;
  source: string | null;
  author: string | null;
  format: ArticleFormat;
  score: number;
  /** Ranges into `title` that matched. */
  titleHighlights: Range[];
  snippets: Snippet[];
}

export interface SearchResponse {
  query: string;
  total: number;
  offset: number;
  hits: SearchHit[];
  ms: number;
  facets: Facets;
}

export type BlockKind = 'paragraph' | 'heading' | 'quote';

/** A run of the article body shown as one block; offsets into `body`. */
export interface ArticleBlock {
  kind: BlockKind;
  start: number;
  end: number;
}

export interface ArticleRequest {
  id: string;
  /** When given, the response carries the ranges this query matches. */
  query?: string;
}

export interface ArticleView {
  id: string;
  path: string;
  folder: string;
  format: ArticleFormat;
  title: string;
  date: string | null;
  source: string | null;
  author: string | null;
  url: string | null;
  tags: string[];
  body: string;
  blocks: ArticleBlock[];
  /** Hit ranges into `title` and into `body`, in reading order. */
  titleHighlights: Range[];
  bodyHighlights: Range[];
}

/** Every call the window can make. Results are promises on every transport. */
export interface QuarryApi {
  status(): Promise<LibraryStatus>;
  /** Adds a folder and starts bringing the index up to date in the background. */
  addFolder(path: string): Promise<Result<LibraryStatus>>;
  removeFolder(path: string): Promise<Result<LibraryStatus>>;
  /** Stops the indexing pass under way; what was finished is kept. */
  cancelIndexing(): Promise<void>;
  search(request: SearchRequest): Promise<Result<SearchResponse>>;
  article(request: ArticleRequest): Promise<Result<ArticleView>>;
  /** Asks the user for a folder with the system dialog; null when cancelled or unavailable. */
  pickFolder(): Promise<string | null>;
}

export type CallName = keyof QuarryApi;

/** The calls, in one list, for transports that bind them by name. */
export const CALLS = [
  'status',
  'addFolder',
  'removeFolder',
  'cancelIndexing',
  'search',
  'article',
  'pickFolder',
] as const satisfies readonly CallName[];

/** Events the backend pushes to the window. */
export interface QuarryEvents {
  progress: IndexProgress;
  /** The library changed: a pass finished, a folder was added or removed. */
  library: LibraryStatus;
  /** The menu asked for the "Add folder…" flow. */
  'add-folder-requested': null;
}

export type EventName = keyof QuarryEvents;

export const EVENTS = ['progress', 'library', 'add-folder-requested'] as const satisfies readonly EventName[];

export type Unsubscribe = () => void;

/** What the window holds: the calls plus one subscription per event. */
export interface QuarryBridge extends QuarryApi {
  onProgress(listener: (progress: IndexProgress) => void): Unsubscribe;
  onLibrary(listener: (status: LibraryStatus) => void): Unsubscribe;
  onAddFolderRequested(listener: () => void): Unsubscribe;
  /** The transport this bridge runs over: desktop features differ from the browser. */
  readonly transport: 'electron' | 'http';
  /** Desktop only: the file-system path of a dropped file or folder. */
  pathForFile?(file: File): string | null;
}

/** The IPC channel of a call or event. */
export function channel(name: CallName | EventName): string {
  return `quarry:${name}`;
}

/** What every transport binds: the engine's service, which has no dialogs of its own. */
export interface QuarryBackend extends Omit<QuarryApi, 'pickFolder'> {
  on<E extends EventName>(event: E, listener: (payload: QuarryEvents[E]) => void): Unsubscribe;
}
