import { stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexReport, SearchHit } from '../../electron/api';
import { QuarryService } from '../../electron/engine/service';
import { tempDirs, writeFiles } from './fixtures';
import {
  BUDGET,
  makeCsv,
  makeDocx,
  makeEml,
  makeEpub,
  makeHtml,
  makeJson,
  makeJsonl,
  makeMbox,
  makePdf,
  variant,
  type SampleArticle,
} from './ingest/samples';

const tempDir = tempDirs();
let desk: string;
let service: QuarryService;
let report: IndexReport;

const as = (title: string, date = BUDGET.date): SampleArticle => ({ ...BUDGET, title, date });
const three = (label: string) => [1, 2, 3].map((n) => ({ ...variant(BUDGET, n), title: `${label} ${n}` }));

beforeAll(async () => {
  const root = await tempDir();
  desk = join(root, 'desk');
  const pdf = await makePdf(as('Budget as a PDF', '2019-03-05'), 2);
  const docx = await makeDocx(as('Budget as a Word file'));
  const epub = makeEpub(as('Budget as a book', '2018-11-20'));
  await writeFiles(desk, {
    'page.html': makeHtml(as('Budget as a web page', '2019-03-06')),
    'page_files/script.js': 'var x = 1;',
    'report.pdf': pdf,
    'note.docx': docx,
    'book.epub': epub,
    'letter.eml': makeEml(as('Budget by e-mail')),
    'list.mbox': makeMbox(three('Mailbox message')),
    'export.csv': makeCsv(three('Spreadsheet row')),
    'export.json': makeJson(three('JSON record')),
    'export.jsonl': makeJsonl(three('JSON line')),
    'msg-0042': makeEml(as('Budget without an extension'), 'noext@ledger.example'),
    'latin.txt': Buffer.from('Caf\xe9 society\r\n\r\nThe caf\xe9 reopened \x93today\x94.\r\n', 'latin1'),
    'broken.pdf': pdf.slice(0, pdf.length >> 1),
    'broken.docx': docx.slice(0, 200),
    'broken.epub': epub.slice(0, 300),
    'broken.html': '\0\0\0\x01\x02binary\0',
    'broken.json': '{"title": "Cut short", "body": "the end of this file was lo',
    'broken.csv': 'colour,size\nred,12\n',
    'broken.eml': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0, 0, 0, 0]),
    'empty.txt': '',
    'letter.rtf': '{\\rtf1 Hello}',
  });
  await symlink(join(desk, 'loop'), join(desk, 'loop'));
  service = await QuarryService.open({ dataDir: join(root, 'data') });
  const outcome = await service.indexFolders([desk]);
  if (!outcome.ok) throw new Error(outcome.error.message);
  report = outcome.value;
}, 60_000);

afterAll(async () => {
  await service.close();
});

async function hits(query: string): Promise<SearchHit[]> {
  const result = await service.search({ query, limit: 100 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.hits;
}

describe('QuarryService over a folder of every format', () => {
  it('indexes every article of every good file', async () => {
    // 1 each: html, pdf, docx, epub, eml, no-extension, latin text; 3 each: mbox, csv, json, jsonl.
    expect(report.articles).toBe(7 + 4 * 3);
    const found = await hits('chancellor');
    expect(found).toHaveLength(6 + 4 * 3);
  });

  it('gives each article its title and date', async () => {
    const byTitle = Object.fromEntries((await hits('chancellor')).map((hit) => [hit.title, hit]));
    expect(byTitle['Budget as a web page']).toMatchObject({
      date: '2019-03-06',
      format: 'html',
      source: 'The Ledger',
    });
    expect(byTitle['Budget as a PDF']).toMatchObject({
      date: '2019-03-05',
      format: 'pdf',
      author: 'Jane Doe',
    });
    expect(byTitle['Budget as a Word file']).toMatchObject({ format: 'docx', author: 'Jane Doe' });
    expect(byTitle['Budget as a book']).toMatchObject({
      date: '2018-11-20',
      format: 'epub',
      author: 'Jane Doe',
    });
    expect(byTitle['Budget by e-mail']).toMatchObject({
      date: '2019-03-04',
      format: 'email',
      author: 'Jane Doe',
    });
    expect(byTitle['Budget without an extension']).toMatchObject({ format: 'email' });
    for (const label of ['Mailbox message', 'Spreadsheet row', 'JSON record', 'JSON line']) {
      expect(byTitle[`${label} 2`]).toMatchObject({ date: '2019-03-03' });
    }
  });

  it('reads Windows-1252 text and finds it with or without accents', async () => {
    expect((await hits('cafe')).map((hit) => hit.title)).toEqual(['Café society']);
  });

  it('lists every bad file as skipped with a reason a user understands', () => {
    const reasons = Object.fromEntries(
      report.skipped.map((file) => [file.path.slice(desk.length + 1), file.reason]),
    );
    expect(reasons).toMatchObject({
      'broken.pdf': expect.stringMatching(/PDF/) as string,
      'broken.docx': 'not a valid DOCX (corrupt zip)',
      'broken.epub': 'not a valid EPUB (corrupt zip)',
      'broken.html': 'binary data, not text',
      'broken.json': expect.stringMatching(/^not valid JSON/) as string,
      'broken.csv': expect.stringMatching(/^no known article fields \(found: colour, size;/) as string,
      'broken.eml': 'binary data, not text',
      'empty.txt': 'empty file',
      'letter.rtf': 'RTF not supported yet',
      loop: 'symbolic link loop',
    });
  });

  it('passes over the assets folder of a saved page', () => {
    expect(report.ignored.map((file) => file.path)).toContain(join(desk, 'page_files'));
  });

  it('keeps quoted reply lines of an e-mail apart from its text', async () => {
    const [hit] = await hits('title:"Budget by e-mail"');
    const view = await service.article({ id: hit!.id });
    if (!view.ok) throw new Error(view.error.message);
    const replies = view.value.blocks.filter((block) => block.kind === 'reply');
    expect(replies.map((block) => view.value.body.slice(block.start, block.end))).toEqual([
      '“Are we sure about the figures?” asked the editor.\nPlease check before Monday.',
    ]);
  });

  it('keeps the page of each PDF paragraph in its source map', async () => {
    const [hit] = await hits('title:PDF');
    const view = await service.article({ id: hit!.id });
    expect(view.ok && view.value.sourceMap?.map((span) => span.page)).toEqual([1, 1, 1, 2, 2, 2]);
  });
});

describe('QuarryService.retrySkipped', () => {
  it('reads again a skipped file that was mended without changing its size or time', async () => {
    const path = join(desk, 'broken.json');
    // Whole seconds, so that the time set back after mending is exactly the one recorded.
    await utimes(path, 1_500_000_000, 1_500_000_000);
    await service.update();
    const { size } = await stat(path);
    await writeFile(path, '{"title": "Mended", "body": "ok"}'.padEnd(size, ' '));
    await utimes(path, 1_500_000_000, 1_500_000_000);

    const again = await service.update();
    expect(again.skipped.map((file) => file.path)).toContain(path);
    await service.retrySkipped();
    await service.update();
    expect((await hits('mended')).map((hit) => hit.title)).toEqual(['Mended']);
  });
});
