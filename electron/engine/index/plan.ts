import type { FoundFile } from '../ingest/scan';
import type { Catalog } from './catalog';
import type { FileToRead, ShardJob } from './shard-job';
import type { ShardRecord } from './shard-files';

/** A shard holds at most this many articles, so no one file or string grows without bound. */
export const SHARD_CAPACITY = 4000;
/** Below this many new articles, they join an existing shard rather than open new ones. */
const SMALL_ADDITION = 200;

/** How the files on disk differ from what the catalog holds. */
export interface LibraryChanges {
  /** Files not in the catalog. */
  added: FoundFile[];
  /** Catalogued files whose content changed. */
  changed: FoundFile[];
  /** Catalogued paths whose files are gone (or whose folder left the library). */
  removed: string[];
  /** Shards whose files are damaged: every article in them is read again. */
  damaged: Set<string>;
}

/**
 * Turns changes into shard jobs: each touched shard is rebuilt from its
 * unchanged articles plus the files to read; new files fill new shards (split
 * across `threads` when there are many) or join the smallest shard.
 */
export function planShardJobs(
  catalog: Catalog,
  changes: LibraryChanges,
  shardsDir: string,
  threads: number,
): { jobs: ShardJob[]; nextShard: number } {
  const touched = new Map<string, { keep: FileToRead[]; read: FileToRead[] }>();
  const touch = (shard: string) => {
    let entry = touched.get(shard);
    if (!entry) touched.set(shard, (entry = { keep: [], read: [] }));
    return entry;
  };
  const leaving = new Set([...changes.removed, ...changes.changed.map((file) => file.path)]);
  for (const path of changes.removed) touch(catalog.files[path]!.shard);
  for (const file of changes.changed) touch(catalog.files[file.path]!.shard).read.push(toRead(file));
  for (const shard of changes.damaged) touch(shard);

  let nextShard = catalog.nextShard;
  const added = changes.added.map(toRead);
  if (added.length > 0) {
    const sizes = shardSizes(catalog);
    const smallest = [...sizes.entries()].sort((a, b) => a[1] - b[1])[0];
    if (added.length < SMALL_ADDITION && smallest && smallest[1] + added.length <= SHARD_CAPACITY) {
      touch(smallest[0]).read.push(...added);
    } else {
      const wanted = Math.max(
        Math.ceil(added.length / SHARD_CAPACITY),
        Math.min(threads, Math.ceil(added.length / 500)),
      );
      const per = Math.ceil(added.length / wanted);
      for (let i = 0; i < added.length; i += per) {
        touch(shardName(nextShard++)).read.push(...added.slice(i, i + per));
      }
    }
  }

  for (const [path, record] of Object.entries(catalog.files)) {
    const entry = touched.get(record.shard);
    if (!entry || leaving.has(path)) continue;
    const file = { path, folder: record.folder };
    if (changes.damaged.has(record.shard)) entry.read.push(file);
    else entry.keep.push(file);
  }

  const jobs: ShardJob[] = [];
  for (const [shard, { keep, read }] of touched) {
    const current: ShardRecord | undefined = catalog.shards[shard];
    jobs.push({
      shardsDir,
      shard,
      generation: (current?.generation ?? 0) + 1,
      keep: current && keep.length > 0 && !changes.damaged.has(shard) ? { from: current, files: keep } : null,
      read,
    });
  }
  // Big jobs first, so both threads finish at about the same time.
  jobs.sort(
    (a, b) => b.read.length + (b.keep?.files.length ?? 0) - (a.read.length + (a.keep?.files.length ?? 0)),
  );
  return { jobs, nextShard };
}

function toRead(file: FoundFile): FileToRead {
  return { path: file.path, folder: file.folder };
}

function shardSizes(catalog: Catalog): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const record of Object.values(catalog.shards)) sizes.set(record.id, record.count);
  return sizes;
}

function shardName(n: number): string {
  return `s${String(n).padStart(4, '0')}`;
}
