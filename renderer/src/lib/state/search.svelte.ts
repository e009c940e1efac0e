import type { ApiError, QuarryBridge, SearchHit, SortOrder, Unsubscribe } from '../api';
import { client } from '../client';

export const PAGE_SIZE = 50;
/** The most hits one search call may ask for: `limit`'s maximum in electron/api-schema.ts, which the renderer cannot import. */
export const MAX_LIMIT = 1000;
export const DEBOUNCE_MS = 150;
/** How close to the end of the loaded hits the selection may come before the next page is fetched. */
const PREFETCH_MARGIN = 5;

/** The first hits of a search, possibly gathered over several calls, and where the next page starts. */
type FirstHits =
  | { ok: true; hits: SearchHit[]; total: number; ms: number; nextOffset: number }
  | { ok: false; error: ApiError };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The query, its results, and which result is selected. */
export class SearchState {
  query = $state('');
  sort = $state<SortOrder>('relevance');
  /** The query the shown hits answer, which lags `query` while typing. */
  resultsQuery = $state('');
  hits = $state.raw<SearchHit[]>([]);
  total = $state(0);
  ms = $state(0);
  selected = $state(-1);
  loading = $state(false);
  loadingMore = $state(false);
  /** An expected failure of the last search, such as a syntax error, and the query it belongs to. */
  error = $state.raw<ApiError | null>(null);
  errorQuery = $state('');
  /** The backend could not be reached or failed unexpectedly. */
  failure = $state<string | null>(null);

  readonly #bridge: QuarryBridge;
  readonly #debounceMs: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #pending: Promise<void> | null = null;
  // Bumped by every fresh search, so that answers to older ones are recognised and dropped.
  #generation = 0;
  // Where the next page starts on the backend's side, which is not hits.length when pages overlapped.
  #nextOffset = $state(0);

  constructor(bridge: QuarryBridge, debounceMs = DEBOUNCE_MS) {
    this.#bridge = bridge;
    this.#debounceMs = debounceMs;
  }

  get selectedHit(): SearchHit | null {
    return this.hits[this.selected] ?? null;
  }

  get hasMore(): boolean {
    return this.#nextOffset < this.total;
  }

  /** Reacts to typing: the search runs once the typing pauses. */
  setQuery(query: string): void {
    this.query = query;
    this.#cancelTimer();
    if (query.trim() === '') {
      this.#reset();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.run();
    }, this.#debounceMs);
  }

  setSort(sort: SortOrder): void {
    if (sort === this.sort) return;
    this.sort = sort;
    if (this.query.trim() !== '') void this.flush(true);
  }

  clear(): void {
    this.setQuery('');
  }

  /** Runs a search the debounce is still holding back (or, with `force`, the current one) and waits for it. */
  async flush(force = false): Promise<void> {
    if (this.#timer !== null || force) {
      this.#cancelTimer();
      await this.run();
    } else if (this.#pending) {
      await this.#pending;
    }
  }

  /** Searches for the current query from the first hit. */
  run(limit = PAGE_SIZE, keepSelectedId: string | null = null): Promise<void> {
    const query = this.query;
    const generation = ++this.#generation;
    if (query.trim() === '') {
      this.#reset();
      return Promise.resolve();
    }
    this.loading = true;
    const pending = this.#fetch(query, generation, limit, keepSelectedId);
    this.#pending = pending;
    return pending;
  }

  async #fetch(
    query: string,
    generation: number,
    limit: number,
    keepSelectedId: string | null,
  ): Promise<void> {
    try {
      const result = await this.#searchFirst(query, limit, generation);
      if (generation !== this.#generation) return;
      this.failure = null;
      if (!result.ok) {
        this.error = result.error;
        this.errorQuery = query;
        return;
      }
      this.error = null;
      this.resultsQuery = query;
      this.hits = result.hits;
      this.#nextOffset = result.nextOffset;
      this.total = result.total;
      this.ms = result.ms;
      const kept = keepSelectedId === null ? -1 : this.hits.findIndex((hit) => hit.id === keepSelectedId);
      this.selected = kept >= 0 ? kept : this.hits.length > 0 ? 0 : -1;
    } catch (error) {
      if (generation === this.#generation) this.failure = describe(error);
    } finally {
      if (generation === this.#generation) {
        this.loading = false;
        this.#pending = null;
      }
    }
  }

  /**
   * The first `limit` hits for a query, asked for in calls of at most
   * MAX_LIMIT: a refresh may want more than the backend hands out at once.
   */
  async #searchFirst(query: string, limit: number, generation: number): Promise<FirstHits> {
    const sort = this.sort;
    const hits: SearchHit[] = [];
    const seen = Object.create(null) as Record<string, true>;
    let offset = 0;
    let ms = 0;
    for (;;) {
      const asked = Math.min(limit - offset, MAX_LIMIT);
      const result = await this.#bridge.search({ query, offset, limit: asked, sort });
      if (!result.ok) return result;
      // Pages can overlap when the library changed between them; a hit is listed once.
      for (const hit of result.value.hits) {
        if (!Object.hasOwn(seen, hit.id)) hits.push(hit);
        seen[hit.id] = true;
      }
      offset += result.value.hits.length;
      ms += result.value.ms;
      const { total } = result.value;
      // A short page means there is no more to ask for.
      const done = offset >= limit || offset >= total || result.value.hits.length < asked;
      if (done || generation !== this.#generation) return { ok: true, hits, total, ms, nextOffset: offset };
    }
  }

  /** Fetches the next page of the shown results. */
  async loadMore(): Promise<void> {
    if (this.loadingMore || this.loading || !this.hasMore) return;
    const generation = this.#generation;
    const offset = this.#nextOffset;
    this.loadingMore = true;
    try {
      const result = await this.#bridge.search({
        query: this.resultsQuery,
        offset,
        limit: PAGE_SIZE,
        sort: this.sort,
      });
      if (generation !== this.#generation || offset !== this.#nextOffset) return;
      if (!result.ok) {
        this.error = result.error;
        this.errorQuery = this.resultsQuery;
        return;
      }
      // Pages can overlap when the library changed between them; a hit is listed once.
      const shown = Object.fromEntries(this.hits.map((hit) => [hit.id, true]));
      this.hits = [...this.hits, ...result.value.hits.filter((hit) => !Object.hasOwn(shown, hit.id))];
      this.#nextOffset = offset + result.value.hits.length;
      // An empty page ends the list even if the total said otherwise, so paging cannot spin.
      this.total = result.value.hits.length === 0 ? offset : result.value.total;
    } catch (error) {
      if (generation === this.#generation) this.failure = describe(error);
    } finally {
      this.loadingMore = false;
    }
  }

  /** Runs the shown search again, for when the library changed under it. */
  refresh(): Promise<void> {
    if (this.query.trim() === '') return Promise.resolve();
    this.#cancelTimer();
    return this.run(Math.max(PAGE_SIZE, this.hits.length), this.selectedHit?.id ?? null);
  }

  select(index: number): void {
    if (index >= 0 && index < this.hits.length) this.selected = index;
  }

  /** Moves the selection by `delta` results, stopping at either end. */
  move(delta: number): void {
    if (this.hits.length === 0) return;
    const next = Math.min(Math.max(this.selected + delta, 0), this.hits.length - 1);
    this.selected = next;
    if (next >= this.hits.length - PREFETCH_MARGIN) void this.loadMore();
  }

  /** Keeps the results fresh while the window is open. */
  connect(): Unsubscribe {
    const stop = this.#bridge.onLibrary(() => void this.refresh());
    return () => {
      stop();
      this.#cancelTimer();
    };
  }

  #cancelTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #reset(): void {
    this.#generation++;
    this.#pending = null;
    this.hits = [];
    this.#nextOffset = 0;
    this.total = 0;
    this.selected = -1;
    this.resultsQuery = '';
    this.error = null;
    this.errorQuery = '';
    this.failure = null;
    this.loading = false;
    this.loadingMore = false;
  }
}

export const search = new SearchState(client);
