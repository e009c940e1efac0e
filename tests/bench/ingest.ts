/**
 * Ingest throughput per format: generates a few MB of each format in a temp
 * folder, reads every file through `readArticle` (decode, parse, language,
 * source map) and prints MB/s and articles/s. Run alone with
 * `npx tsx tests/bench/ingest.ts`; `runIngestBench` is what `npm run bench` calls.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readArticle } from '../../electron/engine/ingest/read-article';
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
} from '../engine/ingest/samples';

export interface IngestFigure {
  format: string;
  files: number;
  articles: number;
  megabytes: number;
  seconds: number;
  mbPerSecond: number;
  articlesPerSecond: number;
}

/** An article of news length (about 3 KB), different for each n. */
function story(n: number): SampleArticle {
  const base = variant(BUDGET, n);
  const words = ['railways', 'schools', 'hospitals', 'pensions', 'housing', 'energy', 'courts', 'farms'];
  const paragraphs = Array.from({ length: 8 }, (_, p) =>
    `${base.paragraphs[p % 2]} The ${words[(n + p) % words.length]} budget for year ${2000 + ((n + p) % 25)} rose by ${(n * 7 + p) % 90} million, officials said on the record.`.repeat(
      2,
    ),
  );
  return { ...base, paragraphs };
}

type Maker = (n: number) => Promise<Uint8Array | string>;

const PER_FILE: Record<string, { extension: string; make: Maker }> = {
  txt: {
    extension: 'txt',
    make: (n) => Promise.resolve(`${story(n).title}\n\n${story(n).paragraphs.join('\n\n')}\n`),
  },
  md: {
    extension: 'md',
    make: (n) =>
      Promise.resolve(
        `---\ntitle: ${story(n).title}\ndate: ${story(n).date}\n---\n\n${story(n).paragraphs.join('\n\n')}\n`,
      ),
  },
  html: { extension: 'html', make: (n) => Promise.resolve(makeHtml(story(n))) },
  pdf: { extension: 'pdf', make: (n) => makePdf(story(n), 2) },
  docx: { extension: 'docx', make: (n) => makeDocx(story(n)) },
  epub: { extension: 'epub', make: (n) => Promise.resolve(makeEpub(story(n), 4)) },
  eml: { extension: 'eml', make: (n) => Promise.resolve(makeEml(story(n), `m${n}@bench`)) },
};

const BATCH = 200;
const PER_BATCH: Record<string, { extension: string; make: (articles: SampleArticle[]) => string }> = {
  csv: { extension: 'csv', make: makeCsv },
  json: { extension: 'json', make: makeJson },
  jsonl: { extension: 'jsonl', make: makeJsonl },
  mbox: { extension: 'mbox', make: makeMbox },
};

/** Writes about `megabytes` of each format under `dir` and times reading them all back. */
export async function runIngestBench(megabytes = 3): Promise<IngestFigure[]> {
  const root = await mkdtemp(join(tmpdir(), 'quarry-ingest-bench-'));
  const figures: IngestFigure[] = [];
  try {
    const formats = [...Object.keys(PER_FILE), ...Object.keys(PER_BATCH)];
    // Warm-up: loads pdf.js, mammoth and the DOM once, outside the timings.
    for (const format of ['pdf', 'docx', 'html']) {
      const path = join(root, `warm.${format}`);
      await writeFile(path, await PER_FILE[format]!.make(0));
      await readArticle(path, root);
    }
    for (const format of formats) {
      const dir = join(root, format);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      const paths: string[] = [];
      let bytes = 0;
      for (let n = 0; bytes < megabytes * 1048576; n++) {
        const single = PER_FILE[format];
        const batch = PER_BATCH[format];
        const content = single
          ? await single.make(n)
          : batch!.make(Array.from({ length: BATCH }, (_, i) => story(n * BATCH + i)));
        const path = join(dir, `${n}.${single?.extension ?? batch!.extension}`);
        await writeFile(path, content);
        bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
        paths.push(path);
      }
      let articles = 0;
      const started = performance.now();
      for (const path of paths) {
        const outcome = await readArticle(path, dir);
        if (!outcome.ok) throw new Error(`${path}: ${outcome.reason}`);
        articles += outcome.articles.length;
      }
      const seconds = (performance.now() - started) / 1000;
      const mb = bytes / 1048576;
      figures.push({
        format,
        files: paths.length,
        articles,
        megabytes: mb,
        seconds,
        mbPerSecond: mb / seconds,
        articlesPerSecond: articles / seconds,
      });
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return figures;
}

/** The figures as a table for a terminal. */
export function formatIngestTable(figures: IngestFigure[]): string {
  const header = 'format   files  articles    MB   seconds    MB/s  articles/s';
  const rows = figures.map((f) =>
    [
      f.format.padEnd(7),
      String(f.files).padStart(6),
      String(f.articles).padStart(9),
      f.megabytes.toFixed(1).padStart(5),
      f.seconds.toFixed(2).padStart(9),
      f.mbPerSecond.toFixed(2).padStart(7),
      f.articlesPerSecond.toFixed(0).padStart(11),
    ].join(' '),
  );
  return [header, ...rows].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const megabytes = Number(process.env.QUARRY_BENCH_MB ?? 3);
  runIngestBench(megabytes).then(
    (figures) =>
      console.log(`Ingest throughput (one thread, ~${megabytes} MB a format)\n${formatIngestTable(figures)}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
