import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import lunr from 'lunr';
import type { Article } from '../ingest/article';
import { writeFileAtomic } from '../store/atomic-file';

/** Bumped whenever the layout of shard files or the index pipeline changes. */
export const SHARD_FORMAT_VERSION = 3;

export interface FileChecksum {
  name: string;
  bytes: number;
  sha256: string;
}

/** Where one shard's files are and what they must hash to. */
export interface ShardRecord {
  id: string;
  generation: number;
  count: number;
  index: FileChecksum;
  articles: FileChecksum;
}

/** A shard file that is missing, cut short, altered, or of another format version. */
export class ShardDamagedError extends Error {
  constructor(
    readonly shard: string,
    reason: string,
  ) {
    super(`index shard ${shard} is damaged: ${reason}`);
  }
}

/** The folder shard files live in. */
export function shardsFolder(dataDir: string): string {
  return join(dataDir, 'shards');
}

/**
 * Writes a shard (its Lunr index and its articles) under new file names, so
 * the files of the generation in use are never touched; returns their record.
 */
export async function writeShard(
  folder: string,
  id: string,
  generation: number,
  articles: readonly Article[],
  index: lunr.Index,
): Promise<ShardRecord> {
  await mkdir(folder, { recursive: true });
  const stem = `${id}.g${generation}`;
  const header = JSON.stringify({
    format: 'quarry-shard-articles',
    version: SHARD_FORMAT_VERSION,
    shard: id,
  });
  const lines = [header, ...articles.map((article) => JSON.stringify(article))];
  const articleBytes = Buffer.from(lines.join('\n') + '\n');
  const indexBytes = Buffer.from(
    JSON.stringify({ format: 'quarry-shard-index', version: SHARD_FORMAT_VERSION, shard: id, lunr: index }),
  );
  const articlesFile = await writeChecked(folder, `${stem}.articles.jsonl`, articleBytes);
  const indexFile = await writeChecked(folder, `${stem}.index.json`, indexBytes);
  return { id, generation, count: articles.length, index: indexFile, articles: articlesFile };
}

async function writeChecked(folder: string, name: string, bytes: Buffer): Promise<FileChecksum> {
  await writeFileAtomic(join(folder, name), bytes);
  return { name, bytes: bytes.length, sha256: sha256(bytes) };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readChecked(folder: string, shard: string, file: FileChecksum): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(folder, file.name));
  } catch {
    throw new ShardDamagedError(shard, `${file.name} is missing`);
  }
  if (bytes.length !== file.bytes) {
    throw new ShardDamagedError(shard, `${file.name} has ${bytes.length} bytes, expected ${file.bytes}`);
  }
  if (sha256(bytes) !== file.sha256) throw new ShardDamagedError(shard, `${file.name} fails its checksum`);
  return bytes;
}

/** Reads a shard's articles, verifying the file against its record. */
export async function readShardArticles(folder: string, record: ShardRecord): Promise<Article[]> {
  const lines = (await readChecked(folder, record.id, record.articles)).toString('utf8').split('\n');
  const header = JSON.parse(lines[0] ?? '{}') as { format?: string; version?: number };
  if (header.format !== 'quarry-shard-articles' || header.version !== SHARD_FORMAT_VERSION) {
    throw new ShardDamagedError(record.id, 'articles file of another format version');
  }
  const articles: Article[] = [];
  for (let i = 1; i < lines.length; i++) if (lines[i]) articles.push(JSON.parse(lines[i]!) as Article);
  return articles;
}

/** Reads a shard's Lunr index, verifying the file against its record. */
export async function readShardIndex(folder: string, record: ShardRecord): Promise<lunr.Index> {
  const bytes = await readChecked(folder, record.id, record.index);
  const stored = JSON.parse(bytes.toString('utf8')) as { format?: string; version?: number; lunr?: object };
  if (stored.format !== 'quarry-shard-index' || stored.version !== SHARD_FORMAT_VERSION || !stored.lunr) {
    throw new ShardDamagedError(record.id, 'index file of another format version');
  }
  return lunr.Index.load(stored.lunr);
}

/** Removes a shard generation's files; missing files are fine. */
export async function removeShardFiles(folder: string, record: ShardRecord): Promise<void> {
  await rm(join(folder, record.index.name), { force: true });
  await rm(join(folder, record.articles.name), { force: true });
}
