import { createReadStream } from 'node:fs';
import { mkdir, open, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Article } from '../ingest/article';
import { describeFsError } from '../ingest/scan';
import { writeFileAtomic } from '../store/atomic-file';
import { FileSource, MemorySource } from './byte-source';
import { Shard, ShardFormatError } from './shard';
import { SHARD_FORMAT_VERSION, type ShardBytes } from './shard-builder';

export { SHARD_FORMAT_VERSION };

export interface FileChecksum {
  name: string;
  bytes: number;
  /**
   * CRC-32 of the whole file: it catches a damaged file as surely as a
   * cryptographic hash, in less than half the time, which counts at open,
   * where every index file is checked before the first query.
   */
  crc32: number;
}

/** Where one shard's files are and what they must hash to. */
export interface ShardRecord {
  id: string;
  generation: number;
  count: number;
  /** The shard file format the files were written in. */
  version?: number;
  /** The index: dictionary, postings, article columns; read whole and checked at open. */
  index: FileChecksum;
  /** Article bodies in compressed blocks, each checked when read. */
  articles: FileChecksum;
  /** Word positions for phrases, checked chunk by chunk when read. */
  positions?: FileChecksum;
  /** Articles (by number in the shard) deleted since the files were written. */
  deleted?: number[];
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

/** A shard in a format this version no longer reads: rebuilt as a damaged one is, though nothing is wrong with it. */
export class ShardOutdatedError extends ShardDamagedError {
  constructor(shard: string) {
    super(shard, 'it was written by an older version of Quarry');
    this.message = `index shard ${shard} was written by an older version of Quarry`;
  }
}

/** The folder shard files live in. */
export function shardsFolder(dataDir: string): string {
  return join(dataDir, 'shards');
}

/**
 * Writes a shard's three files under new names, so the files of the
 * generation in use are never touched; returns their record.
 */
export async function writeShard(
  folder: string,
  id: string,
  generation: number,
  count: number,
  bytes: ShardBytes,
): Promise<ShardRecord> {
  await mkdir(folder, { recursive: true });
  const stem = `${id}.g${generation}`;
  // The index goes last: its presence with the right checksum vouches for the other two.
  const articles = await writeChecked(folder, `${stem}.text`, bytes.text);
  const positions = await writeChecked(folder, `${stem}.pos`, bytes.positions);
  const index = await writeChecked(folder, `${stem}.index`, bytes.index);
  return { id, generation, count, version: SHARD_FORMAT_VERSION, index, articles, positions };
}

async function writeChecked(folder: string, name: string, bytes: Uint8Array): Promise<FileChecksum> {
  await writeFileAtomic(join(folder, name), bytes);
  return { name, bytes: bytes.length, crc32: crc32(bytes) };
}

function checkRecord(record: ShardRecord): FileChecksum {
  if (record.version !== SHARD_FORMAT_VERSION || !record.positions) {
    throw new ShardOutdatedError(record.id);
  }
  return record.positions;
}

/**
 * Reads a file whole in pieces, checking each piece as it comes: while one
 * piece is checked, the pieces of the other files being opened are read, so
 * opening every shard at once checks and reads side by side rather than
 * checking only once everything is read. A file that cannot be read whole is
 * a damaged one.
 */
async function readChecked(folder: string, shard: string, file: FileChecksum): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(join(folder, file.name), 'r');
  } catch {
    throw new ShardDamagedError(shard, `${file.name} is missing`);
  }
  try {
    const { size } = await handle.stat();
    if (size !== file.bytes)
      throw new ShardDamagedError(shard, `${file.name} has ${size} bytes, expected ${file.bytes}`);
    // Memory of its own, so that the typed views over its sections start aligned.
    const bytes = Buffer.allocUnsafeSlow(size);
    let checksum = 0;
    for (let at = 0; at < size;) {
      const { bytesRead } = await handle.read(bytes, at, Math.min(READ_PIECE, size - at), at);
      if (bytesRead === 0)
        throw new ShardDamagedError(shard, `${file.name} has ${at} bytes, expected ${size}`);
      checksum = crc32(bytes.subarray(at, at + bytesRead), checksum);
      at += bytesRead;
    }
    if (checksum !== file.crc32) throw new ShardDamagedError(shard, `${file.name} fails its checksum`);
    return bytes;
  } catch (error) {
    if (error instanceof ShardDamagedError) throw error;
    throw new ShardDamagedError(shard, `${file.name} cannot be read: ${describeFsError(error)}`);
  } finally {
    // Closing a file only read from loses nothing if it fails; what the reading found matters more.
    await handle.close().catch(() => undefined);
  }
}

/** What `readChecked` reads at a time. */
const READ_PIECE = 1024 * 1024;

async function checkSize(folder: string, shard: string, file: FileChecksum): Promise<void> {
  const info = await stat(join(folder, file.name)).catch(() => null);
  if (!info) throw new ShardDamagedError(shard, `${file.name} is missing`);
  if (info.size !== file.bytes) {
    throw new ShardDamagedError(shard, `${file.name} has ${info.size} bytes, expected ${file.bytes}`);
  }
}

/**
 * Opens a shard for searching: reads and checks its index file whole, checks
 * the sizes of its text and positions files (their contents are checked
 * block by block as they are read, and whole by `verifyShardFiles`), and
 * applies its deletions. Throws ShardDamagedError when anything is off.
 */
export async function openShard(folder: string, record: ShardRecord): Promise<Shard> {
  const positions = checkRecord(record);
  const [index] = await Promise.all([
    readChecked(folder, record.id, record.index),
    checkSize(folder, record.id, record.articles),
    checkSize(folder, record.id, positions),
  ]);
  try {
    const shard = new Shard(
      record.id,
      index,
      new FileSource(join(folder, record.articles.name), record.articles.bytes),
      new FileSource(join(folder, positions.name), positions.bytes),
    );
    if (record.deleted?.length) shard.setDeleted(record.deleted);
    return shard;
  } catch (error) {
    if (error instanceof ShardFormatError) throw new ShardDamagedError(record.id, error.message);
    throw error;
  }
}

/** Reads every file of a shard whole and checks it against its record; throws ShardDamagedError. */
export async function verifyShardFiles(folder: string, record: ShardRecord): Promise<void> {
  const positions = checkRecord(record);
  for (const file of [record.index, record.articles, positions]) {
    let checksum = 0;
    let bytes = 0;
    try {
      for await (const chunk of createReadStream(join(folder, file.name))) {
        checksum = crc32(chunk as Buffer, checksum);
        bytes += (chunk as Buffer).length;
      }
    } catch {
      throw new ShardDamagedError(record.id, `${file.name} is missing`);
    }
    if (bytes !== file.bytes)
      throw new ShardDamagedError(record.id, `${file.name} has ${bytes} bytes, expected ${file.bytes}`);
    if (checksum !== file.crc32) throw new ShardDamagedError(record.id, `${file.name} fails its checksum`);
  }
}

/**
 * Reads articles back from a shard (all those in service, or the numbered
 * ones), every file checked whole first: what a rebuild of the shard keeps.
 */
export async function readShardArticles(
  folder: string,
  record: ShardRecord,
  docs?: readonly number[],
): Promise<Article[]> {
  const positions = checkRecord(record);
  const [index, text, positionBytes] = await Promise.all([
    readChecked(folder, record.id, record.index),
    readChecked(folder, record.id, record.articles),
    readChecked(folder, record.id, positions),
  ]);
  let shard: Shard;
  try {
    shard = new Shard(record.id, index, new MemorySource(text), new MemorySource(positionBytes));
    if (record.deleted?.length) shard.setDeleted(record.deleted);
    const wanted =
      docs ?? Array.from({ length: shard.count }, (_, doc) => doc).filter((doc) => shard.isLive(doc));
    return wanted.map((doc) => shard.article(doc));
  } catch (error) {
    if (error instanceof ShardFormatError) throw new ShardDamagedError(record.id, error.message);
    throw error;
  }
}

/** Removes a shard generation's files; missing files are fine. */
export async function removeShardFiles(folder: string, record: ShardRecord): Promise<void> {
  for (const file of [record.index, record.articles, record.positions]) {
    if (file) await rm(join(folder, file.name), { force: true });
  }
}
