import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  catalogSaver,
  emptyCatalog,
  loadCatalog,
  saveCatalog,
  type Catalog,
} from '../../../electron/engine/index/catalog';
import { tempDirs } from '../fixtures';

const tempDir = tempDirs();

function catalogWith(folder: string): Catalog {
  const catalog = emptyCatalog();
  catalog.folders.push(folder);
  catalog.shards.s0001 = {
    id: 's0001',
    generation: 3,
    count: 1,
    version: 3,
    index: { name: 's0001.g3.index', bytes: 5, crc32: 1 },
    articles: { name: 's0001.g3.text', bytes: 6, crc32: 2 },
    positions: { name: 's0001.g3.pos', bytes: 7, crc32: 3 },
    deleted: [0],
  };
  catalog.ids = { [`${folder}/b.txt`]: 'a1' };
  catalog.nextShard = 2;
  return catalog;
}

describe('loadCatalog', () => {
  it('gives an empty library, with no problem, when there is no catalog yet', async () => {
    expect(await loadCatalog(await tempDir())).toEqual({ catalog: emptyCatalog(), isNew: true });
  });

  it('reads back what saveCatalog wrote', async () => {
    const dir = await tempDir();
    await saveCatalog(dir, catalogWith('/news'));
    expect(await loadCatalog(dir)).toEqual({ catalog: catalogWith('/news'), isNew: false });
  });

  it('sets a broken catalog aside and uses the previous copy', async () => {
    const dir = await tempDir();
    await saveCatalog(dir, catalogWith('/old'));
    await saveCatalog(dir, catalogWith('/new'));
    await writeFile(join(dir, 'library.json'), '{"format":"quarry-library", "vers');
    const loaded = await loadCatalog(dir);
    expect(loaded.catalog).toEqual(catalogWith('/old'));
    expect(loaded.problem).toMatch(
      /damaged .*set aside as .*library\.json\.damaged-\d+; the previous copy is in use/,
    );
    const names = await readdir(dir);
    expect(names).not.toContain('library.json');
    const aside = names.find((name) => name.startsWith('library.json.damaged-'))!;
    expect(await readFile(join(dir, aside), 'utf8')).toBe('{"format":"quarry-library", "vers');
  });

  it('gives an empty library with a problem when the catalog is broken and there is no copy', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'library.json'), 'not json');
    const loaded = await loadCatalog(dir);
    expect(loaded.catalog).toEqual(emptyCatalog());
    expect(loaded.problem).toMatch(/the folders must be added again/);
  });

  it('carries the folders of a version 1 catalog over, without its list of files', async () => {
    const dir = await tempDir();
    const old = { ...emptyCatalog(), version: 1, folders: ['/news'], files: { '/news/a.txt': {} } };
    await writeFile(join(dir, 'library.json'), JSON.stringify(old));
    const loaded = await loadCatalog(dir);
    expect(loaded.problem).toBeUndefined();
    expect(loaded.catalog).toEqual({ ...emptyCatalog(), folders: ['/news'] });
  });

  it('treats a catalog of another format version as damaged', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'library.json'), JSON.stringify({ ...emptyCatalog(), version: 99 }));
    expect((await loadCatalog(dir)).problem).toMatch(/format version 99/);
  });
});

describe('saveCatalog', () => {
  it('keeps the previous version as library.json.bak', async () => {
    const dir = await tempDir();
    await saveCatalog(dir, catalogWith('/old'));
    await saveCatalog(dir, catalogWith('/new'));
    expect(JSON.parse(await readFile(join(dir, 'library.json.bak'), 'utf8'))).toEqual(catalogWith('/old'));
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))).toEqual(catalogWith('/new'));
  });

  it('leaves no temporary files behind', async () => {
    const dir = await tempDir();
    await saveCatalog(dir, catalogWith('/a'));
    await saveCatalog(dir, catalogWith('/b'));
    expect((await readdir(dir)).sort()).toEqual(['library.json', 'library.json.bak']);
  });
});

describe('catalogSaver', () => {
  it('writes overlapping saves one after another, the last state landing', async () => {
    const dir = await tempDir();
    const save = catalogSaver(dir);
    const catalog = catalogWith('/news');
    const saves = [];
    for (let i = 0; i < 20; i++) {
      catalog.nextShard = i;
      saves.push(save(catalog));
    }
    await Promise.all(saves);
    expect((await loadCatalog(dir)).catalog.nextShard).toBe(19);
  });
});
