import type { SkippedFile } from '../../api';
import type { Article } from '../ingest/article';
import { readArticle, type ReadOutcome } from '../ingest/read-article';
import { Analyzer } from './analyzer';
import { ShardBuilder } from './shard-builder';
import { readShardArticles, ShardDamagedError, writeShard, type ShardRecord } from './shard-files';

/** A file a job is to read: where it is, which library folder it belongs to, and its id if it keeps one. */
export interface FileToRead {
  path: string;
  folder: string;
  /** The article id to keep (a renamed file keeps the id it had), instead of one made from its path. */
  id?: string;
}

/** Articles carried over from a shard generation, by their numbers in it. */
export interface KeptArticles {
  from: ShardRecord;
  docs: number[];
  /** Their files, read instead when the generation turns out damaged. */
  files: FileToRead[];
}

/** The work of (re)building one shard. */
export interface ShardJob {
  shardsDir: string;
  shard: string;
  generation: number;
  /** Articles carried over unchanged, from this shard's current generation or from shards merged into it. */
  keep: KeptArticles[];
  /** Files new to the shard or changed since it was built. */
  read: FileToRead[];
  /** Shards whose articles this job takes over; they go once it is saved. */
  replaces?: string[];
}

/** What a job produced: the shard's new record and what happened to each file read. */
export interface ShardJobResult {
  shard: string;
  /** Null when nothing is left in the shard. */
  record: ShardRecord | null;
  /** Paths read afresh in this job (new or changed). */
  readPaths: string[];
  /** How many articles those files held (a CSV or a mailbox holds many). */
  readArticles: number;
  skipped: SkippedFile[];
  /** Set when a carried-over generation was damaged and its files were read again. */
  recovered?: string;
  replaces?: string[];
}

const READ_AHEAD = 16;
/**
 * Files read, then indexed, at a time. A batch's texts stay in the
 * processor's caches from reading to indexing, and are garbage while still
 * young, where a whole shard's (tens of megabytes) would be read back from
 * memory at each stage and outlive several collections.
 */
const BATCH_FILES = 256;

/**
 * Reads a batch's files, up to READ_AHEAD at a time, keeping their outcomes
 * in order. A class rather than closures made per batch: V8 keeps a
 * closure's optimised code only while an instance of it lives, so lanes made
 * afresh for each batch were compiled again after every full collection.
 */
class BatchReader {
  readonly outcomes: ReadOutcome[];
  private next = 0;

  constructor(
    private readonly files: readonly FileToRead[],
    private readonly onFileDone: (path: string) => void,
  ) {
    this.outcomes = new Array<ReadOutcome>(files.length);
  }

  async read(): Promise<ReadOutcome[]> {
    const lanes: Promise<void>[] = [];
    for (let i = 0; i < Math.min(READ_AHEAD, this.files.length); i++) lanes.push(this.lane());
    await Promise.all(lanes);
    return this.outcomes;
  }

  private async lane(): Promise<void> {
    while (this.next < this.files.length) {
      const i = this.next++;
      const file = this.files[i]!;
      this.outcomes[i] = await readArticle(file.path, file.folder);
      this.onFileDone(file.path);
    }
  }
}

// One analyzer per thread: its cache of analysed words serves every shard the thread builds.
const analyzer = new Analyzer();

/**
 * Builds one shard: carries over the kept articles (from the stored text,
 * without reading their files), reads the new and changed files, indexes
 * everything and writes a new generation of files. A kept generation that
 * turns out damaged is rebuilt from the article files instead. A file that
 * cannot be read is reported in `skipped`.
 */
export async function runShardJob(
  job: ShardJob,
  onFileDone: (path: string) => void,
): Promise<ShardJobResult> {
  const builder = new ShardBuilder(analyzer);
  const skipped: SkippedFile[] = [];
  let toRead = job.read;
  let recovered: string | undefined;
  for (const kept of job.keep) {
    try {
      builder.add(await readShardArticles(job.shardsDir, kept.from, kept.docs));
    } catch (error) {
      if (!(error instanceof ShardDamagedError)) throw error;
      recovered = error.message;
      toRead = [...toRead, ...kept.files];
    }
  }
  const readPaths: string[] = [];
  const carried = builder.size;
  for (let from = 0; from < toRead.length; from += BATCH_FILES) {
    const batch = toRead.slice(from, from + BATCH_FILES);
    // Up to READ_AHEAD files are in hand at once: while a large file is read in the background, or a PDF is parsed
    // in its own worker, the thread reads the next (small files are read in one call). Results are taken in order
    // so shards come out the same.
    const outcomes = await new BatchReader(batch, onFileDone).read();
    const articles: Article[] = [];
    for (let i = 0; i < batch.length; i++) {
      const file = batch[i]!;
      const outcome = outcomes[i]!;
      if (outcome.ok) {
        // One file can hold several articles (records, a mailbox); what it passed over is reported too.
        // A renamed file keeps its id; a file of several articles keeps ids made from its records' keys.
        const [only] = outcome.articles;
        if (file.id && only && outcome.articles.length === 1) articles.push({ ...only, id: file.id });
        else articles.push(...outcome.articles);
        readPaths.push(file.path);
        for (const note of outcome.notes ?? [])
          skipped.push({ path: file.path, reason: `partly read: ${note}` });
      } else {
        skipped.push({ path: file.path, reason: outcome.reason });
      }
    }
    builder.add(articles);
  }
  const count = builder.size;
  const record =
    count > 0 ? await writeShard(job.shardsDir, job.shard, job.generation, count, builder.finish()) : null;
  return {
    shard: job.shard,
    record,
    readPaths,
    readArticles: count - carried,
    skipped,
    ...(recovered ? { recovered } : {}),
    ...(job.replaces ? { replaces: job.replaces } : {}),
  };
}
