import type {
  ApiError,
  FacetCount,
  QuarryBridge,
  QuotationKind,
  QuoteGroup,
  QuoteSearchRequest,
  QuoteSighting,
  QuoteSortOrder,
  Unsubscribe,
} from '../api';
import { client } from '../client';
import { DEBOUNCE_MS } from './search.svelte';
import { describeFailure } from './failure';

export const QUOTE_PAGE_SIZE = 50;
/** What the Quotes view lists until told otherwise: everything but scare quotes, as the backend does. */
export const DEFAULT_KINDS: readonly QuotationKind[] = ['direct', 'transcript', 'block'];

/** A place in the list: a group, and which of its sightings (0 is the group's own row, where it was first said). */
export interface QuoteCursor {
  group: number;
  sighting: number;
}

/** The Quotes view's search over the words of quotations: its query, speaker and kind filters, groups and selection. */
export class QuoteSearchState {
  query = $state('');
  sort = $state<QuoteSortOrder>('relevance');
  /** Quotations by any of these speakers; empty for everyone. */
  speakers = $state.raw<readonly string[]>([]);
  kinds = $state.raw<readonly QuotationKind[]>(DEFAULT_KINDS);
  /** The query the shown groups answer, which lags `query` while typing. */
  resultsQuery = $state('');
  /** Pages of groups fetched so far, by the place of their first group. */
  pages = $state.raw<Readonly<Record<number, QuoteGroup[]>>>({});
  /** Groups matching, before paging. */
  total = $state(0);
  /** Quotations matching, before grouping. */
  quotations = $state(0);
  /** Speakers of the matching quotations with their counts, before the speaker filter. */
  speakerFacet = $state.raw<FacetCount[]>([]);
  ms = $state(0);
  selected = $state.raw<QuoteCursor | null>(null);
  /** Groups whose other sightings are shown, by place. */
  expanded = $state.raw<Readonly<Record<number, true>>>({});
  /** True once a search answered, so the view can tell "nothing yet" from "nothing found". */
  answered = $state(false);
  loading = $state(false);
  /** An expected failure, such as a query that does not parse, and the query it belongs to. */
  error = $state.raw<ApiError | null>(null);
  errorQuery = $state('');
  /** The backend could not be reached or failed unexpectedly. */
  failure = $state<string | null>(null);

  readonly #bridge: QuarryBridge;
  readonly #debounceMs: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #generation = 0;
  #fetching: Record<number, true> = {};
  #started = false;

  constructor(bridge: QuarryBridge, debounceMs = DEBOUNCE_MS) {
    this.#bridge = bridge;
    this.#debounceMs = debounceMs;
  }

  /** Lists the library's quotations the first time the view is shown. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    void this.run();
  }

  /** True when the speakers or kinds differ from the defaults. */
  get filtered(): boolean {
    return (
      this.speakers.length > 0 ||
      this.kinds.length !== DEFAULT_KINDS.length ||
      this.kinds.some((kind) => !DEFAULT_KINDS.includes(kind))
    );
  }

  groupAt(index: number): QuoteGroup | undefined {
    if (index < 0) return undefined;
    const start = index - (index % QUOTE_PAGE_SIZE);
    return this.pages[start]?.[index - start];
  }

  sightingAt(cursor: QuoteCursor | null): QuoteSighting | undefined {
    return cursor ? this.groupAt(cursor.group)?.sightings[cursor.sighting] : undefined;
  }

  get selectedSighting(): QuoteSighting | undefined {
    return this.sightingAt(this.selected);
  }

  setQuery(query: string): void {
    this.query = query;
    this.#cancelTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.run();
    }, this.#debounceMs);
  }

  clear(): void {
    this.setQuery('');
  }

  setSort(sort: QuoteSortOrder): void {
    if (sort === this.sort) return;
    this.sort = sort;
    void this.flush(true);
  }

  toggleSpeaker(speaker: string): void {
    this.speakers = this.speakers.includes(speaker)
      ? this.speakers.filter((each) => each !== speaker)
      : [...this.speakers, speaker];
    void this.flush(true);
  }

  clearSpeakers(): void {
    this.speakers = [];
    void this.flush(true);
  }

  /** Shows or hides a kind; the last kind shown stays, since a list of no kinds is always empty. */
  toggleKind(kind: QuotationKind): void {
    if (this.kinds.includes(kind)) {
      if (this.kinds.length === 1) return;
      this.kinds = this.kinds.filter((each) => each !== kind);
    } else {
      this.kinds = [...this.kinds, kind];
    }
    void this.flush(true);
  }

  /** Runs a search the debounce is holding back (or, with `force`, the current one) and waits for it. */
  async flush(force = false): Promise<void> {
    if (this.#timer === null && !force) return;
    this.#cancelTimer();
    await this.run();
  }

  #request(offset: number): QuoteSearchRequest {
    return {
      query: this.query.trim(),
      offset,
      limit: QUOTE_PAGE_SIZE,
      sort: this.sort,
      kinds: [...this.kinds],
      ...(this.speakers.length > 0 ? { speakers: [...this.speakers] } : {}),
    };
  }

  /** Searches from the first group. */
  async run(): Promise<void> {
    const generation = ++this.#generation;
    const query = this.query;
    this.loading = true;
    try {
      const result = await this.#bridge.searchQuotes(this.#request(0));
      if (generation !== this.#generation) return;
      this.failure = null;
      if (!result.ok) {
        this.error = result.error;
        this.errorQuery = query;
        return;
      }
      const { groups, total, quotations, speakers, ms } = result.value;
      this.error = null;
      this.resultsQuery = query.trim();
      this.pages = { 0: groups };
      this.#fetching = {};
      this.total = total;
      this.quotations = quotations;
      this.speakerFacet = speakers;
      this.ms = ms;
      this.expanded = {};
      this.selected = groups.length > 0 ? { group: 0, sighting: 0 } : null;
      this.answered = true;
    } catch (error) {
      if (generation === this.#generation) this.failure = describeFailure(error);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  /** Makes sure the groups from `first` to `last` are fetched, a page at a time. */
  showRange(first: number, last: number): void {
    const end = Math.min(last, this.total - 1);
    for (let start = Math.max(0, first - (first % QUOTE_PAGE_SIZE)); start <= end; start += QUOTE_PAGE_SIZE) {
      if (this.pages[start] || this.#fetching[start]) continue;
      void this.#fetchPage(start);
    }
  }

  async #fetchPage(start: number): Promise<void> {
    const generation = this.#generation;
    this.#fetching[start] = true;
    try {
      const result = await this.#bridge.searchQuotes(this.#request(start));
      if (generation !== this.#generation) return;
      if (!result.ok) {
        this.failure = result.error.message;
        return;
      }
      this.pages = { ...this.pages, [start]: result.value.groups };
    } catch (error) {
      if (generation === this.#generation) this.failure = describeFailure(error);
    } finally {
      if (generation === this.#generation) delete this.#fetching[start];
    }
  }

  /** How many sightings of a group show as rows: its own, plus the others once expanded. */
  rowsOf(index: number): number {
    return this.expanded[index] ? (this.groupAt(index)?.sightings.length ?? 1) : 1;
  }

  canExpand(index: number): boolean {
    return (this.groupAt(index)?.sightings.length ?? 0) > 1;
  }

  setExpanded(index: number, open: boolean): void {
    if (open && !this.canExpand(index)) return;
    const { [index]: _was, ...rest } = this.expanded;
    this.expanded = open ? { ...rest, [index]: true } : rest;
    if (!open && this.selected?.group === index) this.selected = { group: index, sighting: 0 };
  }

  select(cursor: QuoteCursor): void {
    if (this.sightingAt(cursor)) this.selected = cursor;
  }

  /** Moves the selection by one row through the groups and the sightings shown, stopping at either end. */
  move(delta: number): void {
    const at = this.selected;
    if (!at) return;
    let next: QuoteCursor;
    if (delta > 0) {
      next =
        at.sighting + 1 < this.rowsOf(at.group)
          ? { group: at.group, sighting: at.sighting + 1 }
          : { group: at.group + 1, sighting: 0 };
    } else if (at.sighting > 0) {
      next = { group: at.group, sighting: at.sighting - 1 };
    } else {
      next = { group: at.group - 1, sighting: this.rowsOf(at.group - 1) - 1 };
    }
    if (next.group < 0 || next.group >= this.total) return;
    this.showRange(next.group, next.group + 5);
    this.select(next);
  }

  /** Runs the shown search again, for when the library changed under it. */
  refresh(): Promise<void> {
    return this.#started ? this.run() : Promise.resolve();
  }

  /** Keeps the groups fresh while the window is open. */
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
}

export const quotes = new QuoteSearchState(client);
