import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderWatcher } from '../../../electron/engine/index/watcher';
import { tempDirs, writeFiles } from '../fixtures';

const tempDir = tempDirs();
const watchers: FolderWatcher[] = [];
afterEach(async () => {
  for (const watcher of watchers.splice(0)) await watcher.close();
});

/** A watcher over a library folder, and every path it has reported so far. */
async function watching(folder: string) {
  const reported = new Set<string>();
  const watcher = new FolderWatcher((paths) => paths.forEach((path) => reported.add(path)), 20);
  watchers.push(watcher);
  watcher.watch([folder]);
  await watcher.ready();
  const until = async (path: string) => {
    for (let waited = 0; waited < 5000 && !reported.has(path); waited += 20) await delay(20);
    return reported.has(path);
  };
  return { reported, until };
}

describe('FolderWatcher', () => {
  it('reports files edited, added, renamed and deleted in folders at any depth, by their paths', async () => {
    const folder = join(await tempDir(), 'library');
    await writeFiles(folder, { 'a.txt': 'A\n\na', 'world/europe/b.txt': 'B\n\nb' });
    const { until } = await watching(folder);

    await appendFile(join(folder, 'world/europe/b.txt'), 'more');
    expect(await until(join(folder, 'world/europe/b.txt'))).toBe(true);
    await writeFile(join(folder, 'world/c.txt'), 'C\n\nc');
    expect(await until(join(folder, 'world/c.txt'))).toBe(true);
    await rename(join(folder, 'world/c.txt'), join(folder, 'world/d.txt'));
    expect(await until(join(folder, 'world/d.txt'))).toBe(true);
    await rm(join(folder, 'a.txt'));
    expect(await until(join(folder, 'a.txt'))).toBe(true);
  });

  it('reports a folder copied in, whose files a pass then finds by walking it', async () => {
    const folder = join(await tempDir(), 'library');
    await mkdir(folder, { recursive: true });
    const { until } = await watching(folder);
    await writeFiles(join(folder, 'asia'), { 'e.txt': 'E\n\ne', 'japan/f.txt': 'F\n\nf' });
    expect(await until(join(folder, 'asia'))).toBe(true);
  });

  it('passes over hidden files', async () => {
    const folder = join(await tempDir(), 'library');
    await writeFiles(folder, { 'a.txt': 'A\n\na' });
    const { reported, until } = await watching(folder);
    await writeFile(join(folder, '.notes'), 'private');
    await writeFile(join(folder, 'g.txt'), 'G\n\ng');
    expect(await until(join(folder, 'g.txt'))).toBe(true);
    expect([...reported].filter((path) => path.includes('.notes'))).toEqual([]);
  });
});
