import { copyFile, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/atomic-file';
import type { ShardRecord } from './shard-files';

/** Bumped whenever the catalog's layout changes. */
export const CATALOG_VERSION = 2;

/** A file that could not be read as an article, remembered so it is retried only once it changes. */
export interface FailedFile {
  folder: string;
  size: number;
  mtimeMs: number;
  reason: string;
}

/**
 * The library's table of contents: folders, and the shard generations in
 * service. What each shard holds (paths, sizes, times, hashes) is in the
 * shard itself, so this file stays small however big the library grows and
 * is cheap to save after every change.
 */
export interface Catalog {
  format: 'quarry-library';
  version: number;
  folders: string[];
  shards: Record<string, ShardRecord>;
  /** Files skipped at the last pass that saw them, by path. */
  failed: Record<string, FailedFile>;
  nextShard: number;
  /** The small shard that takes edits and new files between full builds. */
  delta?: string;
  /** Article ids that do not follow from their path, because the file was renamed: path → id. */
  ids?: Record<string, string>;
  /** Files whose time changed while their bytes did not: path → the time now. */
  touched?: Record<string, number>;
}

/** A catalog with no folders and no index yet. */
export function emptyCatalog(): Catalog {
  return {
    format: 'quarry-library',
    version: CATALOG_VERSION,
    folders: [],
    shards: {},
    failed: {},
    nextShard: 1,
    ids: {},
    touched: {},
  };
}

export interface LoadedCatalog {
  catalog: Catalog;
  /** True when there was no catalog at all: a library opened for the first time. */
  isNew: boolean;
  /** Set when the stored catalog could not be used; says what happened to it. */
  problem?: string;
}

function catalogPath(dataDir: string): string {
  return join(dataDir, 'library.json');
}

/**
 * Reads the library catalog. A missing one is a new library; a damaged one
 * is set aside (renamed, not deleted) and the previous good copy is used, or
 * an empty library when there is none, with the reason in `problem`.
 */
export async function loadCatalog(dataDir: string): Promise<LoadedCatalog> {
  const path = catalogPath(dataDir);
  const main = await readCatalogFile(path);
  if (main.kind === 'ok') return { catalog: main.catalog, isNew: false };
  if (main.kind === 'missing') return { catalog: emptyCatalog(), isNew: true };
  const aside = `${path}.damaged-${Date.now()}`;
  await rename(path, aside).catch(() => undefined);
  const backup = await readCatalogFile(`${path}.bak`);
  const reason = `the library catalog was damaged (${main.reason}) and was set aside as ${aside}`;
  if (backup.kind === 'ok')
    return { catalog: backup.catalog, isNew: false, problem: `${reason}; the previous copy is in use` };
  return { catalog: emptyCatalog(), isNew: false, problem: `${reason}; the folders must be added again` };
}

type CatalogRead = { kind: 'ok'; catalog: Catalog } | { kind: 'missing' } | { kind: 'bad'; reason: string };

async function readCatalogFile(path: string): Promise<CatalogRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { kind: 'missing' };
  }
  try {
    const value = JSON.parse(text) as Partial<Catalog>;
    if (value.format !== 'quarry-library') return { kind: 'bad', reason: 'not a Quarry library file' };
    if (value.version !== CATALOG_VERSION && value.version !== 1) {
      return { kind: 'bad', reason: `format version ${value.version}` };
    }
    if (!Array.isArray(value.folders) || typeof value.shards !== 'object') {
      return { kind: 'bad', reason: 'fields missing' };
    }
    // Version 1 also listed every file; its shards are of an older format and get rebuilt from the files.
    if (value.version === 1) {
      const { files: _files, ...rest } = value as Partial<Catalog> & { files?: unknown };
      return { kind: 'ok', catalog: { ...emptyCatalog(), ...rest, version: CATALOG_VERSION } };
    }
    return { kind: 'ok', catalog: { ...emptyCatalog(), ...value } as Catalog };
  } catch (error) {
    return { kind: 'bad', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Saves the catalog crash-safely, keeping the previous version as a backup. */
export async function saveCatalog(dataDir: string, catalog: Catalog): Promise<void> {
  const path = catalogPath(dataDir);
  await copyFile(path, `${path}.bak`).catch(() => undefined);
  await writeFileAtomic(path, JSON.stringify(catalog));
}

/**
 * Saves catalogs one after another: saves asked for while one is being
 * written wait their turn, so the file and its backup never interleave.
 */
export function catalogSaver(dataDir: string): (catalog: Catalog) => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return (catalog) => {
    // The catalog is serialised when its turn comes, so the latest state is what lands.
    const next = last.catch(() => undefined).then(() => saveCatalog(dataDir, catalog));
    last = next;
    return next;
  };
}
