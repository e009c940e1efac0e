import { readFile } from 'node:fs/promises';
import { sep } from 'node:path';
import type { SkippedFile } from '../../api';
import { contentHash } from '../ingest/read-article';
import type { FoundFile } from '../ingest/scan';
import type { Catalog } from './catalog';
import type { KnownFile, LibraryChanges } from './plan';
import type { Shard } from './shard';

/**
 * Every file the shards in service hold, by path (an article's file facts
 * come from its shard); with a scope, only the files at or under its paths.
 */
export function knownFiles(
  shards: ReadonlyMap<string, Shard>,
  touched: Record<string, number> = {},
  scope?: readonly string[],
): Map<string, KnownFile> {
  const known = new Map<string, KnownFile>();
  for (const [id, shard] of shards) {
    const d = shard.docs;
    for (let doc = 0; doc < shard.count; doc++) {
      if (!shard.isLive(doc)) continue;
      const path = d.paths.get(doc);
      if (scope && !inScope(path, scope)) continue;
      const file = known.get(path);
      if (file) {
        file.docs.push(doc);
        file.ids.push(d.ids.get(doc));
        continue;
      }
      known.set(path, {
        path,
        folder: d.folders[d.folder[doc]!]!,
        shard: id,
        docs: [doc],
        ids: [d.ids.get(doc)],
        size: shard.sizes[doc]!,
        mtimeMs: touched[path] ?? shard.mtimes[doc]!,
      });
    }
  }
  return known;
}

/** What the scan of all folders, or of some paths, saw. */
export interface Seen {
  files: FoundFile[];
  folderErrors: Map<string, string>;
  /** For a scan of some paths: those paths. Known files elsewhere are left alone. */
  scope?: readonly string[];
}

/** True when `path` is one of the scope's paths or lies under one (compared as strings: this runs for every file). */
function inScope(path: string, scope: readonly string[]): boolean {
  for (const root of scope) {
    if (path === root) return true;
    if (path.startsWith(root) && (path[root.length] === sep || root.endsWith(sep))) return true;
  }
  return false;
}

/**
 * Compares what a scan saw with what the shards hold: new, changed (size or
 * time differ and the bytes too), removed, and renamed files (a new path
 * with the bytes of a removed one). A touched file whose bytes are the same
 * only has its time noted in the catalog; a file that failed before is tried
 * again only once it changes.
 */
export async function findChanges(
  catalog: Catalog,
  known: ReadonlyMap<string, KnownFile>,
  shards: ReadonlyMap<string, Shard>,
  seen: Seen,
): Promise<LibraryChanges & { stillFailing: SkippedFile[] }> {
  const changes: LibraryChanges & { stillFailing: SkippedFile[] } = {
    added: [],
    changed: [],
    removed: [],
    renamed: [],
    stillFailing: [],
  };
  const touched = (catalog.touched ??= {});
  const hashOfKnown = (file: KnownFile) => shards.get(file.shard)?.hash(file.docs[0]!) ?? null;
  const present = new Set<string>();
  for (const file of seen.files) {
    present.add(file.path);
    const record = known.get(file.path);
    if (!record) {
      const failed = catalog.failed[file.path];
      // A file that could not be read is tried again only once it changes.
      if (failed && failed.size === file.size && failed.mtimeMs === file.mtimeMs) {
        changes.stillFailing.push({ path: file.path, reason: failed.reason });
      } else {
        changes.added.push(file);
      }
      continue;
    }
    // A file now found under another library folder (a parent folder was added) is re-read to carry its new folder.
    if (record.folder !== file.folder) {
      changes.changed.push(file);
      continue;
    }
    if (record.size === file.size && record.mtimeMs === file.mtimeMs) continue;
    // A touched file whose bytes are the same needs no re-indexing.
    const hash = await readFile(file.path).then(contentHash, () => null);
    if (hash !== null && hash === hashOfKnown(record)) {
      touched[file.path] = file.mtimeMs;
      continue;
    }
    changes.changed.push(file);
  }
  const folders = new Set(catalog.folders);
  for (const [path, record] of known) {
    if (present.has(path)) continue;
    if (seen.scope && !inScope(path, seen.scope) && folders.has(record.folder)) continue;
    // Articles of a folder that cannot be read now (a drive unplugged) are kept until it can.
    if (folders.has(record.folder) && seen.folderErrors.has(record.folder)) continue;
    changes.removed.push(path);
  }
  if (!seen.scope)
    for (const path of Object.keys(catalog.failed)) if (!present.has(path)) delete catalog.failed[path];
  await findRenames(changes, known, hashOfKnown);
  return changes;
}

async function findRenames(
  changes: LibraryChanges,
  known: ReadonlyMap<string, KnownFile>,
  hashOfKnown: (file: KnownFile) => string | null,
): Promise<void> {
  if (changes.removed.length === 0 || changes.added.length === 0) return;
  const bySize = new Map<number, KnownFile[]>();
  for (const path of changes.removed) {
    const file = known.get(path)!;
    bySize.set(file.size, [...(bySize.get(file.size) ?? []), file]);
  }
  const stillAdded: typeof changes.added = [];
  const renamedFrom = new Set<string>();
  for (const file of changes.added) {
    const candidates = bySize.get(file.size)?.filter((each) => !renamedFrom.has(each.path));
    if (!candidates?.length) {
      stillAdded.push(file);
      continue;
    }
    const hash = await readFile(file.path).then(contentHash, () => null);
    const from = candidates.find((each) => hash !== null && hashOfKnown(each) === hash);
    if (from) {
      renamedFrom.add(from.path);
      changes.renamed.push({ from: from.path, to: file });
    } else {
      stillAdded.push(file);
    }
  }
  changes.added = stillAdded;
  changes.removed = changes.removed.filter((path) => !renamedFrom.has(path));
}
