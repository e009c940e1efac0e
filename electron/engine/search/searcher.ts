import type lunr from 'lunr';
import type {
  ArticleView,
  Range,
  Result,
  SearchHit,
  SearchRequest,
  SearchResponse,
  SortOrder,
} from '../../api';
import type { Article } from '../ingest/article';
import { FIELDS, TITLE_BOOST } from '../index/lunr-index';
import { parseQuery, type ParsedQuery, type Phrase } from './query';
import { makeSnippets } from './snippets';
import { mergeRanges, phraseRanges, termRanges, wordsOf, type Word } from './words';

type Field = (typeof FIELDS)[number];

/** One loaded shard: its Lunr index and its articles by id. */
export interface LoadedShard {
  index: lunr.Index;
  articles: Map<string, Article>;
}

interface Match {
  article: Article;
  score: number;
  /** Index terms the article matched, per field. */
  terms: Record<Field, Set<string>>;
}

const DEFAULT_LIMIT = 20;

/**
 * Answers queries over a set of loaded shards: Lunr's matching and scoring
 * per shard, exact phrases checked against the text, results merged, sorted
 * and paged, with snippets and highlight ranges found by re-tokenising only
 * the articles returned.
 */
export class Searcher {
  private readonly shards = new Map<string, LoadedShard>();

  /** Puts a shard in service, replacing one of the same id. */
  setShard(id: string, shard: LoadedShard): void {
    this.shards.set(id, shard);
  }

  /** Takes a shard out of service; its articles are no longer found. */
  removeShard(id: string): void {
    this.shards.delete(id);
  }

  /** How many articles the loaded shards hold. */
  get articleCount(): number {
    let count = 0;
    for (const shard of this.shards.values()) count += shard.articles.size;
    return count;
  }

  /** The article with this id, if a loaded shard holds it. */
  findArticle(id: string): Article | undefined {
    for (const shard of this.shards.values()) {
      const article = shard.articles.get(id);
      if (article) return article;
    }
    return undefined;
  }

  /** Every loaded article, shard by shard. */
  *articles(): IterableIterator<Article> {
    for (const shard of this.shards.values()) yield* shard.articles.values();
  }

  /** Runs a query; a query that cannot be parsed comes back as an error value. */
  search(request: SearchRequest): Result<SearchResponse> {
    const started = performance.now();
    const parsed = parseQuery(request.query);
    if (!parsed.ok) return parsed;
    const matches = this.match(parsed.query);
    sortMatches(matches, request.sort ?? 'relevance');
    const offset = request.offset ?? 0;
    const limit = request.limit ?? DEFAULT_LIMIT;
    const hits = matches.slice(offset, offset + limit).map((match) => toHit(match, parsed.query));
    return {
      ok: true,
      value: { query: request.query, total: matches.length, offset, hits, ms: performance.now() - started },
    };
  }

  /** An article for the reader, with the ranges `query` matches in it. */
  article(id: string, query?: string): Result<ArticleView> {
    const article = this.findArticle(id);
    if (!article)
      return {
        ok: false,
        error: { code: 'not-found', message: 'This article is no longer in the library.' },
      };
    let titleHighlights: Range[] = [];
    let bodyHighlights: Range[] = [];
    const parsed = query ? parseQuery(query) : null;
    if (parsed?.ok && !parsed.query.browse) {
      const match = this.match(parsed.query, id)[0];
      if (match) ({ titleHighlights, bodyHighlights } = highlightsOf(match, parsed.query));
    }
    // The view carries everything but the file facts the window has no use for.
    const { hash: _hash, size: _size, mtimeMs: _mtimeMs, ...shown } = article;
    return { ok: true, value: { ...shown, titleHighlights, bodyHighlights } };
  }

  private match(query: ParsedQuery, onlyId?: string): Match[] {
    const matches: Match[] = [];
    const required = query.phrases.filter((phrase) => !phrase.prohibited);
    const prohibited = query.phrases.filter((phrase) => phrase.prohibited);
    for (const shard of this.shards.values()) {
      const candidates =
        query.browse || query.clauses.length === 0
          ? this.everyArticle(shard, query, onlyId)
          : this.lunrMatches(shard, query, onlyId);
      for (const match of candidates) {
        if (query.phrases.length > 0) {
          const words = fieldWords(match.article);
          const score = requiredScore(words, required);
          if (score === null) continue;
          if (prohibited.some((phrase) => phraseScore(words, phrase) > 0)) continue;
          if (query.clauses.length === 0 && required.length > 0) match.score = score;
        }
        matches.push(match);
      }
    }
    return matches;
  }

  private everyArticle(shard: LoadedShard, query: ParsedQuery, onlyId?: string): Match[] {
    // Without words to look up, only a blank query or a phrase of stop words, which the text is checked for.
    if (!query.browse && query.phrases.length === 0) return [];
    const articles = onlyId
      ? [shard.articles.get(onlyId)].filter((a): a is Article => !!a)
      : shard.articles.values();
    return Array.from(articles, (article) => ({
      article,
      score: 0,
      terms: { title: new Set<string>(), body: new Set<string>() },
    }));
  }

  private lunrMatches(shard: LoadedShard, query: ParsedQuery, onlyId?: string): Match[] {
    const results = shard.index.query((q) => {
      for (const clause of query.clauses)
        q.clauses.push({ ...clause, fields: [...(clause.fields ?? FIELDS)] });
    });
    const matches: Match[] = [];
    for (const result of results) {
      if (onlyId && result.ref !== onlyId) continue;
      const article = shard.articles.get(result.ref);
      if (!article) continue;
      const terms = { title: new Set<string>(), body: new Set<string>() };
      const metadata = result.matchData.metadata as Record<string, Record<string, unknown>>;
      for (const [term, fields] of Object.entries(metadata)) {
        if ('title' in fields) terms.title.add(term);
        if ('body' in fields) terms.body.add(term);
      }
      matches.push({ article, score: result.score, terms });
    }
    return matches;
  }
}

/**
 * The words of an article's fields, each split once when first asked for:
 * one query checks several phrases and highlights against the same words.
 */
function fieldWords(article: Article): (field: Field) => Word[] {
  const split: Partial<Record<Field, Word[]>> = {};
  return (field) => (split[field] ??= wordsOf(article[field]));
}

/** How often a phrase occurs in its fields, a title occurrence counting as much as a title word. */
function phraseScore(words: (field: Field) => Word[], phrase: Phrase): number {
  let score = 0;
  for (const field of phrase.fields)
    score += phraseRanges(words(field), phrase.words).length * (field === 'title' ? TITLE_BOOST : 1);
  return score;
}

/** The summed scores of phrases that must all occur, or null when one does not. */
function requiredScore(words: (field: Field) => Word[], phrases: readonly Phrase[]): number | null {
  let sum = 0;
  for (const phrase of phrases) {
    const score = phraseScore(words, phrase);
    if (score === 0) return null;
    sum += score;
  }
  return sum;
}

function highlightsOf(
  match: Match,
  query: ParsedQuery,
): { titleHighlights: Range[]; bodyHighlights: Range[] } {
  const words = fieldWords(match.article);
  const own = (terms: Set<string>) => new Set([...terms].filter((term) => !query.phraseOnlyTerms.has(term)));
  const ranges = (field: Field): Range[] => {
    const terms = own(match.terms[field]);
    const found = terms.size > 0 ? termRanges(words(field), terms) : [];
    for (const phrase of query.phrases) {
      if (!phrase.prohibited && phrase.fields.includes(field))
        found.push(...phraseRanges(words(field), phrase.words));
    }
    return mergeRanges(found);
  };
  return { titleHighlights: ranges('title'), bodyHighlights: ranges('body') };
}

function toHit(match: Match, query: ParsedQuery): SearchHit {
  const { article } = match;
  const { titleHighlights, bodyHighlights } = query.browse
    ? { titleHighlights: [], bodyHighlights: [] }
    : highlightsOf(match, query);
  return {
    id: article.id,
    path: article.path,
    folder: article.folder,
    title: article.title,
    date: article.date,
    source: article.source,
    author: article.author,
    format: article.format,
    score: match.score,
    titleHighlights,
    snippets: makeSnippets(article.body, bodyHighlights),
  };
}

function sortMatches(matches: Match[], sort: SortOrder): void {
  const byTitle = (a: Match, b: Match) => a.article.title.localeCompare(b.article.title);
  if (sort === 'relevance') {
    matches.sort((a, b) => b.score - a.score || compareDates(b, a) || byTitle(a, b));
    return;
  }
  const direction = sort === 'date-asc' ? 1 : -1;
  matches.sort((a, b) => {
    // Undated articles go last in either direction.
    if (!a.article.date !== !b.article.date) return a.article.date ? -1 : 1;
    return direction * compareDates(a, b) || b.score - a.score || byTitle(a, b);
  });
}

function compareDates(a: Match, b: Match): number {
  const x = a.article.date ?? '';
  const y = b.article.date ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
