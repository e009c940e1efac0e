import type {
  ApiError,
  Facets,
  QuarryBridge,
  SearchFilters,
  SearchHit,
  SortOrder,
  Unsubscribe,
} from '../api';
import { client } from '../client';
import { describeFailure } from './failure';

export const PAGE_SIZE = 50;

/** The filters that hold a list of alternatives. */
export type ListFilter = 'sources' | 'authors' | 'folders' | 'formats' | 'speakers';
/** The most hits one search call may ask for: `limit`'s maximum in electron/api-schema.ts, which the renderer cannot import. */
export const MAX_LIMIT = 1000;
export const DEBOUNCE_MS = 150;
/** How close to the end of the loaded hits the selection may come before the next page is fetched. */
const PREFETCH_MARGIN = 5;

/** The first hits of a search, possibly gathered over several calls, and where the next page starts. */
type FirstHits =
  | { ok: true; hits: SearchHit[]; total: number; facets: Facets; ms: number; nextOffset: number }
  | { ok: false; error: ApiError };

/** The query, its results, and which result is selected. */
export class SearchState {
  query = $state('');
  sort = $state<SortOrder>('relevance');
  /** The filters the next searches apply; lists hold alternatives. */
  filters = $state.raw<SearchFilters>({});
  /** Counts per source, author, folder, type, year and speaker over the shown results, before paging. */
  facets = $state.raw<Facets | null>(null);
  /** The query the shown hits answer, which lags `query` while typing. */
  resultsQuery = $state('');
  /** The hits loaded from the first one on, without gaps. */
  hits = $state.raw<SearchHit[]>([]);
  /** Pages fetched further down for a list scrolled far at once, by their first hit's place. */
  pages = $state.raw<Readonly<Record<number, SearchHit[]>>>({});
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
    return this.hitAt(this.selected) ?? null;
  }

  /** The hit at a place in the whole list, if it has been fetched. */
  hitAt(index: number): SearchHit | undefined {
    if (index < 0) return undefined;
    if (index < this.hits.length) return this.hits[index];
    const start = index - (index % PAGE_SIZE);
    return this.pages[start]?.[index - start];
  }

  /** True when any filter is set. */
  get filtered(): boolean {
    const f = this.filters;
    return Boolean(
      f.dateFrom ||
      f.dateTo ||
      f.sources?.length ||
      f.authors?.length ||
      f.folders?.length ||
      f.formats?.length ||
      f.speakers?.length,
    );
  }

  /** Replaces the filters and searches again at once. */
  setFilters(filters: SearchFilters): void {
    this.filters = filters;
    if (this.query.trim() !== '') void this.flush(true);
  }

  /** Adds or takes away one value of a list filter (a source, author, folder, type or speaker). */
  toggle(kind: ListFilter, value: string): void {
    const current = this.filters[kind] ?? [];
    const next = current.includes(value) ? current.filter((each) => each !== value) : [...current, value];
    const { [kind]: _dropped, ...rest } = this.filters;
    this.setFilters(next.length > 0 ? { ...rest, [kind]: next } : rest);
  }

  /** Sets the date range; an empty bound is no bound. */
  setDates(from: string, to: string): void {
    const { dateFrom: _from, dateTo: _to, ...rest } = this.filters;
    this.setFilters({ ...rest, ...(from ? { dateFrom: from } : {}), ...(to ? { dateTo: to } : {}) });
  }

  clearFilters(): void {
    this.setFilters({});
  }

  /** The request for a page: filters only when some are set, so plain searches stay as they were. */
  #request(query: string, offset: number, limit: number) {
    return { query, offset, limit, sort: this.sort, ...(this.filtered ? { filters: this.filters } : {}) };
  }

  /**
   * Makes sure the hits from `first` to `last` (places in the whole list)
   * are fetched: near the end of the loaded hits it loads on from there;
   * further down it fetches just the pages in view, so a list of 10,000 can
   * be scrolled anywhere at once.
   */
  showRange(first: number, last: number): void {
    const end = Math.min(last, this.total - 1);
    if (end < this.hits.length) return;
    if (first <= this.hits.length + PAGE_SIZE) {
      void this.loadMore();
      return;
    }
    for (let start = first - (first % PAGE_SIZE); start <= end; start += PAGE_SIZE) {
      if (this.pages[start] || this.#fetching[start] || start < this.hits.length) continue;
      void this.#fetchPage(start);
    }
  }

  // Pages asked for and not answered yet, by their first hit's place.
  #fetching: Record<number, true> = {};

  async #fetchPage(start: number): Promise<void> {
    const generation = this.#generation;
    this.#fetching[start] = true;
    try {
      const result = await this.#bridge.search(this.#request(this.resultsQuery, start, PAGE_SIZE));
      if (generation !== this.#generation || !result.ok) return;
      this.pages = { ...this.pages, [start]: result.value.hits };
    } catch (error) {
      if (generation === this.#generation) this.failure = describeFailure(error);
    } finally {
      delete this.#fetching[start];
    }
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
      this.pages = {};
      this.#nextOffset = result.nextOffset;
      this.total = result.total;
      this.facets = result.facets;
      this.ms = result.ms;
      const kept = keepSelectedId === null ? -1 : this.hits.findIndex((hit) => hit.id === keepSelectedId);
      this.selected = kept >= 0 ? kept : this.hits.length > 0 ? 0 : -1;
    } catch (error) {
      if (generation === this.#generation) this.failure = describeFailure(error);
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
    const hits: SearchHit[] = [];
    const seen = Object.create(null) as Record<string, true>;
    let offset = 0;
    let ms = 0;
    for (;;) {
      const asked = Math.min(limit - offset, MAX_LIMIT);
      const result = await this.#bridge.search(this.#request(query, offset, asked));
      if (!result.ok) return result;
      // Pages can overlap when the library changed between them; a hit is listed once.
      for (const hit of result.value.hits) {
        if (!Object.hasOwn(seen, hit.id)) hits.push(hit);
        seen[hit.id] = true;
      }
      offset += result.value.hits.length;
      ms += result.value.ms;
      const { total, facets } = result.value;
      // A short page means there is no more to ask for.
      const done = offset >= limit || offset >= total || result.value.hits.length < asked;
      if (done || generation !== this.#generation)
        return { ok: true, hits, total, facets, ms, nextOffset: offset };
    }
  }

  /** Fetches the next page of the shown results. */
  async loadMore(): Promise<void> {
    if (this.loadingMore || this.loading || !this.hasMore) return;
    const generation = this.#generation;
    const offset = this.#nextOffset;
    this.loadingMore = true;
    try {
      const result = await this.#bridge.search(this.#request(this.resultsQuery, offset, PAGE_SIZE));
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
      if (generation === this.#generation) this.failure = describeFailure(error);
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
    if (this.hitAt(index)) this.selected = index;
  }

  /** Moves the selection by `delta` results, stopping at either end. */
  move(delta: number): void {
    if (this.hits.length === 0) return;
    if (this.selected >= this.hits.length) {
      // Down in a page fetched on its own: move within what is fetched, and fetch on ahead.
      const next = Math.min(Math.max(this.selected + delta, 0), this.total - 1);
      if (this.hitAt(next)) this.selected = next;
      this.showRange(next, next + PREFETCH_MARGIN);
      return;
    }
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
    this.pages = {};
    this.facets = null;
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
