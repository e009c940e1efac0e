import type {
  ArticleView,
  Facets,
  Quotation,
  Range,
  Result,
  SearchFilters,
  SearchHit,
  QueryScope,
  QuoteSearchRequest,
  QuoteSearchResponse,
  SearchRequest,
  SearchResponse,
} from '../../api';
import type { Article } from '../ingest/article';
import { ENGLISH, pipelineLanguage } from '../index/languages';
import type { ScoredDocs } from '../index/postings';
import type { Shard } from '../index/shard';
import { mergedDictionary } from './dictionary';
import { filterMatches } from './filters';
import { highlightRanges } from './highlights';
import type { LibraryStats, ShardMatches } from './lunr-query';
import { matchQuery } from './match';
import { ARTICLE_SCHEMA, QUOTED_ARTICLE_SCHEMA } from './fields';
import { parseQuery, type ParsedQuery } from './query';
import { QuoteSearch } from './quote-search';
import { rankPage } from './rank';
import { makeSnippets } from './snippets';

const DEFAULT_LIMIT = 20;
const CACHED_QUERIES = 8;

interface Answer {
  generation: number;
  query: ParsedQuery;
  matches: ShardMatches[];
  facets: Facets;
  total: number;
  fieldTerms: Set<string>[];
}

/** Called when reading an article's stored text shows its shard to be damaged. */
export type DamageListener = (shardId: string, reason: string) => void;

const totals = new WeakMap<ScoredDocs, { version: number; docs: number; lengths: number[] }>();

/** How many documents of a shard's articles or quotations are in service, and the sum of each field's length over them. */
function liveLengths(source: ScoredDocs): { docs: number; lengths: number[] } {
  const known = totals.get(source);
  if (known && known.version === source.shard.version) return known;
  const lengths = source.lengths.map(() => 0);
  let docs = 0;
  for (let doc = 0; doc < source.count; doc++) {
    if (!source.isLive(doc)) continue;
    docs++;
    for (let field = 0; field < lengths.length; field++) lengths[field]! += source.lengths[field]![doc]!;
  }
  const entry = { version: source.shard.version, docs, lengths };
  totals.set(source, entry);
  return entry;
}

/** Library-wide counts for scoring documents of these sources: documents in service and mean field lengths. */
export function statsOf(sources: readonly ScoredDocs[]): LibraryStats {
  let docs = 0;
  let sums: number[] = [];
  for (const source of sources) {
    const live = liveLengths(source);
    docs += live.docs;
    sums = live.lengths.map((length, field) => (sums[field] ?? 0) + length);
  }
  return { docs, averageLength: sums.map((sum) => sum / docs) };
}

/**
 * Answers queries over the shards in service, as if they were one Lunr
 * index: matching and scoring with library-wide statistics, phrases from
 * stored positions, filters and facets, one page ranked without sorting every
 * hit, and snippets and highlights from re-tokenising only the articles on
 * the page. Recent answers are kept, so paging through a long list costs
 * only the ranking.
 */
export class Searcher {
  private readonly shards = new Map<string, Shard>();
  private readonly answers = new Map<string, Answer>();
  private readonly ids = new WeakMap<Shard, Map<string, number>>();
  private generation = 0;
  private readonly quoteSearch = new QuoteSearch({
    shards: () => this.list(),
    quotationStats: () => statsOf(this.list().map((shard) => shard.quotations)),
    languages: () => this.languages(),
    storedQuotations: (shard, doc) => {
      try {
        const stored = shard.storedText(doc);
        return { quotations: stored.quotations, language: pipelineLanguage(stored.language) };
      } catch (error) {
        this.damaged(shard, error);
        return null;
      }
    },
  });

  constructor(private readonly onDamage: DamageListener = () => undefined) {}

  /** Puts a shard in service, replacing one of the same id. */
  setShard(id: string, shard: Shard): void {
    const previous = this.shards.get(id);
    this.shards.set(id, shard);
    if (previous !== shard) previous?.close();
    this.changed();
  }

  /** Takes a shard out of service; its articles are no longer found. */
  removeShard(id: string): void {
    this.shards.get(id)?.close();
    this.shards.delete(id);
    this.changed();
  }

  getShard(id: string): Shard | undefined {
    return this.shards.get(id);
  }

  /** The shards in service, in a stable order. */
  list(): Shard[] {
    return [...this.shards.values()];
  }

  /**
   * Builds now what the first wildcard or fuzzy word would otherwise wait
   * for: the shards' dictionaries merged into one (see `mergedDictionary`).
   */
  prepareDictionary(): void {
    mergedDictionary(this.list());
  }

  /** To be called when articles were deleted from a shard in service. */
  changed(): void {
    this.generation++;
    this.answers.clear();
  }

  /** How many articles the loaded shards hold. */
  get articleCount(): number {
    let count = 0;
    for (const shard of this.shards.values()) count += shard.liveCount;
    return count;
  }

  /**
   * The pipelines the shards in service were indexed with, English first:
   * a query runs through each. A library in English alone runs Lunr's
   * English pipeline only, exactly as one Lunr index would.
   */
  languages(): string[] {
    const found = new Set<string>();
    for (const shard of this.shards.values()) for (const language of shard.languages) found.add(language);
    return [...found].sort((a, b) => (a === ENGLISH ? -1 : b === ENGLISH ? 1 : a < b ? -1 : a > b ? 1 : 0));
  }

  /** Library-wide counts for scoring articles: articles in service and mean field lengths. */
  stats(): LibraryStats {
    return statsOf(this.list());
  }

  /** Where the article with this id is kept, if a shard in service holds it. */
  locate(id: string): { shard: Shard; doc: number } | undefined {
    for (const shard of this.shards.values()) {
      let ids = this.ids.get(shard);
      if (!ids) {
        ids = new Map(shard.docs.ids.list().map((each, doc) => [each, doc]));
        this.ids.set(shard, ids);
      }
      const doc = ids.get(id);
      if (doc !== undefined && shard.isLive(doc)) return { shard, doc };
    }
    return undefined;
  }

  /** The whole article with this id, if a shard in service holds it. */
  findArticle(id: string): Article | undefined {
    const found = this.locate(id);
    return found ? found.shard.article(found.doc) : undefined;
  }

  /** Every article in service, shard by shard, each read from its stored text when its turn comes. */
  *articles(): IterableIterator<Article> {
    for (const shard of this.list()) {
      for (let doc = 0; doc < shard.count; doc++) {
        if (!shard.isLive(doc)) continue;
        let article: Article | undefined;
        try {
          article = shard.article(doc);
        } catch (error) {
          this.damaged(shard, error);
          break;
        }
        yield article;
      }
    }
  }

  /** Runs a query; a query that cannot be parsed comes back as an error value. */
  search(request: SearchRequest): Result<SearchResponse> {
    const started = performance.now();
    const answer = this.answer(request.query, request.filters);
    if (!answer.ok) return answer;
    const { query, matches, facets, total, fieldTerms } = answer.value;
    const offset = request.offset ?? 0;
    const limit = request.limit ?? DEFAULT_LIMIT;
    const shards = this.list();
    const page = rankPage(shards, matches, request.sort ?? 'relevance', offset, limit);
    const hits = page.map(({ shard, doc, score }) => this.hit(shards[shard]!, doc, score, query, fieldTerms));
    return {
      ok: true,
      value: { query: request.query, total, offset, hits, ms: performance.now() - started, facets },
    };
  }

  /** Searches the words of quotations across the library; a query that cannot be parsed comes back as an error value. */
  searchQuotes(request: QuoteSearchRequest): Result<QuoteSearchResponse> {
    return this.quoteSearch.search(request, this.generation);
  }

  /** The library's speakers a name typed by hand stands for: every one whose name holds its words. */
  speakersCalled(name: string): string[] {
    return this.quoteSearch.speakersCalled(name);
  }

  /** Every article a query matches, best first, with its score: for comparisons with plain Lunr. */
  ranked(text: string): { id: string; score: number }[] {
    const answer = this.answer(text, undefined);
    if (!answer.ok) return [];
    const shards = this.list();
    return rankPage(shards, answer.value.matches, 'relevance', 0, answer.value.total).map(
      ({ shard, doc, score }) => ({
        id: shards[shard]!.docs.ids.get(doc),
        score,
      }),
    );
  }

  private answer(
    text: string,
    filters: SearchFilters | undefined,
    scope: QueryScope = 'articles',
  ): Result<Answer> {
    const key = JSON.stringify([text, filters ?? {}, scope]);
    const cached = this.answers.get(key);
    if (cached && cached.generation === this.generation) {
      this.answers.delete(key);
      this.answers.set(key, cached);
      return { ok: true, value: cached };
    }
    const schema = scope === 'quotations' ? QUOTED_ARTICLE_SCHEMA : ARTICLE_SCHEMA;
    const parsed = parseQuery(text, schema, this.languages());
    if (!parsed.ok) return parsed;
    const shards = this.list();
    const matched = matchQuery(shards, parsed.query, this.stats());
    const { matches, facets } = filterMatches(shards, matched.shards, filters);
    const total = matches.reduce((sum, match) => sum + match.docs.length, 0);
    const answer = {
      generation: this.generation,
      query: parsed.query,
      matches,
      facets,
      total,
      fieldTerms: matched.fieldTerms,
    };
    this.answers.set(key, answer);
    if (this.answers.size > CACHED_QUERIES) this.answers.delete(this.answers.keys().next().value!);
    return { ok: true, value: answer };
  }

  /** An article's body, the pipeline its language was indexed with, and its quotations. */
  private body(shard: Shard, doc: number): { body: string; language: string; quotations: Quotation[] } {
    try {
      const stored = shard.storedText(doc);
      return {
        body: stored.body,
        language: pipelineLanguage(stored.language),
        quotations: stored.quotations,
      };
    } catch (error) {
      this.damaged(shard, error);
      return { body: '', language: ENGLISH, quotations: [] };
    }
  }

  /** Reports a shard whose files fail when read, if it is still the one in service. */
  private damaged(shard: Shard, error: unknown): void {
    if (this.shards.get(shard.id) !== shard) return;
    this.onDamage(shard.id, error instanceof Error ? error.message : String(error));
  }

  private hit(
    shard: Shard,
    doc: number,
    score: number,
    query: ParsedQuery,
    fieldTerms: Set<string>[],
  ): SearchHit {
    const d = shard.docs;
    const title = d.titles.get(doc);
    const { body, language, quotations } = this.body(shard, doc);
    const { titleHighlights, bodyHighlights, spans } = query.browse
      ? { titleHighlights: [], bodyHighlights: [], spans: [] }
      : highlightRanges(title, body, query, fieldTerms, language, quotations);
    return {
      id: d.ids.get(doc),
      path: d.paths.get(doc),
      folder: d.folders[d.folder[doc]!]!,
      title,
      date: d.dates[doc] ?? null,
      source: d.source[doc]! >= 0 ? d.sources[d.source[doc]!]! : null,
      author: d.author[doc]! >= 0 ? d.authors[d.author[doc]!]! : null,
      format: d.formats[d.format[doc]!] as SearchHit['format'],
      score,
      titleHighlights,
      snippets: makeSnippets(body, bodyHighlights, { spans }),
    };
  }

  /** An article for the reader, with the ranges `query` (read as `scope` says) matches in it. */
  article(id: string, query?: string, scope?: QueryScope): Result<ArticleView> {
    const found = this.locate(id);
    let article: Article | undefined;
    try {
      article = found?.shard.article(found.doc);
    } catch (error) {
      this.damaged(found!.shard, error);
    }
    if (!found || !article) {
      return {
        ok: false,
        error: { code: 'not-found', message: 'This article is no longer in the library.' },
      };
    }
    let titleHighlights: Range[] = [];
    let bodyHighlights: Range[] = [];
    const answer = query ? this.answer(query, undefined, scope) : null;
    if (answer?.ok && !answer.value.query.browse) {
      const s = this.list().indexOf(found.shard);
      if (answer.value.matches[s]?.docs.includes(found.doc)) {
        ({ titleHighlights, bodyHighlights } = highlightRanges(
          article.title,
          article.body,
          answer.value.query,
          answer.value.fieldTerms,
          pipelineLanguage(article.language),
          article.quotations ?? [],
        ));
      }
    }
    // The view carries everything but the file facts the window has no use for.
    const { hash: _hash, size: _size, mtimeMs: _mtimeMs, ...shown } = article;
    return {
      ok: true,
      value: { ...shown, quotations: article.quotations ?? [], titleHighlights, bodyHighlights },
    };
  }
}
