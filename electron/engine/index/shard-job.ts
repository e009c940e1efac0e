import type { SkippedFile } from '../../api';
import type { Article } from '../ingest/article';
import { readArticle } from '../ingest/read-article';
import { buildLunrIndex } from './lunr-index';
import { readShardArticles, ShardDamagedError, writeShard, type ShardRecord } from './shard-files';

/** A file a job is to read: where it is and which library folder it belongs to. */
export interface FileToRead {
  path: string;
  folder: string;
}

/** The work of (re)building one shard. */
export interface ShardJob {
  shardsDir: string;
  shard: string;
  generation: number;
  /** Articles carried over from the shard's current generation, unchanged. */
  keep: { from: ShardRecord; files: FileToRead[] } | null;
  /** Files new to the shard or changed since it was built. */
  read: FileToRead[];
}

/** What a job produced: the shard's new record and what happened to each file read. */
export interface ShardJobResult {
  shard: string;
  /** Null when nothing is left in the shard. */
  record: ShardRecord | null;
  /** The articles of the new generation, without their text. */
  articles: ArticleFacts[];
  /** Paths read afresh in this job (new or changed). */
  readPaths: string[];
  skipped: SkippedFile[];
  /** Set when the carried-over generation was damaged and its files were read again. */
  recovered?: string;
}

export type ArticleFacts = Pick<Article, 'id' | 'path' | 'folder' | 'hash' | 'size' | 'mtimeMs'>;

/**
 * Builds one shard: carries over the unchanged articles, reads the new and
 * changed files, builds the Lunr index, and writes a new generation of files.
 * A file that cannot be read is reported in `skipped`.
 */
export async function runShardJob(
  job: ShardJob,
  onFileDone: (path: string) => void,
): Promise<ShardJobResult> {
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  let toRead = job.read;
  let recovered: string | undefined;
  if (job.keep) {
    try {
      const wanted = new Set(job.keep.files.map((file) => file.path));
      for (const article of await readShardArticles(job.shardsDir, job.keep.from)) {
        if (wanted.has(article.path)) articles.push(article);
      }
    } catch (error) {
      if (!(error instanceof ShardDamagedError)) throw error;
      recovered = error.message;
      toRead = [...job.keep.files, ...job.read];
    }
  }
  const readPaths: string[] = [];
  for (const file of toRead) {
    const outcome = await readArticle(file.path, file.folder);
    if (outcome.ok) {
      // One file can hold several articles (records, a mailbox); what it passed over is reported too.
      articles.push(...outcome.articles);
      readPaths.push(file.path);
      for (const note of outcome.notes ?? [])
        skipped.push({ path: file.path, reason: `partly read: ${note}` });
    } else {
      skipped.push({ path: file.path, reason: outcome.reason });
    }
    onFileDone(file.path);
  }
  const record =
    articles.length === 0
      ? null
      : await writeShard(job.shardsDir, job.shard, job.generation, articles, buildLunrIndex(articles));
  return {
    shard: job.shard,
    record,
    articles: articles.map(({ id, path, folder, hash, size, mtimeMs }) => ({
      id,
      path,
      folder,
      hash,
      size,
      mtimeMs,
    })),
    readPaths,
    skipped,
    ...(recovered ? { recovered } : {}),
  };
}
