// Must come first: the engine's citation styles are imported as text.
import '../helpers/raw-text';
import type { QuoteSearchRequest } from '../../electron/api';
import { QuarryService } from '../../electron/engine/service';
import { percentile, type BenchQuery } from './measure';

/** Latency of one kind of quote search: the first answer (cold) and the median of the rest. */
export interface QuoteSearchFigure {
  name: string;
  request: QuoteSearchRequest;
  firstMs: number;
  medianMs: number;
  groups: number;
  quotations: number;
}

export interface QuoteSearchFigures {
  /** Opening the library and grouping every quotation, timed by the first broad search. */
  openMs: number;
  figures: QuoteSearchFigure[];
}

const ROUNDS = 20;

/**
 * In a fresh process: a broad search (every quotation, so every group),
 * what the most quoted speaker said, and single words from the query mix,
 * each timed cold and then as the median of further rounds with other pages.
 */
export async function quarryQuoteQueries(
  dataDir: string,
  queries: readonly BenchQuery[],
): Promise<QuoteSearchFigures> {
  const started = performance.now();
  const service = await QuarryService.open({ dataDir, readOnly: true });
  const time = async (request: QuoteSearchRequest) => {
    const begin = performance.now();
    const result = await service.searchQuotes(request);
    if (!result.ok) throw new Error(result.error.message);
    return { ms: performance.now() - begin, value: result.value };
  };
  const broad = await time({ query: '' });
  const openMs = performance.now() - started;
  const speaker = broad.value.speakers[0]?.value;
  const words = queries.filter((query) => /^\w+$/.test(query.quarry)).slice(0, 5);
  const requests: { name: string; request: QuoteSearchRequest }[] = [
    { name: 'broad (every quotation)', request: { query: '' } },
    ...(speaker ? [{ name: `speaker only (${speaker})`, request: { query: '', speakers: [speaker] } }] : []),
    ...words.map((query) => ({ name: `word (${query.quarry})`, request: { query: query.quarry } })),
  ];
  const figures: QuoteSearchFigure[] = [];
  for (const { name, request } of requests) {
    const first = await time(request);
    const times: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      times.push((await time({ ...request, offset: (round % 5) * 20, limit: 20 })).ms);
    }
    figures.push({
      name,
      request,
      firstMs: first.ms,
      medianMs: percentile(times, 0.5),
      groups: first.value.total,
      quotations: first.value.quotations,
    });
  }
  await service.close();
  return { openMs, figures };
}
