import type { ApiError, IndexProgress, IndexReport, LibraryStatus, QuarryBridge, Unsubscribe } from '../api';
import { client } from '../client';
import { describeFailure } from './failure';

function addFailure(path: string, error: ApiError): string {
  if (error.code === 'already-added') return `“${path}” is already in the library.`;
  // The backend's messages usually name the folder already; only add it when they do not.
  return error.message.includes(path) ? error.message : `Could not add “${path}”: ${error.message}`;
}

// Reports arrive as fresh objects with every status; their content says whether a new pass finished.
function reportKey(report: IndexReport | null): string {
  return report ? JSON.stringify(report) : '';
}

// A pass that found nothing new (every launch, usually) is not worth a banner.
function changedAnything(report: IndexReport): boolean {
  return report.cancelled || report.indexed > 0 || report.removed > 0 || report.skipped.length > 0;
}

export const DROP_NEEDS_DESKTOP =
  'Dropping a folder works in the desktop app only: a browser does not tell Quarry where the folder is. Type or paste its path instead.';

/** The folders in the library, the indexing under way, and the add-folder flow. */
export class LibraryState {
  status = $state.raw<LibraryStatus | null>(null);
  progress = $state.raw<IndexProgress | null>(null);
  /** The last pass's report while its summary is on show. */
  report = $state.raw<IndexReport | null>(null);
  /** The backend could not be reached. */
  failure = $state<string | null>(null);
  addError = $state<string | null>(null);
  adding = $state(false);
  pathDialogOpen = $state(false);
  dropNote = $state<string | null>(null);

  readonly #bridge: QuarryBridge;
  #reportSeen = '';

  constructor(bridge: QuarryBridge) {
    this.#bridge = bridge;
  }

  get transport(): QuarryBridge['transport'] {
    return this.#bridge.transport;
  }

  get indexing(): boolean {
    return this.progress !== null || (this.status?.indexing ?? false);
  }

  /** Known to have no folders; false until the first status arrives. */
  get isEmpty(): boolean {
    return this.status !== null && this.status.folders.length === 0;
  }

  connect(): Unsubscribe {
    const stops = [
      this.#bridge.onProgress((progress) => {
        this.progress = progress.phase === 'done' ? null : progress;
      }),
      this.#bridge.onLibrary((status) => this.#apply(status)),
      this.#bridge.onAddFolderRequested(() => void this.requestFolder()),
    ];
    void this.load();
    return () => stops.forEach((stop) => stop());
  }

  async load(): Promise<void> {
    try {
      this.#apply(await this.#bridge.status());
      this.failure = null;
    } catch (error) {
      this.failure = `Quarry’s backend did not answer: ${describeFailure(error)}`;
    }
  }

  /** The "Add folder…" flow: the system dialog on the desktop, a path field in a browser. */
  async requestFolder(): Promise<void> {
    this.addError = null;
    if (this.#bridge.transport !== 'electron') {
      this.openPathDialog();
      return;
    }
    try {
      const path = await this.#bridge.pickFolder();
      if (path !== null) await this.add(path);
    } catch (error) {
      this.addError = `The folder dialog failed: ${describeFailure(error)}`;
    }
  }

  /** Adds a folder; true when it was added, otherwise `addError` says why not. */
  async add(path: string): Promise<boolean> {
    const trimmed = path.trim();
    if (trimmed === '') {
      this.addError = 'Type or paste the path of a folder.';
      return false;
    }
    this.adding = true;
    this.addError = null;
    try {
      const result = await this.#bridge.addFolder(trimmed);
      if (!result.ok) {
        this.addError = addFailure(trimmed, result.error);
        return false;
      }
      this.#apply(result.value);
      this.pathDialogOpen = false;
      this.dropNote = null;
      return true;
    } catch (error) {
      this.addError = `Could not add “${trimmed}”: ${describeFailure(error)}`;
      return false;
    } finally {
      this.adding = false;
    }
  }

  async remove(path: string): Promise<void> {
    try {
      const result = await this.#bridge.removeFolder(path);
      if (result.ok) this.#apply(result.value);
      else this.addError = `Could not remove “${path}”. ${result.error.message}`;
    } catch (error) {
      this.addError = `Could not remove “${path}”: ${describeFailure(error)}`;
    }
  }

  /** Asks the backend to read the skipped files again; the new report replaces this one when the pass ends. */
  async retrySkipped(): Promise<void> {
    try {
      this.#apply(await this.#bridge.retrySkipped());
    } catch (error) {
      this.failure = `Could not retry the skipped files: ${describeFailure(error)}`;
    }
  }

  async cancelIndexing(): Promise<void> {
    try {
      await this.#bridge.cancelIndexing();
    } catch (error) {
      this.failure = `Could not cancel indexing: ${describeFailure(error)}`;
    }
  }

  /** Adds dropped folders on the desktop; in a browser, explains why it cannot and asks for the path. */
  async drop(files: readonly File[]): Promise<void> {
    const pathForFile = this.#bridge.pathForFile?.bind(this.#bridge);
    if (this.#bridge.transport !== 'electron' || !pathForFile) {
      this.openPathDialog(DROP_NEEDS_DESKTOP);
      return;
    }
    for (const file of files) {
      const path = pathForFile(file);
      if (path) await this.add(path);
    }
  }

  openPathDialog(note: string | null = null): void {
    this.dropNote = note;
    this.addError = null;
    this.pathDialogOpen = true;
  }

  closePathDialog(): void {
    this.pathDialogOpen = false;
    this.dropNote = null;
    this.addError = null;
  }

  dismissReport(): void {
    this.report = null;
  }

  dismissAddError(): void {
    this.addError = null;
  }

  #apply(status: LibraryStatus): void {
    this.status = status;
    if (!status.indexing) this.progress = null;
    const key = reportKey(status.lastReport);
    if (key !== this.#reportSeen) {
      this.#reportSeen = key;
      this.report = status.lastReport && changedAnything(status.lastReport) ? status.lastReport : null;
    }
  }
}

export const library = new LibraryState(client);
