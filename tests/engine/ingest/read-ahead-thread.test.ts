import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadAheadThread } from '../../../electron/engine/ingest/read-ahead-thread';
import { tempDirs } from '../fixtures';

const tempDir = tempDirs();

async function articleFiles(count: number): Promise<string[]> {
  const root = await tempDir();
  const paths = Array.from({ length: count }, (_, i) => join(root, `${i}.txt`));
  await Promise.all(paths.map((path, i) => writeFile(path, `Article ${i}.`)));
  return paths;
}

describe('ReadAheadThread', () => {
  it('reads the files of a list on its own thread, passing over those it cannot read', async () => {
    const thread = new ReadAheadThread();
    const paths = await articleFiles(5);
    thread.follow([...paths, join(paths[0]!, '..', 'gone.txt')]);
    expect(await thread.nextIdle()).toEqual({ handled: 6, read: 5 });
    thread.stop();
    await thread.ended;
  });

  it('keeps a long list no further ahead than its reader allows, and goes on as it reads', async () => {
    const thread = new ReadAheadThread();
    const [path] = await articleFiles(1);
    const list = thread.follow(Array<string>(3000).fill(path!));
    expect((await thread.nextIdle())?.handled).toBe(2048);
    list.read(1000);
    expect((await thread.nextIdle())?.handled).toBe(3000);
    thread.stop();
    await thread.ended;
  });

  // Cached reads take microseconds on Linux; elsewhere an open may take longer (a virus scanner's look), and the
  // thread then reads every file.
  it.runIf(process.platform === 'linux')(
    'reads only some files while they prove to be cached already',
    async () => {
      const thread = new ReadAheadThread();
      const [path] = await articleFiles(1);
      // The one file, just written, is cached: after a run of fast reads, only one file in eight is read.
      thread.follow(Array<string>(1600).fill(path!));
      const counts = await thread.nextIdle();
      expect(counts?.handled).toBe(1600);
      expect(counts?.read).toBeGreaterThanOrEqual(200);
      expect(counts?.read).toBeLessThan(800);
      thread.stop();
      await thread.ended;
    },
  );

  it('reads nothing more of a list that is dropped, and ends when stopped', async () => {
    const thread = new ReadAheadThread();
    const [path] = await articleFiles(1);
    const list = thread.follow(Array<string>(3000).fill(path!));
    expect((await thread.nextIdle())?.handled).toBe(2048);
    list.drop();
    list.read(1000);
    const other = thread.follow([path!]);
    expect((await thread.nextIdle())?.handled).toBe(2049);
    other.drop();
    thread.stop();
    await thread.ended;
    // Once ended, it is told nothing and waits on nothing.
    thread.follow([path!]);
    expect(await thread.nextIdle()).toBeUndefined();
  });
});
