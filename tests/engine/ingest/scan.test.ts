import { statSync } from 'node:fs';
import { chmod, mkdir, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  describeFsError,
  formatOf,
  scanFolders,
  scanPaths,
  type ScanResult,
} from '../../../electron/engine/ingest/scan';
import { tempDirs, writeFiles } from '../fixtures';

// Both ways of asking for a file's size and time are watched (and one can be slowed, as a network share is).
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, statSync: vi.fn(fs.statSync) };
});
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return { ...fs, stat: vi.fn(fs.stat) };
});

const tempDir = tempDirs();
let root: string;
let scan: ScanResult;

const relative = (entries: { path: string }[]) => entries.map((entry) => entry.path.slice(root.length + 1));
const reasonOf = (entries: { path: string; reason: string }[], name: string) =>
  entries.find((entry) => entry.path === join(root, name))?.reason;

beforeAll(async () => {
  root = await tempDir();
  await writeFiles(root, {
    'a.txt': 'A\n\nalpha',
    'B.TXT': 'B\n\nbravo',
    'c.Md': '# C\n\ncharlie',
    'd.markdown': '# D\n\ndelta',
    'E.MARKDOWN': '# E\n\necho',
    'sheet.xlsx': 'PK',
    'photo.JPG': 'jpeg',
    Makefile: 'all:',
    'README.md': 'about',
    LICENSE: 'licence',
    'ORIGINAL-README.TXT': 'notes',
    '.hidden.txt': 'secret',
    '.git/config': '[core]',
    'sub/f.txt': 'F\n\nfoxtrot',
  });
  // A link back up to the folder being scanned: a loop a naive walk never leaves.
  await symlink(root, join(root, 'sub', 'loop'));
  await symlink(join(root, 'sub', 'self'), join(root, 'sub', 'self'));
  scan = await scanFolders([root]);
}, 10_000);

describe('scanFolders', () => {
  it('finds .txt, .md and .markdown files in any case, in sub-folders too', () => {
    expect(relative(scan.files).sort()).toEqual([
      'B.TXT',
      'E.MARKDOWN',
      'a.txt',
      'c.Md',
      'd.markdown',
      'sub/f.txt',
    ]);
    expect(
      Object.fromEntries(scan.files.map((file) => [file.path.slice(root.length + 1), file.format])),
    ).toEqual({
      'a.txt': 'txt',
      'B.TXT': 'txt',
      'c.Md': 'md',
      'd.markdown': 'md',
      'E.MARKDOWN': 'md',
      'sub/f.txt': 'txt',
    });
  });

  it('records the size, time and library folder of each file found', () => {
    const file = scan.files.find((found) => found.path === join(root, 'a.txt'));
    expect(file).toMatchObject({ folder: root, size: 8 });
    expect(file!.mtimeMs).toBeGreaterThan(0);
  });

  it('lists other file types as skipped with a reason naming the extension', () => {
    expect(reasonOf(scan.skipped, 'sheet.xlsx')).toMatch(/\(\.xlsx\)/);
    expect(reasonOf(scan.skipped, 'photo.JPG')).toMatch(/\(\.jpg\)/);
    expect(reasonOf(scan.skipped, 'Makefile')).toMatch(/no file extension/);
  });

  it('passes over README and LICENSE files as folder notes', () => {
    for (const name of ['README.md', 'LICENSE', 'ORIGINAL-README.TXT']) {
      expect(reasonOf(scan.ignored, name)).toMatch(/folder notes/);
    }
  });

  it('ignores hidden files and folders without looking inside', () => {
    expect(reasonOf(scan.ignored, '.hidden.txt')).toBe('hidden file');
    expect(reasonOf(scan.ignored, '.git')).toBe('hidden folder');
    const everything = [...scan.files, ...scan.skipped, ...scan.ignored].map((entry) => entry.path);
    expect(everything).not.toContain(join(root, '.git', 'config'));
  });

  it('does not follow a link back to a folder already scanned', () => {
    expect(reasonOf(scan.ignored, 'sub/loop')).toBe('link to a folder already scanned');
    expect(scan.files.filter((file) => file.path.endsWith('a.txt'))).toHaveLength(1);
  });

  it('reports a link to itself as a loop', () => {
    expect(reasonOf(scan.skipped, 'sub/self')).toBe('symbolic link loop');
  });

  it('reports a missing folder in folderErrors and goes on with the others', async () => {
    const other = await tempDir();
    await writeFile(join(other, 'g.txt'), 'G\n\ngolf');
    const missing = join(root, 'not-here');
    const result = await scanFolders([missing, other]);
    expect(result.folderErrors.get(missing)).toBe('not found (moved or deleted?)');
    expect(result.folderErrors.size).toBe(1);
    expect(result.files.map((file) => file.path)).toEqual([join(other, 'g.txt')]);
  });

  it('reports a file given as a folder', async () => {
    const result = await scanFolders([join(root, 'a.txt')]);
    expect(result.folderErrors.get(join(root, 'a.txt'))).toBe('not a folder');
  });

  it('reports an unreadable sub-folder as skipped and an unreadable library folder in folderErrors', async (context) => {
    const parent = await tempDir();
    const locked = join(parent, 'locked');
    await mkdir(locked);
    await writeFile(join(locked, 'inside.txt'), 'Inside\n\ntext');
    await writeFile(join(parent, 'open.txt'), 'Open\n\ntext');
    await chmod(locked, 0o000);
    try {
      const stillReadable = await readdir(locked).then(
        () => true,
        () => false,
      );
      if (stillReadable) context.skip('chmod 000 does not stop this user (root) reading the folder');
      const result = await scanFolders([parent]);
      expect(result.skipped).toContainEqual({ path: locked, reason: 'permission denied' });
      expect(result.files.map((file) => file.path)).toEqual([join(parent, 'open.txt')]);
      const direct = await scanFolders([locked]);
      expect(direct.folderErrors.get(locked)).toBe('permission denied');
    } finally {
      await chmod(locked, 0o700);
    }
  });

  it('reports its progress as it finds files, and each article file as soon as it is found', async () => {
    const counts: number[] = [];
    const articles: string[] = [];
    const result = await scanFolders([root], {
      onFile: (count) => counts.push(count),
      onArticleFile: (file) => articles.push(file.path),
    });
    expect(counts.length).toBeGreaterThanOrEqual(6);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(articles).toEqual(result.files.map((file) => file.path));
  });
});

describe('scanFolders on a slow share', () => {
  /**
   * Scans a folder of 60 files and a sub-folder whose stats take `delay(name)` ms when asked for in turn;
   * gives which files were asked for in turn, which on the thread pool, and how many of those were in flight at once.
   */
  async function scanShare(delay: (name: string) => number) {
    const share = await tempDir();
    const names = Array.from({ length: 60 }, (_, i) => `${String(i).padStart(2, '0')}.txt`);
    await writeFiles(share, {
      ...Object.fromEntries(names.map((name) => [name, `${name}\n\nbody`])),
      'inner/z.txt': 'Z\n\nzulu',
    });
    const realStatSync = vi.mocked(statSync).getMockImplementation()!;
    const realStat = vi.mocked(stat).getMockImplementation()!;
    vi.mocked(statSync).mockClear();
    vi.mocked(stat).mockClear();
    vi.mocked(statSync).mockImplementation(((path: string, options: never) => {
      const until = performance.now() + delay(basename(path));
      while (performance.now() < until);
      return realStatSync(path, options);
    }) as typeof statSync);
    let inFlight = 0;
    let mostInFlight = 0;
    vi.mocked(stat).mockImplementation((async (path: string) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        return await realStat(path);
      } finally {
        inFlight--;
      }
    }) as typeof stat);
    try {
      const found = await scanFolders([share]);
      expect(found.files.map((file) => file.path)).toEqual([
        ...names.map((name) => join(share, name)),
        join(share, 'inner', 'z.txt'),
      ]);
      expect(found.files.every((file) => file.size > 0 && file.mtimeMs > 0)).toBe(true);
      const asked = (calls: unknown[][]) =>
        calls.map(([path]) => basename(String(path))).filter((name) => name.endsWith('.txt'));
      return {
        inTurn: asked(vi.mocked(statSync).mock.calls),
        pooled: asked(vi.mocked(stat).mock.calls).sort(),
        mostInFlight,
        names,
      };
    } finally {
      vi.mocked(statSync).mockImplementation(realStatSync);
      vi.mocked(stat).mockImplementation(realStat);
    }
  }

  it('asks for the rest of the folder on the thread pool, many at once, after two files take long to answer', async () => {
    const { inTurn, pooled, mostInFlight, names } = await scanShare((name) =>
      name === '02.txt' || name === '05.txt' ? 25 : 0,
    );
    expect(inTurn).toEqual(names.slice(0, 6));
    expect(pooled).toEqual([...names.slice(6), 'z.txt'].sort());
    expect(mostInFlight).toBeGreaterThan(10);
  });

  it('does so too when every file takes a couple of milliseconds, as on a share over a network', async () => {
    const { inTurn, pooled, mostInFlight, names } = await scanShare(() => 2);
    expect(inTurn).toEqual(names.slice(0, 32));
    expect(pooled).toEqual([...names.slice(32), 'z.txt'].sort());
    expect(mostInFlight).toBeGreaterThan(10);
  });

  it('asks for every file in turn on a local disk', async () => {
    const { inTurn, pooled, names } = await scanShare(() => 0);
    expect(inTurn).toEqual([...names, 'z.txt']);
    expect(pooled).toEqual([]);
  });
});

describe('scanPaths', () => {
  it("judges the paths a watcher reports like a walk would, passing over saved pages' assets", async () => {
    const folder = await tempDir();
    await writeFiles(folder, {
      'page.html': '<html><head><title>Page</title></head><body><p>Text of the page.</p></body></html>',
      'page_files/inner.html': '<html><body><p>An advert.</p></body></html>',
      'notes.txt': 'Notes\n\nSome notes.\n',
    });
    const result = await scanPaths(
      [
        join(folder, 'page_files'),
        join(folder, 'page_files', 'inner.html'),
        join(folder, 'notes.txt'),
        join(folder, 'gone.txt'),
      ],
      [folder],
    );
    expect(result.files.map((file) => file.path)).toEqual([join(folder, 'notes.txt')]);
    expect(result.missing).toEqual([join(folder, 'gone.txt')]);
  });
});

describe('formatOf', () => {
  it('knows .txt, .md and .markdown in any case and nothing else', () => {
    expect(formatOf('/x/A.TXT')).toBe('txt');
    expect(formatOf('/x/b.Markdown')).toBe('md');
    expect(formatOf('/x/c.md')).toBe('md');
    expect(formatOf('/x/d.xlsx')).toBeNull();
    expect(formatOf('/x/txt')).toBeNull();
  });
});

describe('describeFsError', () => {
  it('turns error codes into sentences', () => {
    const error = (code: string) => Object.assign(new Error(code), { code });
    expect(describeFsError(error('EACCES'))).toBe('permission denied');
    expect(describeFsError(error('ENOENT'))).toBe('not found (moved or deleted?)');
    expect(describeFsError(new Error('odd'))).toBe('odd');
  });
});
