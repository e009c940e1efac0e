import { basename } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

/**
 * Watches the library folders and reports the paths that changed, gathered
 * over a short pause so that a save that touches a file twice, or a folder
 * copied in, comes as one batch. Hidden files and folders are not watched.
 */
export class FolderWatcher {
  private watcher: FSWatcher | null = null;
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readyPromise: Promise<void> = Promise.resolve();
  private folders: string[] = [];

  constructor(
    private readonly onChange: (paths: string[]) => void,
    private readonly pauseMs = 50,
  ) {}

  /** Watches exactly these folders from now on. */
  watch(folders: readonly string[]): void {
    const wanted = [...folders].sort();
    if (wanted.join('\n') === this.folders.join('\n')) return;
    this.folders = wanted;
    void this.watcher?.close();
    this.watcher = null;
    if (wanted.length === 0) {
      this.readyPromise = Promise.resolve();
      return;
    }
    const watcher = watch(wanted, {
      ignoreInitial: true,
      ignored: (path: string) => basename(path).startsWith('.') && !wanted.includes(path),
    });
    this.watcher = watcher;
    this.readyPromise = new Promise((resolve) => watcher.once('ready', () => resolve()));
    for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
      watcher.on(event, (path: string) => this.note(path));
    }
    watcher.on('error', () => undefined);
  }

  /** Resolves once the watcher has seen every folder and reports changes. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  private note(path: string): void {
    this.pending.add(path);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const paths = [...this.pending];
      this.pending.clear();
      this.onChange(paths);
    }, this.pauseMs);
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.folders = [];
    await this.watcher?.close();
    this.watcher = null;
  }
}
