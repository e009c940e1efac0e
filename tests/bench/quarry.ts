// Must come first: the engine's citation styles are imported as text.
import '../helpers/raw-text';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { loadCatalog } from '../../electron/engine/index/catalog';
import { openShard, shardsFolder } from '../../electron/engine/index/shard-files';
import { scanFolders } from '../../electron/engine/ingest/scan';
import { Searcher } from '../../electron/engine/search/searcher';
import { QuarryService } from '../../electron/engine/service';
import {
  folderBytes,
  peakRss,
  percentile,
  type BenchQuery,
  type BuildFigures,
  type QueryFigures,
} from './measure';
import { summarise } from './naive';

/** Indexes the corpus with Quarry from an empty library. */
export async function quarryBuild(dir: string, dataDir: string): Promise<BuildFigures> {
  const started = performance.now();
  const service = await QuarryService.open({ dataDir });
  const outcome = await service.indexFolders([dir]);
  if (!outcome.ok) throw new Error(outcome.error.message);
  const ms = performance.now() - started;
  const rss = process.memoryUsage().rss;
  await service.close();
  return { ms, rss, peak: await peakRss(), bytes: await folderBytes(dataDir) };
}

/** Opens the library in a fresh process, answers the first query, then times the mix (a page of 10 with snippets). */
export async function quarryQueries(dataDir: string, queries: readonly BenchQuery[]): Promise<QueryFigures> {
  const started = performance.now();
  const service = await QuarryService.open({ dataDir });
  const first = await service.search({ query: queries[0]!.quarry, limit: 10 });
  if (!first.ok) throw new Error(first.error.message);
  const openToFirstMs = performance.now() - started;
  const times: number[] = [];
  for (const query of queries) {
    const begin = performance.now();
    await service.search({ query: query.quarry, limit: 10 });
    times.push(performance.now() - begin);
  }
  const rss = process.memoryUsage().rss;
  const peak = await peakRss();
  await service.close();
  // The hit sets, whole, for comparison with plain Lunr: through the searcher, as the service's own.
  const searcher = new Searcher();
  const { catalog } = await loadCatalog(dataDir);
  for (const record of Object.values(catalog.shards)) {
    searcher.setShard(record.id, await openShard(shardsFolder(dataDir), record));
  }
  const hits = queries
    .filter((query) => query.kind !== 'phrase')
    .map((query) => summarise(searcher.ranked(query.quarry).map((hit) => hit.id)));
  return { openToFirstMs, p50: percentile(times, 0.5), p99: percentile(times, 0.99), rss, peak, hits };
}

/** How long edited files took to be found again, and the memory of the process watching the library, as the app runs. */
export interface EditFigures {
  latencies: number[];
  /** RSS once the watcher is ready and after the edits. */
  rss: number;
}

/**
 * In a library opened with a watcher: appends a new word to a file, and
 * measures how long until a search finds it; a few times, each file put back.
 */
export async function quarryEdits(dir: string, dataDir: string, rounds: number): Promise<EditFigures> {
  const service = await QuarryService.open({ dataDir, watch: true });
  await service.watching();
  const files = (await scanFolders([dir])).files;
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const file = files[Math.floor(((round + 0.5) / rounds) * files.length)]!;
    const original = await readFile(file.path);
    const word = `zqxedit${round}${Date.now() % 100000}`;
    const begin = performance.now();
    await appendFile(file.path, `\n\n${word}\n`);
    for (;;) {
      const result = await service.search({ query: word, limit: 1 });
      if (result.ok && result.value.total > 0) break;
      if (performance.now() - begin > 30_000) throw new Error('the edit never became searchable');
      await delay(2);
    }
    latencies.push(performance.now() - begin);
    await writeFile(file.path, original);
    for (let waited = 0; waited < 30_000; waited += 20) {
      const result = await service.search({ query: word, limit: 1 });
      if (result.ok && result.value.total === 0) break;
      await delay(20);
    }
  }
  const rss = process.memoryUsage().rss;
  await service.close();
  return { latencies, rss };
}
