import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CollectionProblem } from '../../api';
import { writeFileAtomic } from '../store/atomic-file';
import { parseCollection, serializeCollection, type StoredCollection } from './model';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,80}$/;

export type LoadOutcome =
  | { kind: 'ok'; collection: StoredCollection }
  | { kind: 'missing' }
  | { kind: 'broken'; problem: CollectionProblem };

/**
 * The collections folder of the data directory: one `<id>.json` per
 * collection, `<id>.json.bak` holding the version before the last save, and
 * `trash/` for deleted collections until they are restored or purged by hand.
 */
export class CollectionStore {
  readonly folder: string;
  readonly trash: string;

  constructor(dataDir: string) {
    this.folder = join(dataDir, 'collections');
    this.trash = join(this.folder, 'trash');
  }

  /** Whether `id` can name a collection file (no path separators, no dot files). */
  static validId(id: string): boolean {
    return ID_PATTERN.test(id);
  }

  pathOf(id: string, inTrash = false): string {
    return join(inTrash ? this.trash : this.folder, `${id}.json`);
  }

  /** Every collection that reads, and a problem for each file that does not (never changed or moved). */
  async loadAll(): Promise<{ collections: StoredCollection[]; problems: CollectionProblem[] }> {
    await mkdir(this.folder, { recursive: true });
    const names = (await readdir(this.folder)).filter(
      (name) => name.endsWith('.json') && !name.startsWith('.'),
    );
    const collections: StoredCollection[] = [];
    const problems: CollectionProblem[] = [];
    for (const name of names.sort()) {
      const outcome = await this.load(name.slice(0, -'.json'.length));
      if (outcome.kind === 'ok') collections.push(outcome.collection);
      else if (outcome.kind === 'broken') problems.push(outcome.problem);
    }
    return { collections, problems };
  }

  /** Reads one collection; a broken file is reported with line and column and left as it is. */
  async load(id: string, inTrash = false): Promise<LoadOutcome> {
    const path = this.pathOf(id, inTrash);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'broken', problem: { file: path, message: String(error), line: null, column: null } };
    }
    const parsed = parseCollection(text);
    if (!parsed.ok) return { kind: 'broken', problem: { file: path, ...parsed.problem } };
    if (parsed.collection.id !== id) {
      // The file name is the identity the window uses; a copied file keeps working under its own name.
      parsed.collection.id = id;
    }
    return { kind: 'ok', collection: parsed.collection };
  }

  /**
   * Writes a collection crash-safely: the current file is first copied to
   * `.bak` (itself written atomically), then the new text replaces the file by
   * rename, so the file on disk is always one whole version.
   */
  async save(collection: StoredCollection): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const path = this.pathOf(collection.id);
    const previous = await readFile(path).catch(() => null);
    if (previous) await writeFileAtomic(`${path}.bak`, previous);
    await writeFileAtomic(path, serializeCollection(collection));
  }

  /** Moves a collection's file (and its backup) into the trash. */
  async moveToTrash(id: string): Promise<void> {
    await mkdir(this.trash, { recursive: true });
    await rename(this.pathOf(id), this.pathOf(id, true));
    await rename(`${this.pathOf(id)}.bak`, `${this.pathOf(id, true)}.bak`).catch(() => undefined);
  }

  /** Brings a collection back from the trash; false when it is not there or its name is taken again. */
  async restoreFromTrash(id: string): Promise<boolean> {
    const from = this.pathOf(id, true);
    const to = this.pathOf(id);
    if (!(await exists(from)) || (await exists(to))) return false;
    await rename(from, to);
    await rename(`${from}.bak`, `${to}.bak`).catch(() => undefined);
    return true;
  }

  /** Removes temporary files left by a save that a crash interrupted (old ones: another process may be saving). */
  async sweepTemporaryFiles(now = Date.now()): Promise<void> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.startsWith('.') || !name.endsWith('.tmp')) continue;
      const path = join(this.folder, name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > 60_000) await rm(path, { force: true });
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}
