import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShardBuilder } from '../../../electron/engine/index/shard-builder';
import { readShardArticles } from '../../../electron/engine/index/shard-files';
import { readArticle } from '../../../electron/engine/ingest/read-article';
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

  it('reads a job of hundreds of files in batches, and writes the shard built from all of them at once', async () => {
    const root = await tempDir();
    const folder = join(root, 'many');
    await mkdir(folder);
    const read: { path: string; folder: string }[] = [];
    for (let i = 0; i < 600; i++) {
      const path = join(folder, `${String(i).padStart(3, '0')}.txt`);
      // Every hundredth file is empty: reported in its place, without shifting the articles after it.
      const text =
        i % 100 === 50 ? '' : `Report ${i}\n\n"We counted ${i} boats," said harbour master Ann Lee.\n`;
      await writeFile(path, text);
      read.push({ path, folder });
    }
    const result = await runShardJob(
      { shardsDir: join(root, 'shards'), shard: 's0001', generation: 1, keep: [], read },
      () => {},
    );
    expect(result.readArticles).toBe(594);
    expect(result.skipped.map((skip) => skip.path)).toEqual(
      [50, 150, 250, 350, 450, 550].map((i) => read[i]!.path),
    );
    const stored = await readShardArticles(join(root, 'shards'), result.record!);
    expect(stored.map((article) => article.title)).toEqual(
      read.flatMap((_, i) => (i % 100 === 50 ? [] : [`Report ${i}`])),
    );
    expect(stored[593]!.quotations).toMatchObject([{ text: '"We counted 599 boats,"', speaker: 'Ann Lee' }]);

    const whole = new ShardBuilder();
    const articles = [];
    for (const file of read) {
      const outcome = await readArticle(file.path, file.folder);
      if (outcome.ok) articles.push(...outcome.articles);
    }
    whole.add(articles);
    const expected = whole.finish();
    const written = (file: { name: string }) => readFile(join(root, 'shards', file.name));
    expect(await written(result.record!.index)).toEqual(Buffer.from(expected.index));
    expect(await written(result.record!.articles)).toEqual(Buffer.from(expected.text));
    expect(await written(result.record!.positions!)).toEqual(Buffer.from(expected.positions));
  });
});
