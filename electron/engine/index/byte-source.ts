import { closeSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/** Bytes of a shard file read on demand: from disk when serving, from memory in tests. */
export interface ByteSource {
  readonly length: number;
  /** The bytes at [offset, offset + length), the caller's to keep. */
  read(offset: number, length: number): Uint8Array;
  /** Copies the bytes at [offset, offset + length) into `into`, from its index `at`. */
  readInto(into: Uint8Array, at: number, offset: number, length: number): void;
  close?(): void;
}

/**
 * Memory used again from one use to the next, grown as needed up to `kept`
 * bytes; a larger need gets memory of its own, not kept. On first use,
 * memory costs a fault per page (several microseconds each on some
 * machines): a query reads dozens of pieces of the shard files, and memory
 * allocated afresh for each cost several times the read itself.
 */
export class ReusedMemory {
  private bytes: Uint8Array;

  constructor(
    initial: number,
    private readonly kept: number,
  ) {
    this.bytes = new Uint8Array(initial);
  }

  /** `length` bytes, valid until the next call. */
  take(length: number): Uint8Array {
    if (length > this.kept) return new Uint8Array(length);
    if (this.bytes.length < length) {
      this.bytes = new Uint8Array(Math.min(this.kept, Math.max(length, this.bytes.length * 2)));
    }
    return this.bytes.subarray(0, length);
  }
}

const brief = new ReusedMemory(64 * 1024, 1024 * 1024);

/**
 * The bytes at [offset, offset + length) of `source`, in memory that the
 * next call reuses: for bytes decoded at once and let go.
 */
export function readBriefly(source: ByteSource, offset: number, length: number): Uint8Array {
  const bytes = brief.take(length);
  source.readInto(bytes, 0, offset, length);
  return bytes;
}

/**
 * A file read piece by piece through a descriptor kept open while the shard
 * is in service (closed by `close`, reopened if read again), so a query does
 * not pay for opening files.
 */
export class FileSource implements ByteSource {
  private fd: number | null = null;

  constructor(
    readonly path: string,
    readonly length: number,
  ) {}

  read(offset: number, length: number): Uint8Array {
    const bytes = Buffer.allocUnsafe(length);
    this.readInto(bytes, 0, offset, length);
    return bytes;
  }

  readInto(into: Uint8Array, at: number, offset: number, length: number): void {
    this.fd ??= openSync(this.path, 'r');
    let done = 0;
    while (done < length) {
      const got = readSync(this.fd, into, at + done, length - done, offset + done);
      if (got === 0) throw new Error(`${this.path} ends before byte ${offset + length}`);
      done += got;
    }
  }

  /** Lets go of the file, so that it can be deleted (on Windows too). */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Bytes already in memory. */
export class MemorySource implements ByteSource {
  constructor(private readonly bytes: Uint8Array) {}

  get length(): number {
    return this.bytes.length;
  }

  read(offset: number, length: number): Uint8Array {
    if (offset + length > this.bytes.length) throw new Error('read past the end');
    return this.bytes.subarray(offset, offset + length);
  }

  readInto(into: Uint8Array, at: number, offset: number, length: number): void {
    into.set(this.read(offset, length), at);
  }
}

/** Chunk size of the positions file's checksums: small, so reading a few articles' positions checks little more. */
export const CHECKED_CHUNK = 8 * 1024;

/** CRC-32 of each chunk of `bytes`, so a lazily read file can be checked piece by piece. */
export function chunkCrcs(bytes: Uint8Array): Uint32Array {
  const crcs = new Uint32Array(Math.ceil(bytes.length / CHECKED_CHUNK));
  for (let i = 0; i < crcs.length; i++) {
    crcs[i] = crc32(bytes.subarray(i * CHECKED_CHUNK, (i + 1) * CHECKED_CHUNK));
  }
  return crcs;
}

/** Thrown by a checked source whose bytes do not match their checksums. */
export class ChecksumError extends Error {}

/**
 * A source whose every chunk is checked against its CRC-32 the first time it
 * is read; later reads of the chunk trust the first check.
 */
export class CheckedSource implements ByteSource {
  private readonly checked: Uint8Array;
  /** Where chunks are read to be checked, before the part asked for is copied out. */
  private readonly scratch = new ReusedMemory(CHECKED_CHUNK * 2, 256 * 1024);

  constructor(
    private readonly source: ByteSource,
    private readonly crcs: Uint32Array,
  ) {
    this.checked = new Uint8Array(crcs.length);
  }

  get length(): number {
    return this.source.length;
  }

  close(): void {
    this.source.close?.();
  }

  read(offset: number, length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    this.readInto(bytes, 0, offset, length);
    return bytes;
  }

  readInto(into: Uint8Array, at: number, offset: number, length: number): void {
    if (offset < 0 || offset + length > this.source.length) throw new Error('read past the end');
    if (length === 0) return;
    const first = Math.floor(offset / CHECKED_CHUNK);
    const last = Math.floor((offset + length - 1) / CHECKED_CHUNK);
    let allChecked = true;
    for (let chunk = first; chunk <= last; chunk++) if (!this.checked[chunk]) allChecked = false;
    if (allChecked) {
      this.source.readInto(into, at, offset, length);
      return;
    }
    const start = first * CHECKED_CHUNK;
    const end = Math.min(this.source.length, (last + 1) * CHECKED_CHUNK);
    const bytes = this.scratch.take(end - start);
    this.source.readInto(bytes, 0, start, end - start);
    for (let chunk = first; chunk <= last; chunk++) {
      if (this.checked[chunk]) continue;
      const from = (chunk - first) * CHECKED_CHUNK;
      if (crc32(bytes.subarray(from, from + CHECKED_CHUNK)) !== this.crcs[chunk]) {
        throw new ChecksumError(`chunk ${chunk} fails its checksum`);
      }
      this.checked[chunk] = 1;
    }
    into.set(bytes.subarray(offset - start, offset - start + length), at);
  }
}
