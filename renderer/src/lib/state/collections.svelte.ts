import type {
  CitationStyle,
  CollectionProblem,
  CollectionSummary,
  CollectionView,
  ExportedFile,
  ExportRequest,
  QuarryBridge,
  QuoteView,
  Result,
  SaveQuoteRequest,
} from '../api';
import { client } from '../client';
import { describeFailure } from './failure';

/** What a quote edit may change. */
export interface QuoteChanges {
  note?: string;
  tags?: string[];
  speaker?: string | null;
}

/** The quote collections, the one on show, its filters and selection, and the last deletion to undo. */
export class CollectionsState {
  list = $state.raw<CollectionSummary[]>([]);
  problems = $state.raw<CollectionProblem[]>([]);
  current = $state.raw<CollectionView | null>(null);
  /** Quotes ticked for export, move or copy. */
  selected = $state.raw<readonly string[]>([]);
  tagFilter = $state<string | null>(null);
  speakerFilter = $state<string | null>(null);
  style = $state<CitationStyle>('apa');
  /** The collection last deleted, while it can still be brought back. */
  deleted = $state.raw<CollectionSummary | null>(null);
  error = $state<string | null>(null);
  /** A short confirmation ("Copied", "Saved to …"). */
  notice = $state<string | null>(null);
  /** The collection the last quote went into, offered first next time. */
  lastUsedId = $state<string | null>(null);

  readonly #bridge: QuarryBridge;

  constructor(bridge: QuarryBridge) {
    this.#bridge = bridge;
  }

  get transport(): QuarryBridge['transport'] {
    return this.#bridge.transport;
  }

  get tags(): string[] {
    return unique(this.current?.quotes.flatMap((quote) => quote.tags) ?? []);
  }

  get speakers(): string[] {
    return unique(
      this.current?.quotes.map((quote) => quote.speaker).filter((name): name is string => !!name) ?? [],
    );
  }

  /** The quotes on show once the tag and speaker filters are applied. */
  get visibleQuotes(): QuoteView[] {
    return (this.current?.quotes ?? []).filter(
      (quote) =>
        (this.tagFilter === null || quote.tags.includes(this.tagFilter)) &&
        (this.speakerFilter === null || quote.speaker === this.speakerFilter),
    );
  }

  async #run<T>(task: () => Promise<Result<T>>): Promise<T | null> {
    try {
      const result = await task();
      if (!result.ok) {
        this.error = result.error.message;
        return null;
      }
      this.error = null;
      return result.value;
    } catch (error) {
      this.error = describeFailure(error);
      return null;
    }
  }

  async load(): Promise<void> {
    try {
      const { collections, problems } = await this.#bridge.listCollections();
      this.list = collections;
      this.problems = problems;
      if (this.current && !collections.some((each) => each.id === this.current?.id)) this.current = null;
    } catch (error) {
      this.error = describeFailure(error);
    }
  }

  async open(id: string): Promise<void> {
    const view = await this.#run(() => this.#bridge.collection(id));
    if (!view) return;
    if (this.current?.id !== id) {
      this.selected = [];
      this.tagFilter = null;
      this.speakerFilter = null;
    }
    this.current = view;
  }

  async #refresh(): Promise<void> {
    await this.load();
    if (this.current) await this.open(this.current.id);
  }

  async create(name: string): Promise<CollectionSummary | null> {
    const created = await this.#run(() => this.#bridge.createCollection(name));
    if (created) await this.load();
    return created;
  }

  async rename(id: string, name: string): Promise<void> {
    if (await this.#run(() => this.#bridge.renameCollection(id, name))) await this.#refresh();
  }

  async remove(id: string): Promise<void> {
    const deleted = await this.#run(() => this.#bridge.deleteCollection(id));
    if (!deleted) return;
    this.deleted = deleted;
    if (this.current?.id === id) this.current = null;
    await this.load();
  }

  async undoRemove(): Promise<void> {
    const deleted = this.deleted;
    if (!deleted) return;
    this.deleted = null;
    if (await this.#run(() => this.#bridge.restoreCollection(deleted.id))) {
      await this.load();
      await this.open(deleted.id);
    }
  }

  /** Saves a passage; creates the collection first when a new name is given. */
  async saveQuote(
    target: { id: string } | { name: string },
    request: Omit<SaveQuoteRequest, 'collectionId'>,
  ): Promise<boolean> {
    const collection = 'id' in target ? { id: target.id } : await this.create(target.name);
    if (!collection) return false;
    const saved = await this.#run(() => this.#bridge.saveQuote({ ...request, collectionId: collection.id }));
    if (!saved) return false;
    this.lastUsedId = collection.id;
    const name = this.list.find((each) => each.id === collection.id)?.name ?? '';
    this.notice = `Saved to “${name}”`;
    await this.#refresh();
    return true;
  }

  async edit(quoteId: string, changes: QuoteChanges): Promise<void> {
    const current = this.current;
    if (!current) return;
    if (await this.#run(() => this.#bridge.editQuote({ collectionId: current.id, quoteId, ...changes }))) {
      await this.open(current.id);
    }
  }

  async removeQuotes(quoteIds: string[]): Promise<void> {
    const current = this.current;
    if (!current) return;
    if (await this.#run(() => this.#bridge.removeQuotes(current.id, quoteIds))) {
      this.selected = this.selected.filter((id) => !quoteIds.includes(id));
      await this.#refresh();
    }
  }

  /** Moves the quote at `from` to position `to` in the whole collection (drag and drop). */
  async reorder(from: number, to: number): Promise<void> {
    const current = this.current;
    if (!current || from === to || to < 0 || to >= current.quotes.length) return;
    const quotes = [...current.quotes];
    const [moved] = quotes.splice(from, 1);
    if (!moved) return;
    quotes.splice(to, 0, moved);
    // Shown at once; the file follows.
    this.current = { ...current, quotes };
    if (
      !(await this.#run(() =>
        this.#bridge.reorderQuotes(
          current.id,
          quotes.map((quote) => quote.id),
        ),
      ))
    ) {
      await this.open(current.id);
    }
  }

  /** Moves a quote one place up (-1) or down (+1) among the quotes on show (keyboard). */
  async step(quoteId: string, delta: -1 | 1): Promise<void> {
    const current = this.current;
    if (!current) return;
    const visible = this.visibleQuotes;
    const at = visible.findIndex((quote) => quote.id === quoteId);
    const neighbour = visible[at + delta];
    if (at < 0 || !neighbour) return;
    const from = current.quotes.findIndex((quote) => quote.id === quoteId);
    const to = current.quotes.findIndex((quote) => quote.id === neighbour.id);
    await this.reorder(from, to);
  }

  async transfer(to: string, mode: 'move' | 'copy'): Promise<void> {
    const current = this.current;
    if (!current || this.selected.length === 0) return;
    const quoteIds = current.quotes
      .filter((quote) => this.selected.includes(quote.id))
      .map((quote) => quote.id);
    const target = await this.#run(() =>
      this.#bridge.transferQuotes({ from: current.id, to, quoteIds, mode }),
    );
    if (!target) return;
    this.notice = `${mode === 'move' ? 'Moved' : 'Copied'} ${quoteIds.length} to “${target.name}”`;
    if (mode === 'move') this.selected = [];
    await this.#refresh();
  }

  toggle(quoteId: string): void {
    this.selected = this.selected.includes(quoteId)
      ? this.selected.filter((id) => id !== quoteId)
      : [...this.selected, quoteId];
  }

  selectAll(on: boolean): void {
    this.selected = on ? this.visibleQuotes.map((quote) => quote.id) : [];
  }

  /** The quote with its citation in the chosen style, written to the clipboard. */
  async copyCitation(quoteId: string, write: (text: string) => Promise<void>): Promise<void> {
    const current = this.current;
    if (!current) return;
    const text = await this.#run(() =>
      this.#bridge.citeQuote({ collectionId: current.id, quoteId, style: this.style }),
    );
    if (text === null) return;
    try {
      await write(text);
      this.notice = 'Copied with its citation';
    } catch (error) {
      this.error = `The clipboard refused the text: ${describeFailure(error)}`;
    }
  }

  async exportFile(request: ExportRequest): Promise<ExportedFile | null> {
    return this.#run(() => this.#bridge.exportCollection(request));
  }

  /** Desktop: saves through the system dialog. Null when cancelled or in a browser. */
  async saveExport(request: ExportRequest): Promise<string | null> {
    try {
      const saved = await this.#bridge.saveExport(request);
      if (saved === null) return null;
      if (!saved.ok) {
        this.error = saved.error.message;
        return null;
      }
      this.notice = `Exported to ${saved.value}`;
      return saved.value;
    } catch (error) {
      this.error = describeFailure(error);
      return null;
    }
  }

  async importText(text: string): Promise<void> {
    const report = await this.#run(() => this.#bridge.importCollection({ text }));
    if (!report) return;
    const skipped = report.skipped.length > 0 ? `; ${report.skipped.length} could not be placed` : '';
    this.notice = `Imported ${report.imported} into “${report.collection.name}”${skipped}`;
    await this.load();
    await this.open(report.collection.id);
  }

  dismiss(): void {
    this.error = null;
    this.notice = null;
  }
}

function unique(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) === index).sort((a, b) => a.localeCompare(b));
}

export const collections = new CollectionsState(client);
