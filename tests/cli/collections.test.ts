import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/output';
import { runCli } from '../../electron/cli/run';
import { DESK, tempDirs, writeFiles } from '../engine/fixtures';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    outIsTerminal: false,
    errIsTerminal: false,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

const tempDir = tempDirs();
let root: string;
let desk: string;
let data: string[];

beforeAll(async () => {
  root = await tempDir();
  desk = join(root, 'desk');
  await writeFiles(desk, DESK);
  data = ['--data', join(root, 'data')];
  expect((await cli('index', desk, ...data)).code).toBe(0);
}, 60_000);

describe('quarry collection and quarry export', () => {
  it('creates, adds by path with body offsets, shows, exports, renames, removes and deletes', async () => {
    const created = await cli('collection', 'create', 'Sport', 'desk', ...data, '--json');
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.out) as { id: string };

    const body = 'Chelsea have sacked Adrian Mutu after he failed a drugs test.';
    const added = await cli(
      'collection',
      'add',
      'sport desk',
      '--article',
      join(desk, 'mutu.txt'),
      '--start',
      '0',
      '--end',
      String(body.indexOf(' after')),
      '--note',
      'lede, "short"',
      '--tag',
      'football',
      '--tag',
      'doping',
      ...data,
      '--json',
    );
    expect(added.code, added.err).toBe(0);
    const quote = JSON.parse(added.out) as { id: string; text: string; tags: string[] };
    expect(quote).toMatchObject({ text: 'Chelsea have sacked Adrian Mutu', tags: ['football', 'doping'] });

    const list = JSON.parse((await cli('collection', 'list', ...data, '--json')).out) as {
      collections: unknown[];
    };
    expect(list.collections).toEqual([expect.objectContaining({ id, name: 'Sport desk', quoteCount: 1 })]);

    const shown = await cli('collection', 'show', id, ...data);
    expect(shown.out).toContain('1. “Chelsea have sacked Adrian Mutu”');
    expect(shown.out).toContain('note: lede, "short"');

    const markdown = await cli('export', 'Sport desk', '--format', 'md', '--style', 'mla', ...data);
    expect(markdown.code).toBe(0);
    expect(markdown.out).toContain('> Chelsea have sacked Adrian Mutu');
    expect(markdown.out).toContain('## References');

    const out = join(root, 'sport.docx');
    const word = await cli('export', 'Sport desk', '--format', 'docx', '--out', out, ...data);
    expect(word.err).toContain(`Wrote 1 quote to ${out}`);
    const xml = await (await JSZip.loadAsync(await readFile(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Chelsea have sacked Adrian Mutu');

    expect((await cli('collection', 'rename', 'Sport desk', 'Football', ...data)).out).toBe(
      'Renamed “Sport desk” to “Football”.\n',
    );
    expect((await cli('collection', 'remove', 'Football', quote.id, ...data)).out).toContain(
      '“Football” has 0',
    );
    expect((await cli('collection', 'delete', 'Football', ...data)).code).toBe(0);
    expect((await cli('collection', 'list', ...data)).out).toBe('No collections yet.\n');
  });

  it('refuses offsets outside the article, unknown collections and formats with exit code 2', async () => {
    await cli('collection', 'create', 'Bounds', ...data);
    const outside = await cli(
      'collection',
      'add',
      'Bounds',
      '--article',
      join(desk, 'mutu.txt'),
      '--start',
      '5',
      '--end',
      '99999',
      ...data,
    );
    expect(outside.code).toBe(2);
    expect(outside.err).toMatch(/outside the article/);
    expect((await cli('export', 'Nowhere', '--format', 'md', ...data)).err).toContain(
      'no collection called "Nowhere"',
    );
    expect((await cli('export', 'Bounds', '--format', 'pdf', ...data)).code).toBe(2);
    expect((await cli('export', 'Bounds', '--format', 'docx', ...data)).err).toContain('needs --out');
  });
});
