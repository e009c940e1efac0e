import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SearchResponse } from '../api';
import { readArticleText } from '../engine/ingest/read-article';
import { findQuotations } from '../engine/quotes/find-quotes';
import { defaultDataDir, LibraryInUseError, QuarryService } from '../engine/service';
import { startServer } from '../serve/server';
import { formatProgress, formatQuotations, formatReport, formatResults, type CliIo } from './output';
import { collectionCommand, exportCommand, type CollectionValues } from './collections';
import { appPaths } from './paths';
import { quoteSearchCommand } from './quote-search';
import { count, filtersOf, reportQueryError, sortOf, type SearchValues } from './search-options';
import { UsageError } from './usage';

export const USAGE = `Usage:
  quarry index <folder>... [--data DIR] [--json]   add folders and bring the index up to date
  quarry search <query> [--data DIR] [--limit N] [--offset N] [--sort relevance|date-desc|date-asc] [--json]
                [--from DATE] [--to DATE] [--source S]... [--author A]... [--folder DIR]... [--format txt|md]...
  quarry search --stdin [--data DIR] [--limit N]   one query per line, one JSON line out per query
  quarry serve [--data DIR] [--port N] [--sample]  the Quarry window in a browser, on 127.0.0.1
  quarry quotes <file> [--json]                    the quotations in one article file and who said them
  quarry quotes --search <words> [--speaker NAME]... [--kind direct|transcript|block|scare]... [--data DIR]
                [--limit N] [--offset N] [--sort ...] [--from DATE] [--to DATE] [--source S]... [--json]
                                                   quotations across the library, grouped where words recur
  quarry collection create <name> | list | show <name> | rename <name> <new name> | delete <name> [--json]
  quarry collection add <name> --article <id or path> --start N --end N [--note TEXT] [--tag T]... [--speaker S]
  quarry collection remove <name> <quote id>...  |  quarry collection import <file.json> [--name N]
  quarry export <collection> --format md|html|docx|csv|json|ris|bibtex|csl [--style apa|chicago|mla] [--out FILE]
  quarry --help

Quote offsets (--start, --end) count UTF-16 code units in the article's body text as the
reader shows it: for .txt the text after the headline, for .md the Markdown's plain text.

--data defaults to ${defaultDataDir()} (QUARRY_DATA overrides it).
Query syntax: +must -not title:word wild* fuzzy~1 term^3 "exact phrase"; speaker:name and
quote:word search who was quoted and the words inside quotations. In quotes --search, a
--speaker name may be part of one, in any case and without accents: --speaker federer finds
Roger Federer's quotations.
`;

export { UsageError };

const OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  sort: { type: 'string' },
  stdin: { type: 'boolean' },
  port: { type: 'string' },
  sample: { type: 'boolean' },
  article: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  note: { type: 'string' },
  tag: { type: 'string', multiple: true },
  // Several for a quote search (--speaker A --speaker B), one for a saved quote.
  speaker: { type: 'string', multiple: true },
  search: { type: 'string' },
  kind: { type: 'string', multiple: true },
  // Several for a search filter (--format txt --format md), one for an export.
  format: { type: 'string', multiple: true },
  style: { type: 'string' },
  out: { type: 'string' },
  name: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  source: { type: 'string', multiple: true },
  author: { type: 'string', multiple: true },
  folder: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

/** Options every command accepts besides its own. */
const COMMAND_OPTIONS: Record<string, string[]> = {
  index: ['data', 'json'],
  search: [
    'data',
    'json',
    'limit',
    'offset',
    'sort',
    'stdin',
    'from',
    'to',
    'source',
    'author',
    'folder',
    'format',
  ],
  serve: ['data', 'port', 'sample'],
  collection: ['data', 'json', 'article', 'start', 'end', 'note', 'tag', 'speaker', 'name'],
  export: ['data', 'format', 'style', 'out'],
  quotes: [
    'json',
    'data',
    'search',
    'speaker',
    'kind',
    'limit',
    'offset',
    'sort',
    'from',
    'to',
    'source',
    'author',
    'folder',
    'format',
  ],
};

/**
 * Runs the `quarry` command and resolves with its exit code: 0 done, 1 failed,
 * 2 called wrongly (bad option, missing folder, bad query). Long-running
 * commands (serve) resolve when stopped.
 */
export async function runCli(argv: readonly string[], io: CliIo, stop?: AbortSignal): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...rest] = positionals;
    if (values.help || command === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (!command)
      throw new UsageError('a command is needed: index, search, quotes, serve, collection or export');
    const allowed = COMMAND_OPTIONS[command];
    if (!allowed) throw new UsageError(`unknown command "${command}"`);
    for (const given of Object.keys(values)) {
      if (!allowed.includes(given)) throw new UsageError(`--${given} does not apply to "quarry ${command}"`);
    }
    const dataDir = values.data ?? defaultDataDir();
    if (command === 'quotes') {
      if (values.search === undefined && values.speaker === undefined) {
        const extra = Object.keys(values).find((given) => given !== 'json');
        if (extra) throw new UsageError(`--${extra} applies to "quarry quotes --search", not to one file`);
        return await quotesCommand(rest, values.json === true, io);
      }
      if (rest.length > 0) throw new UsageError('give the words to look for with --search, not as a file');
      return await quoteSearchCommand(dataDir, values, io);
    }
    if (command === 'index') return await indexCommand(rest, dataDir, values.json === true, io);
    if (command === 'search') return await searchCommand(rest, dataDir, values, io);
    if (command === 'collection' || command === 'export') {
      // The index is only read; collection files are saved one by one, atomically, beside a running window.
      const service = await QuarryService.open({ dataDir, readOnly: true });
      try {
        if ((values.format?.length ?? 0) > 1) throw new UsageError('give --format once');
        if ((values.speaker?.length ?? 0) > 1) throw new UsageError('give --speaker once');
        const given: CollectionValues = {
          ...values,
          format: values.format?.[0],
          speaker: values.speaker?.[0],
        };
        return command === 'export'
          ? await exportCommand(service, rest, given, io)
          : await collectionCommand(service, rest, given, io);
      } finally {
        await service.close();
      }
    }
    return await serveCommand(rest, dataDir, values, io, stop);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`quarry: ${(error as Error).message} (see quarry --help)\n`);
      return 2;
    }
    if (error instanceof LibraryInUseError) {
      io.err(`quarry: ${error.message} Or choose another library with --data.\n`);
      return 1;
    }
    throw error;
  }
}

async function indexCommand(folders: string[], dataDir: string, json: boolean, io: CliIo): Promise<number> {
  if (folders.length === 0) throw new UsageError('name at least one folder to index');
  for (const folder of folders) {
    const info = await stat(folder).catch(() => null);
    if (!info) throw new UsageError(`no such folder: ${folder}`);
    if (!info.isDirectory()) throw new UsageError(`not a folder: ${folder}`);
  }
  const service = await QuarryService.open({ dataDir });
  let lastLine = 0;
  service.on('progress', (progress) => {
    const now = Date.now();
    if (io.errIsTerminal) io.err(`\r\x1b[K${formatProgress(progress)}`);
    else if (now - lastLine > 2000 || progress.phase === 'done') {
      io.err(`${formatProgress(progress)}\n`);
      lastLine = now;
    }
  });
  try {
    const outcome = await service.indexFolders(folders);
    if (io.errIsTerminal) io.err('\n');
    if (!outcome.ok) throw new UsageError(outcome.error.message);
    const report = outcome.value;
    if (json) {
      io.out(
        JSON.stringify({
          articles: report.articles,
          indexed: report.indexed,
          removed: report.removed,
          skipped: report.skipped,
          ignored: report.ignored,
          ms: report.ms,
        }) + '\n',
      );
    } else {
      io.out(formatReport(report));
    }
    return 0;
  } finally {
    await service.close();
  }
}

async function searchCommand(
  words: string[],
  dataDir: string,
  values: SearchValues,
  io: CliIo,
): Promise<number> {
  const limit = count(values.limit, 'limit', 10);
  const offset = count(values.offset, 'offset', 0);
  const sort = sortOf(values.sort);
  if (values.stdin && words.length > 0)
    throw new UsageError('give queries either on the command line or with --stdin');
  if (!values.stdin && words.length === 0) throw new UsageError('a query is needed');
  const filters = filtersOf(values);
  const service = await QuarryService.open({ dataDir, readOnly: true });
  for (const problem of (await service.status()).problems ?? []) io.err(`quarry: warning: ${problem}\n`);
  try {
    const run = async (query: string) =>
      service.search({ query, limit, offset, sort, ...(filters ? { filters } : {}) });
    if (values.stdin) {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        const result = await run(line);
        io.out(
          JSON.stringify(result.ok ? jsonResults(result.value, true) : { query: line, error: result.error }) +
            '\n',
        );
      }
      return 0;
    }
    const query = words.join(' ');
    const result = await run(query);
    if (!result.ok) return reportQueryError(io, query, result.error, values.json);
    io.out(
      values.json
        ? JSON.stringify(jsonResults(result.value, false)) + '\n'
        : formatResults(result.value, io.outIsTerminal),
    );
    return 0;
  } finally {
    await service.close();
  }
}

function jsonResults(response: SearchResponse, withTime: boolean): object {
  return {
    query: response.query,
    total: response.total,
    hits: response.hits.map((hit) => ({
      id: hit.id,
      path: hit.path,
      title: hit.title,
      date: hit.date,
      source: hit.source,
      author: hit.author,
      score: hit.score,
      titleHighlights: hit.titleHighlights,
      snippets: hit.snippets,
    })),
    facets: response.facets,
    ...(withTime ? { ms: response.ms } : {}),
  };
}

async function quotesCommand(files: string[], json: boolean, io: CliIo): Promise<number> {
  if (files.length !== 1) throw new UsageError('name one article file: quarry quotes <file>');
  const path = files[0]!;
  const read = await readArticleText(path);
  if (!read.ok) throw new UsageError(`cannot read ${path}: ${read.reason}`);
  const quotations = findQuotations(read.text, { format: read.format });
  io.out(json ? JSON.stringify(quotations) + '\n' : formatQuotations(quotations));
  return 0;
}

async function serveCommand(
  rest: string[],
  dataDir: string,
  values: { port?: string; sample?: boolean },
  io: CliIo,
  stop?: AbortSignal,
): Promise<number> {
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const port = count(values.port, 'port', 0);
  if (port > 65535) throw new UsageError('--port must be at most 65535');
  const paths = appPaths();
  const indexHtml = await stat(`${paths.renderer}/index.html`).catch(() => null);
  if (!indexHtml) {
    io.err('quarry: the window is not built yet: run `npm run build` first\n');
    return 1;
  }
  const service = await QuarryService.open({
    dataDir,
    refreshOnOpen: true,
    watch: true,
    ...(values.sample ? { sampleArchive: paths.sampleArchive } : {}),
  });
  const server = await startServer({ backend: service, staticDir: paths.renderer, port });
  io.out(`Quarry is serving on ${server.url}\n`);
  io.err(`Library: ${dataDir}. Open the address above in a browser; press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    if (stop?.aborted) return resolve();
    stop?.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  await service.close();
  return 0;
}
