import type { FoundFile } from '../ingest/scan';
import type { Catalog } from './catalog';
import type { Shard } from './shard';
import type { FileToRead, KeptArticles, ShardJob } from './shard-job';

/**
 * A big shard holds at most this many articles, so no one file or string
 * grows without bound. Shards share most of their words, and each pays for
 * its dictionary again (when built, and in every query), so fewer, larger
 * shards cost less: as large as a worker can hold while it builds one.
 */
export const SHARD_CAPACITY = 10_000;
/** Fewer new articles than this go to the delta shard rather than to new big shards. */
export const DELTA_LIMIT = 1000;
/** The delta shard is rebuilt whole on every change, so it stays small: past this it is sealed and a new one starts. */
export const DELTA_CAPACITY = 300;
/** Sealed shards smaller than this are merged together, at least MERGE_MIN at a time, by maintenance. */
const SMALL_SHARD = 1500;
const MERGE_MIN = 4;
/** A shard is rewritten without its deleted articles once they make up this share of it, and are this many. */
const COMPACT_SHARE = 0.25;
const COMPACT_MIN = 100;

/** A file the library holds now, as its shard records it. */
export interface KnownFile {
  path: string;
  folder: string;
  shard: string;
  docs: number[];
  ids: string[];
  size: number;
  mtimeMs: number;
}

/** How the files on disk differ from what the shards hold. */
export interface LibraryChanges {
  /** Files in no shard. */
  added: FoundFile[];
  /** Files whose content changed. */
  changed: FoundFile[];
  /** Paths whose files are gone (or whose folder left the library). */
  removed: string[];
  /** Files found under a new path with the bytes of a removed one: they keep its article ids. */
  renamed: { from: string; to: FoundFile }[];
}

export interface Plan {
  jobs: ShardJob[];
  nextShard: number;
  /** New deletion lists of shards that are not rebuilt, by shard. */
  deleted: Record<string, number[]>;
  /** The delta shard after this plan (unchanged when undefined). */
  delta?: string;
}

export interface PlanInput {
  catalog: Catalog;
  known: ReadonlyMap<string, KnownFile>;
  shards: ReadonlyMap<string, Shard>;
  changes: LibraryChanges;
  shardsDir: string;
  threads: number;
  /** Also merge small shards and compact shards with many deletions. */
  maintenance: boolean;
}

function shardName(n: number): string {
  return `s${String(n).padStart(4, '0')}`;
}

/**
 * Turns changes into work, touching as little as possible: articles of
 * removed or changed files are marked deleted in their shards (no rewrite);
 * new and changed files go to the small delta shard, rebuilt whole in a
 * moment, or to new big shards split across threads when there are many;
 * maintenance merges small shards and rewrites shards that are mostly deleted.
 */
export function planShardJobs(input: PlanInput): Plan {
  const { catalog, known, shards, changes } = input;
  let nextShard = catalog.nextShard;
  const leaving = new Map<string, Set<number>>();
  const leave = (path: string) => {
    const file = known.get(path);
    if (!file) return;
    let docs = leaving.get(file.shard);
    if (!docs) leaving.set(file.shard, (docs = new Set()));
    for (const doc of file.docs) docs.add(doc);
  };
  for (const path of changes.removed) leave(path);
  for (const file of changes.changed) leave(file.path);
  for (const { from } of changes.renamed) leave(from);

  const ids = catalog.ids ?? {};
  const incoming: FileToRead[] = [
    ...changes.added.map((file) => withId(file, ids[file.path])),
    ...changes.changed.map((file) => withId(file, known.get(file.path)?.ids[0] ?? ids[file.path])),
    ...changes.renamed.map(({ from, to }) => withId(to, known.get(from)?.ids[0])),
  ];

  const jobs: ShardJob[] = [];
  const rebuilt = new Set<string>();
  const job = (shard: string, keep: KeptArticles[], read: FileToRead[], replaces?: string[]) => {
    rebuilt.add(shard);
    const generation = (catalog.shards[shard]?.generation ?? 0) + 1;
    jobs.push({
      shardsDir: input.shardsDir,
      shard,
      generation,
      keep,
      read,
      ...(replaces ? { replaces } : {}),
    });
  };
  const kept = (id: string, without?: Set<number>): KeptArticles[] => {
    const shard = shards.get(id);
    const record = catalog.shards[id];
    if (!shard || !record) return [];
    const docs: number[] = [];
    for (let doc = 0; doc < shard.count; doc++) if (shard.isLive(doc) && !without?.has(doc)) docs.push(doc);
    const files = docs.map((doc) => ({
      path: shard.docs.paths.get(doc),
      folder: shard.docs.folders[shard.docs.folder[doc]!]!,
      id: shard.docs.ids.get(doc),
    }));
    return docs.length > 0 ? [{ from: record, docs, files }] : [];
  };
  const liveAfter = (id: string) => (shards.get(id)?.liveCount ?? 0) - (leaving.get(id)?.size ?? 0);

  let delta = catalog.delta && shards.has(catalog.delta) ? catalog.delta : undefined;
  if (incoming.length >= DELTA_LIMIT) {
    const needed = Math.max(
      Math.ceil(incoming.length / SHARD_CAPACITY),
      Math.min(input.threads, Math.ceil(incoming.length / 500)),
    );
    // As many shards for every thread, so that no thread is left building the last one alone.
    const count = needed > input.threads ? Math.ceil(needed / input.threads) * input.threads : needed;
    for (let i = 0; i < count; i++) {
      const from = Math.floor((i * incoming.length) / count);
      job(shardName(nextShard++), [], incoming.slice(from, Math.floor(((i + 1) * incoming.length) / count)));
    }
  } else if (incoming.length > 0) {
    if (delta && liveAfter(delta) + incoming.length <= DELTA_CAPACITY) {
      job(delta, kept(delta, leaving.get(delta)), incoming);
    } else {
      delta = shardName(nextShard++);
      job(delta, [], incoming);
    }
  }
  if (delta && leaving.has(delta) && !rebuilt.has(delta)) job(delta, kept(delta, leaving.get(delta)), []);

  const deleted: Record<string, number[]> = {};
  for (const [id, docs] of leaving) {
    if (rebuilt.has(id) || !shards.has(id)) continue;
    const shard = shards.get(id)!;
    const all = new Set([...shard.deleted(), ...docs]);
    if (all.size >= shard.count) job(id, [], []);
    else if (input.maintenance && mostlyDeleted(shard.count, all.size)) job(id, kept(id, docs), []);
    else deleted[id] = [...all].sort((a, b) => a - b);
  }

  if (input.maintenance) {
    for (const [id, shard] of shards) {
      if (rebuilt.has(id) || id === delta || deleted[id]) continue;
      if (mostlyDeleted(shard.count, shard.count - shard.liveCount)) job(id, kept(id), []);
    }
    const small = [...shards.entries()]
      .filter(
        ([id, shard]) => !rebuilt.has(id) && !deleted[id] && id !== delta && shard.liveCount < SMALL_SHARD,
      )
      .sort((a, b) => a[1].liveCount - b[1].liveCount);
    if (small.length >= MERGE_MIN) {
      const group: string[] = [];
      let size = 0;
      for (const [id, shard] of small) {
        if (size + shard.liveCount > SHARD_CAPACITY) break;
        group.push(id);
        size += shard.liveCount;
      }
      if (group.length >= MERGE_MIN)
        job(
          shardName(nextShard++),
          group.flatMap((id) => kept(id)),
          [],
          group,
        );
    }
  }

  // Big jobs first, so the threads finish at about the same time.
  const size = (each: ShardJob) => each.read.length + each.keep.reduce((sum, k) => sum + k.docs.length, 0);
  jobs.sort((a, b) => size(b) - size(a));
  return { jobs, nextShard, deleted, ...(delta !== catalog.delta ? { delta } : {}) };
}

/**
 * Plans a library's first build while its folders are still being scanned:
 * as soon as the scan has found enough files to fill a full shard for every
 * thread, they become jobs, so the workers start reading while the scan goes
 * on. Full shards only, a thread's worth at a time, so the threads stay as
 * evenly loaded as a plan made after the scan; what is left when the scan
 * ends is planned as usual (`planShardJobs`). Only for a library with no
 * articles yet: there is nothing to compare the files with, so every file
 * found is new.
 */
export class FirstBuildJobs {
  /** Whether a library is built for the first time: no articles, nothing remembered of any file. */
  static apply(catalog: Catalog, shardsInService: number): boolean {
    return (
      shardsInService === 0 &&
      Object.keys(catalog.shards).length === 0 &&
      Object.keys(catalog.failed).length === 0 &&
      Object.keys(catalog.ids ?? {}).length === 0
    );
  }

  private pending: FoundFile[] = [];

  constructor(
    private readonly catalog: Catalog,
    private readonly shardsDir: string,
    private readonly threads: number,
    private readonly onJobs: (jobs: ShardJob[]) => void,
    private readonly capacity = SHARD_CAPACITY,
  ) {}

  /** A file the scan found. */
  add(file: FoundFile): void {
    this.pending.push(file);
    if (this.pending.length < this.threads * this.capacity) return;
    const jobs: ShardJob[] = [];
    for (let i = 0; i < this.threads; i++) {
      jobs.push({
        shardsDir: this.shardsDir,
        shard: shardName(this.catalog.nextShard++),
        generation: 1,
        keep: [],
        read: this.pending
          .slice(i * this.capacity, (i + 1) * this.capacity)
          .map((each) => withId(each, undefined)),
      });
    }
    this.pending = [];
    this.onJobs(jobs);
  }

  /** The files found and not yet in a job, for the plan made once the scan ends. */
  get rest(): readonly FoundFile[] {
    return this.pending;
  }
}

function mostlyDeleted(count: number, deleted: number): boolean {
  return deleted >= COMPACT_MIN && deleted > count * COMPACT_SHARE;
}

function withId(file: FoundFile, id: string | undefined): FileToRead {
  return { path: file.path, folder: file.folder, ...(id ? { id } : {}) };
}
