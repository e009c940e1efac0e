/**
 * The contract's types for quote collections, kept beside `api.ts` (which
 * re-exports them) so that each file stays readable.
 *
 * Offsets: a quote's `start`/`end` are UTF-16 offsets into the article's shown
 * body text, `ArticleView.body` (for .txt the text after the headline, for .md
 * the plain text of the Markdown). The reader's selection, `quarry collection
 * add --start --end` and the TextPositionSelector of the JSON export all count
 * in that text.
 */

export type CitationStyle = 'apa' | 'chicago' | 'mla';

export type ExportFormat = 'md' | 'html' | 'docx' | 'csv' | 'json' | 'ris' | 'bibtex' | 'csl';

/** What a citation needs to know of an article, as it was when the quote was saved. */
export interface CitationInfo {
  title: string;
  author: string | null;
  source: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  url: string | null;
  path: string;
}

/** One saved passage, as stored: never rewritten once saved except for note, tags and speaker. */
export interface SavedQuote {
  id: string;
  /** The exact text selected, as it was in the article when saved. */
  text: string;
  /** Up to 32 characters before and after, to tell repeated passages apart and re-anchor. */
  prefix: string;
  suffix: string;
  /** Offsets into the article's shown body (see the file comment). */
  start: number;
  end: number;
  articleId: string;
  /** SHA-256 of the article file when saved: finds the article again after a rename. */
  contentHash: string;
  citation: CitationInfo;
  note: string;
  tags: string[];
  /** Who is speaking, when the quote is a detected quotation. */
  speaker: string | null;
  savedAt: string;
}

/**
 * Where a quote stands in its source now: `exact` (same place), `moved` (same
 * words elsewhere in the article, or in the same file under a new name),
 * `fuzzy` (nearly the same words near the old place: the text drifted),
 * `orphaned` (the words or the article are gone; the saved text is kept).
 */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export interface QuoteAnchor {
  status: AnchorStatus;
  /** The article the quote now points at, when found. */
  articleId: string | null;
  start: number | null;
  end: number | null;
  /** The source's current words where they differ from the saved text (fuzzy). */
  currentText: string | null;
  /** A sentence for the window and the export's notes when status is not exact. */
  message: string | null;
}

export interface QuoteView extends SavedQuote {
  anchor: QuoteAnchor;
}

export interface CollectionSummary {
  id: string;
  name: string;
  quoteCount: number;
  created: string;
  updated: string;
}

export interface CollectionView extends CollectionSummary {
  quotes: QuoteView[];
}

/** A collection file that could not be read; it is left as it is on disk. */
export interface CollectionProblem {
  file: string;
  message: string;
  line: number | null;
  column: number | null;
}

export interface CollectionList {
  collections: CollectionSummary[];
  problems: CollectionProblem[];
}

export interface SaveQuoteRequest {
  collectionId: string;
  articleId: string;
  start: number;
  end: number;
  note?: string;
  tags?: string[];
  /** For quotations detected with their speaker. */
  speaker?: string | null;
}

export interface QuoteEdit {
  collectionId: string;
  quoteId: string;
  note?: string;
  tags?: string[];
  speaker?: string | null;
}

export interface QuoteTransfer {
  from: string;
  to: string;
  quoteIds: string[];
  mode: 'move' | 'copy';
}

export interface ExportRequest {
  collectionId: string;
  format: ExportFormat;
  style?: CitationStyle;
  /** Only these quotes, in collection order; all when absent. */
  quoteIds?: string[];
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  content: string;
  quoteCount: number;
  /** Quotes whose source no longer reads as saved, flagged in the file too. */
  drift: { quoteId: string; status: AnchorStatus; message: string }[];
}

export interface CiteRequest {
  collectionId: string;
  quoteId: string;
  style: CitationStyle;
}

export interface ImportRequest {
  /** The JSON text of a Quarry export or of W3C Web Annotations. */
  text: string;
  /** The new collection's name; taken from the file when absent. */
  name?: string;
}

export interface ImportReport {
  collection: CollectionSummary;
  imported: number;
  /** Annotations whose selectors resolved to no article, with the reason. */
  skipped: { index: number; reason: string }[];
}
