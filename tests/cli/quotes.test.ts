import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Quotation, QuoteSighting } from '../../electron/api';
import { formatQuoteGroups, type CliIo } from '../../electron/cli/output';
import { runCli } from '../../electron/cli/run';
import { tempDirs, writeFiles } from '../engine/fixtures';

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
let desk: string;
const ARTICLE =
  "Harbour vote 'a generation' decision\r\n\r\nAna Ruiz chairs the board.\r\n\r\n" +
  '“This is the most important decision in a generation,” said Ana Ruiz. “We either grow,” she said, “or we shrink.”\r\n';

beforeAll(async () => {
  desk = await tempDir();
  await writeFiles(desk, {
    'vote.txt': ARTICLE,
    'budget.md': '---\ntitle: Budget\n---\n\nThe mayor, Zoë Hartwell, said:\n\n> No new taxes this year.\n',
    'plain.txt': 'Quiet day\n\nNothing was said.\n',
    'report.pdf': '%PDF-1.4',
  });
});

describe('runCli quotes', () => {
  it('prints the quotations of one file as a JSON array with offsets into its decoded text', async () => {
    const { code, out } = await cli('quotes', join(desk, 'vote.txt'), '--json');
    expect(code).toBe(0);
    const quotations = JSON.parse(out) as Quotation[];
    for (const quote of quotations) expect(ARTICLE.slice(quote.start, quote.end)).toBe(quote.text);
    expect(quotations.map((quote) => Object.keys(quote))).toContainEqual([
      'start',
      'end',
      'text',
      'kind',
      'speaker',
      'mention',
      'cue',
      'group',
    ]);
    expect(
      quotations.map((quote) => [quote.text, quote.kind, quote.speaker, quote.cue, quote.group ?? null]),
    ).toEqual([
      ["'a generation'", 'direct', 'Ana Ruiz', 'said', null],
      ['“This is the most important decision in a generation,”', 'direct', 'Ana Ruiz', 'said', null],
      ['“We either grow,”', 'direct', 'Ana Ruiz', 'said', 1],
      ['“or we shrink.”', 'direct', 'Ana Ruiz', 'said', 1],
    ]);
    expect(quotations[2]!.mention).toEqual({
      start: ARTICLE.indexOf('she said'),
      end: ARTICLE.indexOf('she said') + 3,
      text: 'she',
    });
  });

  it('reads Markdown after its front matter, and a > block as a block quotation', async () => {
    const { out } = await cli('quotes', join(desk, 'budget.md'), '--json');
    expect(JSON.parse(out)).toMatchObject([
      { kind: 'block', text: 'No new taxes this year.', speaker: 'Zoë Hartwell' },
    ]);
  });

  it('lists speaker and words, one quotation a line, without --json', async () => {
    const { code, out } = await cli('quotes', join(desk, 'vote.txt'));
    expect(code).toBe(0);
    expect(out.split('\n')).toContain('Ana Ruiz — “We either grow,” [part of 1]');
    expect((await cli('quotes', join(desk, 'budget.md'))).out).toBe(
      'Zoë Hartwell — “No new taxes this year.” (block)\n',
    );
    expect((await cli('quotes', join(desk, 'plain.txt'))).out).toBe('No quotations.\n');
    expect((await cli('quotes', join(desk, 'plain.txt'), '--json')).out).toBe('[]\n');
  });

  it('refuses a missing file, a file of another kind and a missing argument with exit code 2', async () => {
    const missing = await cli('quotes', join(desk, 'nowhere.txt'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^quarry: cannot read .*nowhere\.txt: /);
    const pdf = await cli('quotes', join(desk, 'report.pdf'));
    expect(pdf).toMatchObject({ code: 2, out: '' });
    expect(pdf.err).toContain('not a .txt or .md article (.pdf)');
    expect((await cli('quotes')).err).toBe(
      'quarry: name one article file: quarry quotes <file> (see quarry --help)\n',
    );
    expect((await cli('quotes', join(desk, 'vote.txt'), '--data', desk)).code).toBe(2);
  });
});

describe('runCli quotes --search', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(await tempDir(), 'data');
    expect((await cli('index', desk, '--data', dataDir)).code).toBe(0);
  });

  it('lists what a speaker said across the library, with where it was first said', async () => {
    const { code, out } = await cli(
      'quotes',
      '--search',
      'generation',
      '--speaker',
      'Ana Ruiz',
      '--data',
      dataDir,
    );
    expect(code).toBe(0);
    expect(out).toMatch(/^1 quotation \(1 sighting\) for generation/);
    expect(out).toContain('Ana Ruiz — “This is the most important decision in a **generation**,”');
    expect(out).toMatch(/first said in Harbour vote 'a generation' decision {2}\(undated\) {2}.*vote\.txt/);
  });

  it('prints the groups as JSON, every quotation of a speaker without words to look for', async () => {
    const { code, out } = await cli('quotes', '--speaker', 'Zoë Hartwell', '--data', dataDir, '--json');
    expect(code).toBe(0);
    const response = JSON.parse(out) as { total: number; groups: { speaker: string }[] };
    expect(response.total).toBe(1);
    expect(response.groups[0]!.speaker).toBe('Zoë Hartwell');
  });

  it('takes a speaker named in part, in any case and without accents, and says whom it stands for', async () => {
    const { code, out, err } = await cli('quotes', '--speaker', 'hartwell', '--data', dataDir, '--json');
    expect(code).toBe(0);
    expect(err).toBe('quarry: --speaker "hartwell" stands for "Zoë Hartwell"\n');
    expect((JSON.parse(out) as { groups: { speaker: string }[] }).groups.map((g) => g.speaker)).toEqual([
      'Zoë Hartwell',
    ]);
    const unaccented = await cli(
      'quotes',
      '--search',
      'generation',
      '--speaker',
      'ANA ruiz',
      '--data',
      dataDir,
    );
    expect(unaccented.out).toMatch(/^1 quotation \(1 sighting\) for generation/);
  });

  it('says nothing more for a speaker named exactly, and once for a name given twice', async () => {
    const exact = await cli('quotes', '--speaker', 'Zoë Hartwell', '--data', dataDir);
    expect(exact.err).toBe('');
    const twice = await cli('quotes', '--speaker', 'ruiz', '--speaker', 'ruiz', '--data', dataDir, '--json');
    expect(twice.err).toBe('quarry: --speaker "ruiz" stands for "Ana Ruiz"\n');
    expect((JSON.parse(twice.out) as { total: number }).total).toBe(3);
  });

  it('refuses a speaker no one quoted in the library is called', async () => {
    const { code, out, err } = await cli('quotes', '--speaker', 'Ruiz Hartwell', '--data', dataDir);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe('quarry: no one quoted in the library is called "Ruiz Hartwell"\n');
  });

  it('points at the bad part of a query, and refuses options that do not apply to one file', async () => {
    const bad = await cli('quotes', '--search', 'title:vote', '--data', dataDir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown field "title": use quote or speaker/);
    const misplaced = await cli('quotes', join(desk, 'vote.txt'), '--data', dataDir);
    expect(misplaced.code).toBe(2);
    expect(misplaced.err).toMatch(/--data applies to "quarry quotes --search"/);
  });
});

describe('formatQuoteGroups', () => {
  it('lists where words were first said and five places after, then how many more', () => {
    const quotation: Quotation = {
      start: 0,
      end: 9,
      text: '"Onwards"',
      kind: 'direct',
      speaker: 'Ana Ruiz',
      mention: null,
      cue: 'said',
    };
    const sighting = (n: number): QuoteSighting => ({
      articleId: `a${n}`,
      title: `Reprint ${n}`,
      date: `2020-01-${String(n).padStart(2, '0')}`,
      source: 'Wire',
      path: `/wire/${n}.txt`,
      format: 'txt',
      quotation,
      highlights: [],
    });
    const text = (count: number) =>
      formatQuoteGroups(
        {
          query: '',
          total: 1,
          quotations: count,
          offset: 0,
          groups: [
            { speaker: 'Ana Ruiz', sightings: Array.from({ length: count }, (_, i) => sighting(i + 1)) },
          ],
          speakers: [],
          ms: 1,
        },
        false,
      ).split('\n');
    const long = text(9);
    expect(long.filter((line) => line.startsWith('   first said in Reprint 1 '))).toHaveLength(1);
    expect(long.filter((line) => line.startsWith('   also in '))).toHaveLength(5);
    expect(long).toContain('   also in Reprint 6  (2020-01-06 · Wire)  /wire/6.txt');
    expect(long).toContain('   and in 3 more (--json lists them all)');
    expect(text(7)).toContain('   and in 1 more (--json lists them all)');
    expect(text(1007)).toContain('   and in 1,001 more (--json lists them all)');
    const short = text(6);
    expect(short.filter((line) => line.startsWith('   also in '))).toHaveLength(5);
    expect(short.some((line) => line.includes('more'))).toBe(false);
  });
});
