import type { ArticleView, QuarryBridge, QueryScope, Range } from '../api';
import { client } from '../client';
import { layoutArticle } from '../highlight';
import { describeFailure } from './failure';

/** The article open in the reader and which of its hits is current. */
export class ReaderState {
  article = $state.raw<ArticleView | null>(null);
  /** The query whose hits the open article shows. */
  query = $state('');
  /** What that query searched: articles (the main search) or quotations (the Quotes view). */
  scope = $state<QueryScope>('articles');
  currentHit = $state(0);
  loading = $state(false);
  error = $state<string | null>(null);
  layout = $derived(this.article ? layoutArticle(this.article) : null);
  /** Whether "Quotes in this article" is open; it stays so from one article to the next. */
  quotesOpen = $state(false);
  /** A body offset inside the quotation to show once the article is on screen. */
  pendingQuotation = $state<number | null>(null);

  readonly #bridge: QuarryBridge;
  #request = 0;

  constructor(bridge: QuarryBridge) {
    this.#bridge = bridge;
  }

  get hitCount(): number {
    return this.layout?.hitCount ?? 0;
  }

  /** Whether the reader already shows this article with the hits of this query, read as `scope` says. */
  shows(id: string, query: string, scope: QueryScope = 'articles'): boolean {
    return this.article?.id === id && this.query === query.trim() && this.scope === scope;
  }

  /** Opens an article with one passage marked and scrolled to (a saved quote's source). */
  openAt(id: string, passage: Range): Promise<void> {
    return this.open(id, '', passage);
  }

  /**
   * Opens an article from the Quotes view: with the hits of its query, which
   * searched quotations only, and showing the quotation that holds `offset`
   * (a body offset).
   */
  async openAtQuotation(id: string, query: string, offset: number): Promise<void> {
    this.pendingQuotation = null;
    await this.open(id, query, null, 'quotations');
    if (this.article?.id === id) this.pendingQuotation = offset;
  }

  /** The hit to make current for a quotation: the first one inside it, or the current one if none is. */
  hitWithin(start: number, end: number): number {
    const index = this.layout?.bodyHits.findIndex(([from]) => from >= start && from < end) ?? -1;
    return index < 0 ? this.currentHit : (this.layout?.titleHits ?? 0) + index;
  }

  async open(
    id: string,
    query: string,
    passage: Range | null = null,
    scope: QueryScope = 'articles',
  ): Promise<void> {
    const trimmed = query.trim();
    const request = ++this.#request;
    this.loading = true;
    try {
      const result = await this.#bridge.article({
        id,
        query: trimmed === '' ? undefined : trimmed,
        ...(scope === 'articles' ? {} : { scope }),
      });
      if (request !== this.#request) return;
      if (!result.ok) {
        this.error =
          result.error.code === 'not-found'
            ? 'This article is no longer in the library. Its file may have moved or been deleted.'
            : result.error.message;
        return;
      }
      this.error = null;
      // A passage is shown as the one hit, so the reader marks it and scrolls it into view.
      this.article = passage
        ? { ...result.value, titleHighlights: [], bodyHighlights: [passage] }
        : result.value;
      this.query = trimmed;
      this.scope = scope;
      this.currentHit = 0;
    } catch (error) {
      if (request === this.#request) this.error = describeFailure(error);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Steps to the next hit, wrapping from the last to the first. */
  next(): void {
    if (this.hitCount > 0) this.currentHit = (this.currentHit + 1) % this.hitCount;
  }

  /** Steps to the previous hit, wrapping from the first to the last. */
  previous(): void {
    if (this.hitCount > 0) this.currentHit = (this.currentHit - 1 + this.hitCount) % this.hitCount;
  }

  close(): void {
    this.#request++;
    this.article = null;
    this.query = '';
    this.scope = 'articles';
    this.error = null;
    this.loading = false;
  }
}

/** The reader beside the search results. */
export const reader = new ReaderState(client);
/** The reader beside the Quotes view's quotations: each view keeps the article it opened. */
export const quoteReader = new ReaderState(client);
