import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import lunr from 'lunr';
import { readArticle } from '../../electron/engine/ingest/read-article';
import { scanFolders } from '../../electron/engine/ingest/scan';
import { peakRss, percentile, type BenchQuery, type BuildFigures, type QueryFigures } from './measure';

// Plain Lunr as its documentation shows it, one index, in a process of its own:
// the baseline every figure of the benchmark is compared with.

/** Builds one Lunr index over the corpus (defaults, title boosted 5) and saves it as JSON. */
export async function naiveBuild(dir: string, indexFile: string): Promise<BuildFigures> {
  const started = performance.now();
  const files = (await scanFolders([dir])).files;
  const builder = new lunr.Builder();
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(lunr.stemmer);
  builder.ref('id');
  builder.field('title', { boost: 5 });
  builder.field('body');
  for (const file of files) {
    const outcome = await readArticle(file.path, file.folder);
    if (!outcome.ok) continue;
    for (const article of outcome.articles)
      builder.add({ id: article.id, title: article.title, body: article.body });
  }
  const index = builder.build();
  const ms = performance.now() - started;
  const rss = process.memoryUsage().rss;
  let bytes = 0;
  let failure: string | undefined;
  try {
    const json = JSON.stringify(index);
    bytes = Buffer.byteLength(json);
    await writeFile(indexFile, json);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  return { ms, rss, peak: await peakRss(), bytes, ...(failure ? { failure } : {}) };
}

/** Loads the saved index in a fresh process, answers the first query, then times the mix. */
export async function naiveQueries(indexFile: string, queries: readonly BenchQuery[]): Promise<QueryFigures> {
  const started = performance.now();
  const index = lunr.Index.load(JSON.parse(await readFile(indexFile, 'utf8')) as object);
  index.search(queries[0]!.naive);
  const openToFirstMs = performance.now() - started;
  const times: number[] = [];
  const hits: QueryFigures['hits'] = [];
  for (const query of queries) {
    const begin = performance.now();
    let results: lunr.Index.Result[];
    try {
      results = index.search(query.naive);
    } catch {
      results = [];
    }
    times.push(performance.now() - begin);
    if (query.kind !== 'phrase') hits.push(summarise(results.map((result) => result.ref)));
  }
  return {
    openToFirstMs,
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    rss: process.memoryUsage().rss,
    peak: await peakRss(),
    hits,
  };
}

/** Hit count, a digest of the sorted ids and the first ten, for comparing engines. */
export function summarise(ranked: readonly string[]): QueryFigures['hits'][number] {
  const digest = createHash('sha256')
    .update([...ranked].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
  return { count: ranked.length, digest, top: ranked.slice(0, 10) };
}
