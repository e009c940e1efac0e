import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadAhead, warmFile } from '../../../electron/engine/ingest/read-ahead';
import { tempDirs } from '../fixtures';

const tempDir = tempDirs();
const onLinux = process.platform === 'linux';

/** Every file `plan` gives until it has none to give. */
function drain(plan: ReadAhead): string[] {
  const out: string[] = [];
  for (let path = plan.next(); path !== undefined; path = plan.next()) out.push(path);
  return out;
}

describe('ReadAhead', () => {
  it('gives the files of a list in order, then nothing', () => {
    const plan = new ReadAhead();
    plan.follow(1, ['a', 'b', 'c']);
    expect(drain(plan)).toEqual(['a', 'b', 'c']);
    expect(plan.next()).toBeUndefined();
  });

  it('takes the lists of several readers in turn', () => {
    const plan = new ReadAhead();
    plan.follow(1, ['a1', 'a2', 'a3']);
    plan.follow(2, ['b1', 'b2']);
    expect(drain(plan)).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
  });

  it('stays at most `lead` files ahead of a list’s reader, and goes on as the reader catches up', () => {
    const plan = new ReadAhead(2);
    plan.follow(1, ['a', 'b', 'c', 'd', 'e']);
    expect(drain(plan)).toEqual(['a', 'b']);
    plan.read(1, 1);
    expect(drain(plan)).toEqual(['c']);
    plan.read(1, 2);
    expect(drain(plan)).toEqual(['d', 'e']);
  });

  it('skips the files its reader has got to already', () => {
    const plan = new ReadAhead();
    plan.follow(1, ['a', 'b', 'c', 'd']);
    expect(plan.next()).toBe('a');
    plan.read(1, 3);
    expect(drain(plan)).toEqual(['d']);
  });

  it('leaves the turn to another list while one is far enough ahead', () => {
    const plan = new ReadAhead(1);
    plan.follow(1, ['a1', 'a2']);
    plan.follow(2, ['b1', 'b2']);
    expect(drain(plan)).toEqual(['a1', 'b1']);
    plan.read(2, 1);
    expect(drain(plan)).toEqual(['b2']);
  });

  it('drops a list its reader is done with, and every list when stopped', () => {
    const plan = new ReadAhead();
    plan.follow(1, ['a1', 'a2']);
    plan.follow(2, ['b1', 'b2']);
    plan.follow(3, ['c1']);
    plan.drop(1);
    expect(plan.next()).toBe('b1');
    plan.stop();
    expect(plan.next()).toBeUndefined();
    plan.read(2, 1);
    expect(plan.next()).toBeUndefined();
  });

  it('starts a list again when its reader follows a new one under the same number', () => {
    const plan = new ReadAhead();
    plan.follow(1, ['a1', 'a2']);
    expect(plan.next()).toBe('a1');
    plan.follow(1, ['z1']);
    expect(drain(plan)).toEqual(['z1']);
  });
});

/** Bytes this thread has read through system calls so far (Linux keeps the count). */
function bytesReadByThisThread(): number {
  const io = readFileSync('/proc/thread-self/io', 'utf8');
  return Number(/^rchar: (\d+)$/m.exec(io)![1]);
}

describe('warmFile', () => {
  it('reads a file and says so; gives false for one that is missing or a folder', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'a.txt'), 'An article.');
    await mkdir(join(root, 'folder'));
    expect(warmFile(join(root, 'a.txt'))).toBe(true);
    expect(warmFile(join(root, 'gone.txt'))).toBe(false);
    expect(warmFile(join(root, 'folder'))).toBe(false);
  });

  it.runIf(onLinux)('reads the first 64 KB of a file, not the rest', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'long.txt'), 'x'.repeat(300_000));
    const before = bytesReadByThisThread();
    warmFile(join(root, 'long.txt'));
    // The count also holds what the first look at it read (under a kilobyte).
    const read = bytesReadByThisThread() - before;
    expect(read).toBeGreaterThanOrEqual(65_536);
    expect(read).toBeLessThan(65_536 + 4096);
  });

  it.runIf(onLinux)('closes every file it opens, read or not', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'a.txt'), 'An article.');
    await mkdir(join(root, 'folder'));
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 100; i++) {
      warmFile(join(root, 'a.txt'));
      warmFile(join(root, 'folder'));
    }
    expect(open()).toBe(before);
  });

  it.runIf(process.platform !== 'win32')(
    'passes over a named pipe without waiting for a writer',
    async () => {
      const root = await tempDir();
      const pipe = join(root, 'pipe.txt');
      execFileSync('mkfifo', [pipe]);
      expect(warmFile(pipe)).toBe(false);
    },
  );
});
