import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShardArticles } from '../../../electron/engine/index/shard-files';
import { runShardJob } from '../../../electron/engine/index/shard-job';
import { DESK, tempDirs, writeFiles } from '../fixtures';

const tempDir = tempDirs();

async function desk(): Promise<{ folder: string; shardsDir: string }> {
  const root = await tempDir();
  const folder = join(root, 'desk');
  await writeFiles(folder, DESK);
  return { folder, shardsDir: join(root, 'shards') };
}

describe('runShardJob', () => {
  it('reads the files, writes a shard of the readable ones and reports the others', async () => {
    const { folder, shardsDir } = await desk();
    const read = ['mutu.txt', 'budget.md', 'empty.txt'].map((name) => ({ path: join(folder, name), folder }));
    const done: string[] = [];
    const result = await runShardJob({ shardsDir, shard: 's0001', generation: 1, keep: [], read }, (path) =>
      done.push(path),
    );
    // Files are read several at a time, so they may finish in any order; each is reported once.
    expect([...done].sort()).toEqual(read.map((file) => file.path).sort());
    expect(result.readPaths).toEqual([join(folder, 'mutu.txt'), join(folder, 'budget.md')]);
    expect(result.readArticles).toBe(2);
    expect(result.skipped).toEqual([{ path: join(folder, 'empty.txt'), reason: 'empty file' }]);
    expect(result.record).toMatchObject({ id: 's0001', generation: 1, count: 2 });
    const stored = await readShardArticles(shardsDir, result.record!);
    expect(stored.map((article) => article.title).sort()).toEqual(['Budget day', 'Chelsea sack Mutu']);
  });

  it('carries unchanged articles over from the previous generation without reading their files', async () => {
    const { folder, shardsDir } = await desk();
    const mutu = { path: join(folder, 'mutu.txt'), folder };
    const hamlet = { path: join(folder, 'hamlet.txt'), folder };
    const first = await runShardJob(
      { shardsDir, shard: 's0001', generation: 1, keep: [], read: [mutu, hamlet] },
      () => {},
    );
    await writeFile(mutu.path, 'Changed on disk\n\nBut carried over from the shard.\n');
    const second = await runShardJob(
      {
        shardsDir,
        shard: 's0001',
        generation: 2,
        keep: [{ from: first.record!, docs: [0], files: [mutu] }],
        read: [],
      },
      () => {},
    );
    expect(second.readPaths).toEqual([]);
    const stored = await readShardArticles(shardsDir, second.record!);
    expect(stored.map((article) => article.title)).toEqual(['Chelsea sack Mutu']);
  });

  it('reads the carried-over files again when the previous generation is damaged, and says so', async () => {
    const { folder, shardsDir } = await desk();
    const mutu = { path: join(folder, 'mutu.txt'), folder };
    const first = await runShardJob(
      { shardsDir, shard: 's0001', generation: 1, keep: [], read: [mutu] },
      () => {},
    );
    await writeFile(join(shardsDir, first.record!.articles.name), 'damaged');
    const second = await runShardJob(
      {
        shardsDir,
        shard: 's0001',
        generation: 2,
        keep: [{ from: first.record!, docs: [0], files: [mutu] }],
        read: [],
      },
      () => {},
    );
    expect(second.recovered).toMatch(/damaged/);
    expect(second.readPaths).toEqual([mutu.path]);
    expect(second.record?.count).toBe(1);
  });

  it('leaves no shard when nothing readable is left', async () => {
    const { folder, shardsDir } = await desk();
    const result = await runShardJob(
      {
        shardsDir,
        shard: 's0001',
        generation: 1,
        keep: [],
        read: [{ path: join(folder, 'empty.txt'), folder }],
      },
      () => {},
    );
    expect(result.record).toBeNull();
    expect(result.readArticles).toBe(0);
  });
});
