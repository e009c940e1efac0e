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
  | 'unsupported'
  | 'damaged'
  | 'already-exists';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type ArticleFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'epub' | 'json' | 'csv' | 'email';

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
  /** Speakers of quotations, as in Quotation.speaker: articles quoting any of them. */
  speakers?: string[];
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
  /** Speakers quoted in the matching articles, counting articles. */
  speakers: FacetCount[];
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

/** `reply` is text quoted from an earlier e-mail (`>` lines): not a quotation by the article's people. */
export type BlockKind = 'paragraph' | 'heading' | 'quote' | 'reply';

/** Where a run of an article's shown body came from, so quotes and citations can point at the source. */
export interface SourceSpan {
  /** [start, end) into `body`. */
  start: number;
  end: number;
  /** Byte offset in the file where the run's source text begins (text-based formats). */
  offset?: number;
  /** 1-based page (PDF). */
  page?: number;
  /** The member of a container the run came from (an EPUB chapter's file). */
  part?: string;
}

/** A run of the article body shown as one block; offsets into `body`. */
export interface ArticleBlock {
  kind: BlockKind;
  start: number;
  end: number;
}

/**
 * What a query searched: articles, as the main search does (a word without a
 * field name looks in title and body), or quotations, as the Quotes view does
 * (it looks inside quotations only, and `speaker:` names who said them).
 */
export type QueryScope = 'articles' | 'quotations';

export interface ArticleRequest {
  id: string;
  /** When given, the response carries the ranges this query matches. */
  query?: string;
  /** How to read `query`; by default as the main search does. */
  scope?: QueryScope;
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
  /** ISO 639-1 code of the article's language, when it could be told. */
  language?: string | null;
  /** Where each run of `body` came from in the file. */
  sourceMap?: SourceSpan[];
  /** Which article of a file holding several this is ("record 12", "message 3"). */
  locator?: string;
  /** Hit ranges into `title` and into `body`, in reading order. */
  titleHighlights: Range[];
  bodyHighlights: Range[];
  /** The quotations found in `body` when the article was indexed; offsets into `body`. */
  quotations: Quotation[];
}

export * from './api-collections';
import type {
  CitationStyle,
  CollectionList,
  CollectionSummary,
  CollectionView,
  CiteRequest,
  ExportedFile,
  ExportRequest,
  ImportReport,
  ImportRequest,
  QuoteEdit,
  QuoteTransfer,
  SaveQuoteRequest,
  SavedQuote,
} from './api-collections';

/** A [start, end) stretch of an article's text and the words there. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/**
 * How words are quoted: in quotation marks and attributed (direct), as a turn
 * of a transcript after a speaker label, as a paragraph introduced by a colon
 * or a Markdown `>` block (block), or as scare quotes, titles and nicknames
 * that report nobody's words (scare).
 */
export type QuotationKind = 'direct' | 'transcript' | 'block' | 'scare';

/**
 * One quotation in an article's text. Offsets are UTF-16 offsets into the
 * text analysed (for a file: its whole decoded text), end exclusive, and
 * `text` is that slice; a quotation in marks includes its marks.
 */
export interface Quotation {
  start: number;
  end: number;
  text: string;
  kind: QuotationKind;
  /** Who said it, by the fullest name the article gives; null when the article does not say (always for scare). */
  speaker: string | null;
  /** The place in the text the attribution rests on ("he", "Mr Kim", "AMBASSADOR KIM"). */
  mention: TextSpan | null;
  /** The verb or phrase that ties speaker and words ("said", "according to"), null when there is none. */
  cue: string | null;
  /** Shared by the parts of one quotation broken by its attribution ("We are open," he said, "to dialogue."). */
  group?: number;
}

export type QuoteSortOrder = 'relevance' | 'date-desc' | 'date-asc';

/** A search over the words of quotations only, across the library. */
export interface QuoteSearchRequest {
  /** Words, phrases and wildcards as in the main search, matched inside quotations; empty lists every quotation. */
  query: string;
  /** Quotations by any of these speakers (Quotation.speaker values). */
  speakers?: string[];
  /** Which kinds to list; by default every kind but `scare`. */
  kinds?: QuotationKind[];
  /** Narrows by the quoting articles' date, source, author, folder and file type. */
  filters?: Omit<SearchFilters, 'speakers'>;
  sort?: QuoteSortOrder;
  /** Zero-based index of the first group to return. */
  offset?: number;
  limit?: number;
}

/** One quotation where an article gives it. */
export interface QuoteSighting {
  articleId: string;
  title: string;
  date: string | null;
  source: string | null;
  path: string;
  format: ArticleFormat;
  /** The quotation, offsets into that article's `ArticleView.body`. */
  quotation: Quotation;
  /** Ranges into `quotation.text` that the query matched. */
  highlights: Range[];
}

/**
 * The same or nearly the same words (by the same speaker, or by nobody
 * named) wherever the library quotes them, earliest first: `sightings[0]`
 * is where they were first said.
 */
export interface QuoteGroup {
  speaker: string | null;
  sightings: QuoteSighting[];
}

export interface QuoteSearchResponse {
  query: string;
  /** Groups matching, before paging. */
  total: number;
  /** Quotations matching, before grouping and paging. */
  quotations: number;
  offset: number;
  groups: QuoteGroup[];
  /** Speakers of the matching quotations with how many quotations each, most first; ignores the speaker filter. */
  speakers: FacetCount[];
  ms: number;
}

/** Every call the window can make. Results are promises on every transport. */
export interface QuarryApi {
  status(): Promise<LibraryStatus>;
  /** Adds a folder and starts bringing the index up to date in the background. */
  addFolder(path: string): Promise<Result<LibraryStatus>>;
  removeFolder(path: string): Promise<Result<LibraryStatus>>;
  /** Stops the indexing pass under way; what was finished is kept. */
  cancelIndexing(): Promise<void>;
  /**
   * Starts a pass that reads again every file skipped before (otherwise a
   * skipped file is retried only once it changes); the report comes with the library event.
   */
  retrySkipped(): Promise<LibraryStatus>;
  search(request: SearchRequest): Promise<Result<SearchResponse>>;
  /** Quotations across the library whose words match, grouped where the same words recur. */
  searchQuotes(request: QuoteSearchRequest): Promise<Result<QuoteSearchResponse>>;
  article(request: ArticleRequest): Promise<Result<ArticleView>>;
  /** Asks the user for a folder with the system dialog; null when cancelled or unavailable. */
  pickFolder(): Promise<string | null>;

  /** Every collection, and the collection files that could not be read (left untouched). */
  listCollections(): Promise<CollectionList>;
  createCollection(name: string): Promise<Result<CollectionSummary>>;
  renameCollection(id: string, name: string): Promise<Result<CollectionSummary>>;
  /** Moves the collection to the trash, from where `restoreCollection` brings it back. */
  deleteCollection(id: string): Promise<Result<CollectionSummary>>;
  restoreCollection(id: string): Promise<Result<CollectionSummary>>;
  /** A collection with each quote checked against its source article now. */
  collection(id: string): Promise<Result<CollectionView>>;
  /** Saves a passage of an article's shown body (`ArticleView.body` offsets) into a collection. */
  saveQuote(request: SaveQuoteRequest): Promise<Result<SavedQuote>>;
  editQuote(edit: QuoteEdit): Promise<Result<SavedQuote>>;
  removeQuotes(collectionId: string, quoteIds: string[]): Promise<Result<CollectionSummary>>;
  /** Puts the quotes in the order given; every quote of the collection must be named once. */
  reorderQuotes(collectionId: string, quoteIds: string[]): Promise<Result<CollectionSummary>>;
  /** Moves or copies quotes into another collection. */
  transferQuotes(transfer: QuoteTransfer): Promise<Result<CollectionSummary>>;
  /** A collection (or some of its quotes) as a file: text, or base64 for DOCX. */
  exportCollection(request: ExportRequest): Promise<Result<ExportedFile>>;
  /** One quote with its citation in a style, as plain text for the clipboard. */
  citeQuote(request: CiteRequest): Promise<Result<string>>;
  /** Reads a Quarry JSON export or W3C Web Annotation JSON into a new collection. */
  importCollection(request: ImportRequest): Promise<Result<ImportReport>>;
  /** Desktop only: exports and asks where to save with the system dialog; null when cancelled or unavailable. */
  saveExport(request: ExportRequest): Promise<Result<string> | null>;
}

export type { CitationStyle };

export type CallName = keyof QuarryApi;

/** The calls, in one list, for transports that bind them by name. */
export const CALLS = [
  'status',
  'addFolder',
  'removeFolder',
  'cancelIndexing',
  'retrySkipped',
  'search',
  'searchQuotes',
  'article',
  'pickFolder',
  'listCollections',
  'createCollection',
  'renameCollection',
  'deleteCollection',
  'restoreCollection',
  'collection',
  'saveQuote',
  'editQuote',
  'removeQuotes',
  'reorderQuotes',
  'transferQuotes',
  'exportCollection',
  'citeQuote',
  'importCollection',
  'saveExport',
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

/** Calls that need the desktop's own dialogs; the engine's service does not have them. */
export type WindowOnlyCall = 'pickFolder' | 'saveExport';

/** What every transport binds: the engine's service, which has no dialogs of its own. */
export interface QuarryBackend extends Omit<QuarryApi, WindowOnlyCall> {
  on<E extends EventName>(event: E, listener: (payload: QuarryEvents[E]) => void): Unsubscribe;
}
