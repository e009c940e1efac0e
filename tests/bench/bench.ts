import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleBench } from './bundle';
import { materialise, queryMix } from './corpus';
import { mb, percentile, seconds, type BuildFigures, type QueryFigures } from './measure';
import type { EditFigures } from './quarry';
import type { QuoteSearchFigures } from './quote-search';

// `npm run bench -- [--docs N] [--corpus DIR...] [--queries N] [--no-naive]`:
// Quarry against one plain Lunr index built in the same run, each engine in
// processes of its own, every figure with its ratio.

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    corpus: { type: 'string', multiple: true },
    queries: { type: 'string', default: '400' },
    'no-naive': { type: 'boolean', default: false },
    edits: { type: 'string', default: '5' },
  },
});
const docs = Number(values.docs);
const corpora = values.corpus?.length ? values.corpus : [join(root, '..', 'shared', 'corpora', 'bbc')];

let childScript = '';

/** Runs one measurement in a fresh Node process with room for naive Lunr's heap; gives its figures. */
function child<T>(task: string, args: object): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--max-old-space-size=16000', childScript, task, JSON.stringify(args)],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0) resolve(JSON.parse(last) as T);
      else reject(new Error(`${task} failed (exit code ${code})`));
    });
  });
}

/** Optional sections other parts of Quarry add: run when their script exists, output passed through. */
const SECTIONS = [
  { name: 'ingest throughput', file: 'ingest.ts' },
  { name: 'quote detection throughput', file: 'quotes.ts' },
];

function runSection(file: string, corpus: string): Promise<void> {
  return new Promise((resolve) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, file), '--docs', String(docs), '--corpus', corpus],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    proc.on('exit', () => resolve());
  });
}

function ratio(ours: number, theirs: number | undefined): string {
  if (theirs === undefined || !Number.isFinite(theirs) || theirs === 0) return '—';
  return `${(ours / theirs).toFixed(ours / theirs < 0.1 ? 3 : 2)}×`;
}

async function main(): Promise<void> {
  console.log(`Quarry benchmark: ${docs.toLocaleString('en')} articles cycled from ${corpora.join(', ')}`);
  const corpus = await materialise(corpora, docs);
  const queries = await queryMix(corpora, Number(values.queries));
  console.log(`corpus: ${corpus.dir} (${mb(corpus.textBytes)} of text); ${queries.length} queries`);
  const work = await mkdtemp(join(tmpdir(), 'quarry-bench-run-'));
  childScript = await bundleBench(join(root, 'test-output', 'bench'));
  console.log('engine: bundled as the app ships it, worker threads included');
  try {
    const dataDir = join(work, 'quarry');
    const indexFile = join(work, 'naive.json');
    await writeFile(join(work, 'queries.json'), JSON.stringify(queries, null, 1));
    console.log('Quarry: building…');
    const quarryBuilt = await child<BuildFigures>('quarry-build', { dir: corpus.dir, dataDir });
    console.log('Quarry: opening and querying in a new process…');
    const quarryAsked = await child<QueryFigures>('quarry-queries', { dataDir, queries });
    console.log('Quarry: searching quotations in a new process…');
    const quoteAsked = await child<QuoteSearchFigures>('quarry-quote-queries', { dataDir, queries });
    console.log('Quarry: editing files in a watched folder…');
    const edits = await child<EditFigures>('quarry-edits', {
      dir: corpus.dir,
      dataDir,
      rounds: Number(values.edits),
    });
    let naiveBuilt: BuildFigures | undefined;
    let naiveAsked: QueryFigures | undefined;
    if (!values['no-naive']) {
      console.log('Lunr: building…');
      naiveBuilt = await child<BuildFigures>('naive-build', { dir: corpus.dir, indexFile });
      if (!naiveBuilt.failure) {
        console.log('Lunr: loading and querying in a new process…');
        naiveAsked = await child<QueryFigures>('naive-queries', { indexFile, queries });
      }
    }
    report(corpus.textBytes, quarryBuilt, quarryAsked, edits, naiveBuilt, naiveAsked);
    reportQuoteSearch(quoteAsked);
    for (const section of SECTIONS) {
      if (!existsSync(join(here, section.file))) continue;
      console.log(`\n## ${section.name}`);
      await runSection(section.file, corpus.dir);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function report(
  text: number,
  built: BuildFigures,
  asked: QueryFigures,
  edits: EditFigures,
  naiveBuilt?: BuildFigures,
  naiveAsked?: QueryFigures,
): void {
  const rows: [string, string, string, string][] = [
    [
      'full build, wall clock',
      seconds(built.ms),
      naiveBuilt ? seconds(naiveBuilt.ms) : '—',
      ratio(built.ms, naiveBuilt?.ms),
    ],
    [
      'RSS after build / build peak',
      `${mb(built.rss)} / ${mb(built.peak)}`,
      naiveBuilt ? `${mb(naiveBuilt.rss)} / ${mb(naiveBuilt.peak)}` : '—',
      ratio(built.peak, naiveBuilt?.peak),
    ],
    [
      'on disk (× the text)',
      `${mb(built.bytes)} (${(built.bytes / text).toFixed(2)}×)`,
      naiveBuilt
        ? naiveBuilt.failure
          ? `fails: ${naiveBuilt.failure}`
          : `${mb(naiveBuilt.bytes)} (${(naiveBuilt.bytes / text).toFixed(2)}×)`
        : '—',
      ratio(built.bytes, naiveBuilt?.bytes || undefined),
    ],
    [
      'open → first query (new process)',
      seconds(asked.openToFirstMs),
      naiveAsked ? seconds(naiveAsked.openToFirstMs) : '—',
      ratio(asked.openToFirstMs, naiveAsked?.openToFirstMs),
    ],
    [
      'query p50 / p99',
      `${asked.p50.toFixed(2)} / ${asked.p99.toFixed(1)} ms`,
      naiveAsked ? `${naiveAsked.p50.toFixed(2)} / ${naiveAsked.p99.toFixed(1)} ms` : '—',
      naiveAsked ? `${ratio(asked.p50, naiveAsked.p50)} / ${ratio(asked.p99, naiveAsked.p99)}` : '—',
    ],
    [
      'RSS holding the opened index / peak',
      `${mb(asked.rss)} / ${mb(asked.peak)}`,
      naiveAsked ? `${mb(naiveAsked.rss)} / ${mb(naiveAsked.peak)}` : '—',
      ratio(asked.rss, naiveAsked?.rss),
    ],
    ['RSS holding the opened index, folder watched (as the app)', mb(edits.rss), '—', '—'],
    [
      'edited file searchable again (watched)',
      `${seconds(percentile(edits.latencies, 0.5))} median, ${seconds(Math.max(...edits.latencies))} max`,
      'full rebuild',
      '—',
    ],
  ];
  console.log('\n| measure | Quarry | naive Lunr | ratio |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(
    '\nQuarry queries return a page of 10 hits with snippets and highlights; Lunr returns refs. ' +
      'Lunr cannot search phrases: it runs them as AND of their words (stop words dropped).',
  );
  if (naiveAsked) {
    let equal = 0;
    let overlap = 0;
    let ranked = 0;
    asked.hits.forEach((ours, i) => {
      const theirs = naiveAsked.hits[i]!;
      if (ours.digest === theirs.digest) equal++;
      if (theirs.count > 0) {
        ranked++;
        overlap +=
          ours.top.filter((id) => theirs.top.includes(id)).length * (10 / Math.min(10, theirs.count));
      }
    });
    console.log(
      `Hit sets equal to plain Lunr's for ${equal} of ${asked.hits.length} queries without phrases; ` +
        `top-10 overlap ${(overlap / Math.max(1, ranked)).toFixed(2)} of 10 on average.`,
    );
  }
}

function reportQuoteSearch(asked: QuoteSearchFigures): void {
  console.log(
    `\n## quote search\nOpen → first broad quote search (grouping every quotation): ${seconds(asked.openMs)}`,
  );
  console.log(
    '\n| quote search | first answer | next pages (median) | groups | quotations |\n|---|---|---|---|---|',
  );
  for (const figure of asked.figures) {
    console.log(
      `| ${figure.name} | ${figure.firstMs.toFixed(1)} ms | ${figure.medianMs.toFixed(2)} ms | ${figure.groups.toLocaleString('en')} | ${figure.quotations.toLocaleString('en')} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
