import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/output';
import { runCli } from '../../electron/cli/run';
import { DESK, tempDirs, writeFiles } from '../engine/fixtures';

/** Standard output and error as strings, neither a terminal. */
function fakeIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    outIsTerminal: false,
    errIsTerminal: false,
    stdout: () => out,
    stderr: () => err,
  };
}

async function cli(...argv: string[]) {
  const io = fakeIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const tempDir = tempDirs();
let desk: string;
let dataDir: string;
let indexRun: Awaited<ReturnType<typeof cli>>;

beforeAll(async () => {
  const root = await tempDir();
  desk = join(root, 'desk');
  dataDir = join(root, 'data');
  await writeFiles(desk, DESK);
  indexRun = await cli('index', desk, '--data', dataDir, '--json');
}, 60_000);

describe('runCli index', () => {
  it('prints the report as one line of JSON and exits 0', () => {
    expect(indexRun.code).toBe(0);
    expect(indexRun.out.endsWith('\n')).toBe(true);
    expect(indexRun.out.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(indexRun.out) as { skipped: { path: string; reason: string }[] };
    expect(report).toMatchObject({ articles: 3, indexed: 3, ms: expect.any(Number) as number });
    expect([...report.skipped].sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: join(desk, 'empty.txt'), reason: 'empty file' },
      { path: join(desk, 'sheet.xlsx'), reason: expect.stringContaining('.xlsx') as string },
    ]);
  });

  it('writes progress to standard error, never to standard output', () => {
    expect(indexRun.err).toMatch(/^Done: \d+ of \d+ files read$/m);
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await cli('index', desk, '--data', dataDir);
    expect(code).toBe(0);
    expect(out).toMatch(/^3 articles in the library; 0 indexed, 0 removed in [\d.]+ s\.$/m);
    expect(out).toContain(`  ${join(desk, 'sheet.xlsx')}: unsupported file type (.xlsx)`);
  });

  it('refuses a missing folder with one line and exit code 2', async () => {
    const missing = join(desk, 'nowhere');
    const { code, out, err } = await cli('index', missing, '--data', dataDir);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`quarry: no such folder: ${missing} (see quarry --help)\n`);
  });

  it('refuses a file given as a folder', async () => {
    const { code, err } = await cli('index', join(desk, 'mutu.txt'), '--data', dataDir);
    expect(code).toBe(2);
    expect(err).toMatch(/^quarry: not a folder: /);
  });
});

describe('runCli search', () => {
  it('prints hits as JSON with their snippets and highlights', async () => {
    const { code, out } = await cli('search', 'Mutu', '--data', dataDir, '--json');
    expect(code).toBe(0);
    const response = JSON.parse(out) as {
      total: number;
      hits: { snippets: { text: string; highlights: [number, number][] }[] }[];
    };
    expect(response).toMatchObject({
      total: 1,
      hits: [
        {
          id: expect.stringMatching(/^[0-9a-f]{16}$/) as string,
          path: join(desk, 'mutu.txt'),
          title: 'Chelsea sack Mutu',
          date: null,
          source: null,
          score: expect.any(Number) as number,
          snippets: [{ text: expect.any(String) as string, highlights: expect.any(Array) as unknown[] }],
        },
      ],
    });
    const [snippet] = response.hits[0]!.snippets;
    expect(snippet!.highlights.map(([start, end]) => snippet!.text.slice(start, end))).toEqual(['Mutu']);
  });

  it('narrows the hits with filters and counts the facets', async () => {
    const { code, out } = await cli(
      'search',
      'chancellor mutu',
      '--data',
      dataDir,
      '--json',
      '--source',
      'The Ledger',
    );
    expect(code).toBe(0);
    const response = JSON.parse(out) as {
      total: number;
      hits: { title: string }[];
      facets: { sources: unknown[]; formats: unknown[] };
    };
    expect(response.hits.map((hit) => hit.title)).toEqual(['Budget day']);
    expect(response.facets.sources).toEqual([{ value: 'The Ledger', count: 1 }]);
    expect(response.facets.formats).toEqual([{ value: 'md', count: 1 }]);
    const byFormat = await cli('search', 'chancellor mutu', '--data', dataDir, '--json', '--format', 'txt');
    expect((JSON.parse(byFormat.out) as { hits: { title: string }[] }).hits.map((hit) => hit.title)).toEqual([
      'Chelsea sack Mutu',
    ]);
    const dated = await cli(
      'search',
      'chancellor mutu',
      '--data',
      dataDir,
      '--json',
      '--from',
      '2019',
      '--to',
      '2019-03',
    );
    expect((JSON.parse(dated.out) as { total: number }).total).toBe(1);
  });

  it('refuses a date filter that is not a date', async () => {
    const { code, err } = await cli('search', 'mutu', '--data', dataDir, '--from', 'March');
    expect(code).toBe(2);
    expect(err).toMatch(/--from must be a date/);
  });

  it('gives dates and sources from front matter', async () => {
    const { out } = await cli('search', 'chancellor', '--data', dataDir, '--json');
    expect(JSON.parse(out)).toMatchObject({
      hits: [{ title: 'Budget day', date: '2019-03-04', source: 'The Ledger' }],
    });
  });

  it('marks highlights in bold when standard output is not a terminal', async () => {
    const { code, out } = await cli('search', 'Mutu', '--data', dataDir);
    expect(code).toBe(0);
    expect(out).toMatch(/^1 result for Mutu /);
    expect(out).toContain('1. Chelsea sack **Mutu**');
  });

  it('explains a bad query with a caret line under the bad part and exits 2', async () => {
    const { code, err } = await cli('search', 'talks', '"about', '--data', dataDir);
    expect(code).toBe(2);
    const [message, echo, carets] = err.split('\n');
    expect(message).toBe('quarry: this quotation mark is not closed');
    expect(echo).toBe('  talks "about');
    expect(carets).toBe('        ^^^^^^');
    expect(carets!.indexOf('^')).toBe(echo!.indexOf('"'));
  });

  it('refuses an option of another command', async () => {
    const { code, err } = await cli('search', 'Mutu', '--data', dataDir, '--port', '80');
    expect(code).toBe(2);
    expect(err).toBe('quarry: --port does not apply to "quarry search" (see quarry --help)\n');
  });

  it('refuses a limit that is not a whole number', async () => {
    const { code, err } = await cli('search', 'Mutu', '--data', dataDir, '--limit', 'ten');
    expect(code).toBe(2);
    expect(err).toMatch(/--limit must be a whole number, not "ten"/);
  });
});

describe('runCli', () => {
  it('refuses an unknown option with exit code 2', async () => {
    const { code, out, err } = await cli('index', desk, '--data', dataDir, '--bogus');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^quarry: .*--bogus.* \(see quarry --help\)\n$/);
  });

  it('refuses an unknown command and a missing one', async () => {
    expect(await cli('frobnicate')).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command "frobnicate"'),
    });
    expect(await cli()).toMatchObject({ code: 2, err: expect.stringContaining('a command is needed') });
  });

  it('prints the usage for --help', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage:\n {2}quarry index <folder>/);
  });
});
