import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionSummary } from '../../../electron/api';
import { QuarryService } from '../../../electron/engine/service';
import { DESK, tempDirs, writeFiles } from '../fixtures';

const tempDir = tempDirs();
let desk: string;
let service: QuarryService;

beforeEach(async () => {
  const root = await tempDir();
  desk = join(root, 'desk');
  await writeFiles(desk, DESK);
  service = await QuarryService.open({ dataDir: join(root, 'data'), threads: 1 });
  await service.indexFolders([desk]);
});

afterEach(async () => {
  await service.close();
});

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function mutuQuote(collection: CollectionSummary, words = 'failed a drugs test') {
  const article = service.findArticle(join(desk, 'mutu.txt'))!;
  const start = article.body.indexOf(words);
  return must(
    await service.saveQuote({
      collectionId: collection.id,
      articleId: article.id,
      start,
      end: start + words.length,
      note: 'lede',
      tags: ['sport', ' sport ', 'doping'],
    }),
  );
}

describe('collections in the service', () => {
  it('saves a passage with its context, hash and citation into a human-readable file', async () => {
    const chapter = must(await service.createCollection('Chapter 3: Doping'));
    const quote = await mutuQuote(chapter);
    expect(quote).toMatchObject({
      text: 'failed a drugs test',
      tags: ['sport', 'doping'],
      note: 'lede',
      speaker: null,
    });
    expect(quote.prefix.endsWith('Adrian Mutu after he ')).toBe(true);
    expect(quote.citation).toMatchObject({ title: 'Chelsea sack Mutu', path: join(desk, 'mutu.txt') });
    const text = await readFile(join(service.collections.store.folder, `${chapter.id}.json`), 'utf8');
    expect(text).toContain('\n  "name": "Chapter 3: Doping",\n');
    expect(JSON.parse(text)).toMatchObject({ format: 'quarry-collection', version: 1 });
    const view = must(await service.collection(chapter.id));
    expect(view.quotes[0]!.anchor.status).toBe('exact');
  });

  it('refuses a passage outside the article and a duplicate collection name', async () => {
    const chapter = must(await service.createCollection('Notes'));
    const article = service.findArticle(join(desk, 'mutu.txt'))!;
    const outside = await service.saveQuote({
      collectionId: chapter.id,
      articleId: article.id,
      start: 5,
      end: 10_000,
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await service.createCollection('notes')).toMatchObject({
      ok: false,
      error: { code: 'already-exists' },
    });
  });

  it('renames, deletes to the trash and restores', async () => {
    const chapter = must(await service.createCollection('Draft'));
    await mutuQuote(chapter);
    must(await service.renameCollection(chapter.id, 'Final'));
    must(await service.deleteCollection(chapter.id));
    expect((await service.listCollections()).collections).toEqual([]);
    const restored = must(await service.restoreCollection(chapter.id));
    expect(restored).toMatchObject({ name: 'Final', quoteCount: 1 });
  });

  it('reorders, edits, moves and copies quotes between collections', async () => {
    const one = must(await service.createCollection('One'));
    const two = must(await service.createCollection('Two'));
    const a = await mutuQuote(one, 'Chelsea have sacked');
    const b = await mutuQuote(one, 'wrote off');
    must(await service.reorderQuotes(one.id, [b.id, a.id]));
    expect(must(await service.collection(one.id)).quotes.map((q) => q.id)).toEqual([b.id, a.id]);
    expect(await service.reorderQuotes(one.id, [b.id])).toMatchObject({ ok: false });
    must(
      await service.editQuote({
        collectionId: one.id,
        quoteId: a.id,
        note: 'key',
        tags: ['x'],
        speaker: 'The club',
      }),
    );
    must(await service.transferQuotes({ from: one.id, to: two.id, quoteIds: [a.id], mode: 'copy' }));
    must(await service.transferQuotes({ from: one.id, to: two.id, quoteIds: [b.id], mode: 'move' }));
    const first = must(await service.collection(one.id));
    const second = must(await service.collection(two.id));
    expect(first.quotes.map((q) => q.text)).toEqual(['Chelsea have sacked']);
    expect(second.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['Chelsea have sacked', 'The club'],
      ['wrote off', null],
    ]);
    expect(second.quotes[0]!.id).not.toBe(a.id);
  });

  it('re-anchors after the article is edited and keeps quotes of a renamed file', async () => {
    const chapter = must(await service.createCollection('Edits'));
    const quote = await mutuQuote(chapter);
    await writeFile(join(desk, 'hamlet-moved.txt'), DESK['hamlet.txt']!);
    const hamlet = service.findArticle(join(desk, 'hamlet.txt'))!;
    const to = hamlet.body.indexOf('was delivered');
    const saved = must(
      await service.saveQuote({
        collectionId: chapter.id,
        articleId: hamlet.id,
        start: to,
        end: to + 'was delivered'.length,
      }),
    );
    await rename(join(desk, 'hamlet-moved.txt'), join(desk, 'hamlet-renamed.txt'));
    await rename(join(desk, 'hamlet.txt'), join(desk, 'gone.md.bak'));
    await writeFile(
      join(desk, 'mutu.txt'),
      DESK['mutu.txt']!.replace('failed a drugs test', 'failed a drug test'),
    );
    await service.update();
    const view = must(await service.collection(chapter.id));
    const byId = new Map(view.quotes.map((q) => [q.id, q]));
    expect(byId.get(quote.id)!.anchor).toMatchObject({ status: 'fuzzy', currentText: 'failed a drug test' });
    expect(byId.get(quote.id)!.text).toBe('failed a drugs test');
    expect(byId.get(saved.id)!.anchor.status).toBe('moved');
    expect(byId.get(saved.id)!.anchor.message).toContain('hamlet-renamed.txt');
    const exported = must(await service.exportCollection({ collectionId: chapter.id, format: 'md' }));
    expect(exported.drift).toHaveLength(1);
    expect(exported.content).toContain('Verbatim check: the source now differs');
  });

  it('reports a hand-broken collection file with its line and column and leaves it untouched', async () => {
    const chapter = must(await service.createCollection('Broken'));
    await mutuQuote(chapter);
    const path = join(service.collections.store.folder, `${chapter.id}.json`);
    const broken = (await readFile(path, 'utf8')).replace('"note": "lede",', '"note": "lede"');
    await writeFile(path, broken);
    const list = await service.listCollections();
    expect(list.collections).toEqual([]);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]).toMatchObject({ file: path });
    const lines = broken.split('\n');
    const line = lines.findIndex((text) => text.includes('"note": "lede"')) + 2;
    expect(list.problems[0]!.line).toBe(line);
    expect(list.problems[0]!.message).toMatch(/not valid JSON/);
    expect(await service.collection(chapter.id)).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(await service.editQuote({ collectionId: chapter.id, quoteId: 'x', note: 'y' })).toMatchObject({
      ok: false,
    });
    expect(await readFile(path, 'utf8')).toBe(broken);
  });

  it('reports a field of the wrong kind where it stands', async () => {
    const chapter = must(await service.createCollection('Typed'));
    await mutuQuote(chapter);
    const path = join(service.collections.store.folder, `${chapter.id}.json`);
    const text = (await readFile(path, 'utf8')).replace(/"start": \d+/, '"start": "soon"');
    await writeFile(path, text);
    const [problem] = (await service.listCollections()).problems;
    expect(problem!.message).toContain('quotes.0.start');
    const line = text.split('\n').findIndex((each) => each.includes('"start": "soon"')) + 1;
    expect(problem!.line).toBe(line);
  });

  it('imports its own JSON export back and Web Annotations from another tool', async () => {
    const chapter = must(await service.createCollection('Round trip'));
    const quote = await mutuQuote(chapter);
    const exported = must(await service.exportCollection({ collectionId: chapter.id, format: 'json' }));
    const back = must(await service.importCollection({ text: exported.content }));
    expect(back).toMatchObject({ imported: 1, skipped: [], collection: { name: 'Round trip (2)' } });
    const view = must(await service.collection(back.collection.id));
    expect(view.quotes[0]).toMatchObject({
      text: quote.text,
      note: 'lede',
      tags: ['sport', 'doping'],
      start: quote.start,
    });

    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          type: 'Annotation',
          body: [
            { type: 'TextualBody', value: 'from another tool' },
            { type: 'TextualBody', purpose: 'tagging', value: 'hamlet' },
          ],
          target: {
            source: 'https://example.org/hamlet',
            selector: { type: 'TextQuoteSelector', exact: 'delivered with care' },
          },
        },
        {
          type: 'Annotation',
          target: {
            source: 'https://example.org/x',
            selector: { type: 'TextQuoteSelector', exact: 'not in any article' },
          },
        },
      ],
    };
    const imported = must(await service.importCollection({ text: JSON.stringify(foreign), name: 'Foreign' }));
    expect(imported.imported).toBe(1);
    expect(imported.skipped).toEqual([{ index: 1, reason: expect.stringContaining('no article') as string }]);
    const foreignView = must(await service.collection(imported.collection.id));
    expect(foreignView.quotes[0]).toMatchObject({
      text: 'delivered with care',
      note: 'from another tool',
      tags: ['hamlet'],
    });
    expect(foreignView.quotes[0]!.anchor.status).toBe('exact');
  });

  it('copies one quote with its citation', async () => {
    const chapter = must(await service.createCollection('Cite'));
    const article = service.findArticle(join(desk, 'budget.md'))!;
    const words = 'The chancellor set out the budget.';
    const start = article.body.indexOf(words);
    const quote = must(
      await service.saveQuote({
        collectionId: chapter.id,
        articleId: article.id,
        start,
        end: start + words.length,
        speaker: 'Jane Doe',
      }),
    );
    expect(must(await service.citeQuote({ collectionId: chapter.id, quoteId: quote.id, style: 'apa' }))).toBe(
      '“The chancellor set out the budget.” — Jane Doe (Doe, 2019)\n\nDoe, J. (2019, March 4). Budget day. The Ledger.',
    );
  });
});
