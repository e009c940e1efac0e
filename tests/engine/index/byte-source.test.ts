import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHECKED_CHUNK,
  CheckedSource,
  ChecksumError,
  chunkCrcs,
  FileSource,
  MemorySource,
  readBriefly,
} from '../../../electron/engine/index/byte-source';
import { tempDirs } from '../fixtures';

const tempDir = tempDirs();

/** Bytes that differ from chunk to chunk and within each. */
function pattern(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7 + (i >> 13)) & 0xff;
  return bytes;
}

describe('byte sources', () => {
  it('a file source reads any range into a buffer at the place asked for', async () => {
    const bytes = pattern(20_000);
    const path = join(await tempDir(), 'file.bin');
    await writeFile(path, bytes);
    const source = new FileSource(path, bytes.length);
    const into = new Uint8Array(600).fill(9);
    source.readInto(into, 100, 12_000, 500);
    expect([...into.subarray(100, 600)]).toEqual([...bytes.subarray(12_000, 12_500)]);
    expect(into[99]).toBe(9);
    expect([...source.read(19_990, 10)]).toEqual([...bytes.subarray(19_990)]);
    source.close();
  });

  it('a file source says which file ended early', async () => {
    const path = join(await tempDir(), 'short.bin');
    await writeFile(path, pattern(100));
    const source = new FileSource(path, 200);
    expect(() => source.read(50, 100)).toThrow(/short\.bin ends before byte 150/);
    source.close();
  });

  it('a brief read gives the bytes asked for, longer than its buffer and than what it keeps too', () => {
    const bytes = pattern(3_000_000);
    const source = new MemorySource(bytes);
    expect([...readBriefly(source, 5, 20)]).toEqual([...bytes.subarray(5, 25)]);
    for (const length of [200_000, 2_000_000]) {
      const long = readBriefly(source, 1000, length);
      expect(long.length).toBe(length);
      expect(long.every((byte, i) => byte === bytes[1000 + i])).toBe(true);
    }
  });

  it('a checked source gives the bytes of any range, across chunks, read once or again', () => {
    const bytes = pattern(CHECKED_CHUNK * 5 + 123);
    const source = new CheckedSource(new MemorySource(bytes), chunkCrcs(bytes));
    const from = CHECKED_CHUNK - 10;
    const length = CHECKED_CHUNK * 2 + 20;
    for (let round = 0; round < 2; round++) {
      expect([...source.read(from, length)]).toEqual([...bytes.subarray(from, from + length)]);
    }
    const into = new Uint8Array(200);
    source.readInto(into, 50, bytes.length - 100, 100);
    expect([...into.subarray(50, 150)]).toEqual([...bytes.subarray(bytes.length - 100)]);
    expect(source.read(7, 0).length).toBe(0);
  });

  it('a checked source reads a range larger than the memory it keeps for checking', () => {
    const bytes = pattern(CHECKED_CHUNK * 40);
    const source = new CheckedSource(new MemorySource(bytes), chunkCrcs(bytes));
    const read = source.read(3, bytes.length - 6);
    expect(read.every((byte, i) => byte === bytes[3 + i])).toBe(true);
  });

  it('a checked source refuses a read past its end, whether the last chunk is checked yet or not', () => {
    const bytes = pattern(CHECKED_CHUNK + 100);
    const source = new CheckedSource(new MemorySource(bytes), chunkCrcs(bytes));
    const into = new Uint8Array(200);
    expect(() => source.readInto(into, 0, bytes.length - 50, 200)).toThrow('read past the end');
    source.read(bytes.length - 50, 50);
    expect(() => source.readInto(into, 0, bytes.length - 50, 200)).toThrow('read past the end');
  });

  it('a checked source refuses a damaged chunk, and still serves the sound ones', () => {
    const bytes = pattern(CHECKED_CHUNK * 3);
    const crcs = chunkCrcs(bytes);
    const damaged = bytes.slice();
    damaged[CHECKED_CHUNK + 5] = 0xff - bytes[CHECKED_CHUNK + 5]!;
    const source = new CheckedSource(new MemorySource(damaged), crcs);
    expect(() => source.read(CHECKED_CHUNK, 10)).toThrow(ChecksumError);
    expect(() => readBriefly(source, CHECKED_CHUNK - 4, 8)).toThrow(ChecksumError);
    expect([...source.read(0, 10)]).toEqual([...bytes.subarray(0, 10)]);
    expect([...source.read(CHECKED_CHUNK * 2, 10)]).toEqual([
      ...bytes.subarray(CHECKED_CHUNK * 2, CHECKED_CHUNK * 2 + 10),
    ]);
  });
});
