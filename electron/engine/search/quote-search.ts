import type {
  FacetCount,
  Quotation,
  QuotationKind,
  QuoteGroup,
  QuoteSearchRequest,
  QuoteSearchResponse,
  QuoteSighting,
  Range,
  Result,
  SearchFilters,
} from '../../api';
import { QUOTATION_KINDS } from '../index/quote-columns';
import type { Shard } from '../index/shard';
import { QUOTATION_SCHEMA } from './fields';
import { filterMatches, Tally } from './filters';
import { runLunrQuery, type LibraryStats, type ShardMatches } from './lunr-query';
import { quotationsWithPhrase } from './phrases';
import { parseQuery, type ParsedQuery } from './query';
import { groupQuotations } from './quote-groups';
import { pageInOrder } from './rank';
import { mergeRanges, phraseRanges, termRanges, wordsOf } from './words';

const DEFAULT_LIMIT = 20;
const DEFAULT_KINDS: readonly QuotationKind[] = ['direct', 'transcript', 'block'];
const CACHED_ANSWERS = 4;

/** What the quote search needs of the library: its shards in service, and how to read an article's stored text. */
export interface QuoteLibrary {
  shards(): Shard[];
  /** Counts for scoring quotations across the library. */
  quotationStats(): LibraryStats;
  /** The quotations stored with an article, or null when its shard turned out damaged. */
  storedQuotations(shard: Shard, doc: number): Quotation[] | null;
}

/** The matching quotations, grouped, before paging. */
interface Answer {
  generation: number;
  query: ParsedQuery;
  quoteTerms: Set<string>;
  /** Group roots in order. */
  order: Int32Array;
  /** Per group root, its matching quotations as (shard, quotation) pairs, earliest first. */
  members: Map<number, number[]>;
  quotations: number;
  speakers: FacetCount[];
}

const yearsOfDates = new WeakMap<Shard, Float64Array>();

/** Each article's date as a number that sorts as the date does (YYYYMMDD, parts missing as 0); NaN when undated. */
function dateKeys(shard: Shard): Float64Array {
  let keys = yearsOfDates.get(shard);
  if (!keys) {
    keys = Float64Array.from(shard.docs.dates, (date) => {
      const parts = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
      return parts ? Number(parts[1]) * 10_000 + Number(parts[2] ?? 0) * 100 + Number(parts[3] ?? 0) : NaN;
    });
    yearsOfDates.set(shard, keys);
  }
  return keys;
}

/**
 * Searches the words of quotations across the library with the main
 * search's query language (words, +/-, phrases, wildcards, fuzzy words, and
 * `speaker:`), scoring each quotation as Lunr scores a document; narrows by
 * kind, speaker and the quoting articles' filters; counts speakers; and
 * groups the quotations whose words recur (see quote-groups.ts), so a page
 * is a page of groups, each listing where its words were said, earliest first.
 */
export class QuoteSearch {
  private groups: { generation: number; of: Int32Array[] } | null = null;
  private readonly answers = new Map<string, Answer>();

  constructor(private readonly library: QuoteLibrary) {}

  search(request: QuoteSearchRequest, generation: number): Result<QuoteSearchResponse> {
    const started = performance.now();
    const found = this.answer(request, generation);
    if (!found.ok) return found;
    const answer = found.value;
    const shards = this.library.shards();
    const offset = request.offset ?? 0;
    const limit = request.limit ?? DEFAULT_LIMIT;
    const page = Array.from(answer.order.subarray(offset, offset + limit), (root) =>
      this.group(shards, answer, answer.members.get(root)!),
    );
    return {
      ok: true,
      value: {
        query: request.query,
        total: answer.order.length,
        quotations: answer.quotations,
        offset,
        groups: page,
        speakers: answer.speakers,
        ms: performance.now() - started,
      },
    };
  }

  private answer(request: QuoteSearchRequest, generation: number): Result<Answer> {
    const key = JSON.stringify([
      request.query,
      request.speakers ?? [],
      request.kinds ?? DEFAULT_KINDS,
      request.filters ?? {},
      request.sort ?? 'relevance',
    ]);
    const cached = this.answers.get(key);
    if (cached && cached.generation === generation) return { ok: true, value: cached };
    const parsed = parseQuery(request.query, QUOTATION_SCHEMA);
    if (!parsed.ok) return parsed;
    const query = parsed.query;
    const shards = this.library.shards();
    const { matches, quoteTerms } = this.match(shards, query);
    const groupOf = this.groupsOf(shards, generation);
    const kinds = new Set(request.kinds ?? DEFAULT_KINDS);
    const kindAllowed = QUOTATION_KINDS.map((kind) => kinds.has(kind));
    const articleAllowed = articleFilter(shards, request.filters);
    const wanted = request.speakers?.length ? new Set(request.speakers) : null;
    const tally = new Tally();
    const best = new Map<number, number>();
    const members = new Map<number, number[]>();
    let quotations = 0;
    shards.forEach((shard, s) => {
      const table = shard.quotations;
      const { docs, scores } = matches[s]!;
      const speakerCounts = new Uint32Array(shard.speakers.length);
      const speakerAllowed = wanted ? shard.speakers.map((name) => wanted.has(name)) : null;
      for (let i = 0; i < docs.length; i++) {
        const q = docs[i]!;
        if (!kindAllowed[table.kind[q]!]) continue;
        if (articleAllowed && !articleAllowed[s]![table.doc[q]!]) continue;
        const code = table.speaker[q]!;
        if (code >= 0) speakerCounts[code]!++;
        if (speakerAllowed && (code < 0 || !speakerAllowed[code])) continue;
        quotations++;
        const root = groupOf[s]![q]!;
        best.set(root, Math.max(best.get(root) ?? -Infinity, scores[i]!));
        const list = members.get(root);
        if (list) list.push(s, q);
        else members.set(root, [s, q]);
      }
      tally.addCodes(shard.speakers, speakerCounts);
    });
    const dates = shards.map(dateKeys);
    const dateOf = (s: number, q: number) => dates[s]![shards[s]!.quotations.doc[q]!]!;
    // Earliest first, undated last; then in library order.
    const earlier = (list: number[], i: number, j: number) => {
      const x = dateOf(list[i]!, list[i + 1]!);
      const y = dateOf(list[j]!, list[j + 1]!);
      if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
      return x - y || list[i]! - list[j]! || list[i + 1]! - list[j + 1]!;
    };
    const firstDate = new Map<number, number>();
    for (const [root, list] of members) {
      const pairs = Array.from({ length: list.length / 2 }, (_, k) => k * 2);
      pairs.sort((i, j) => earlier(list, i, j));
      const sorted = pairs.flatMap((i) => [list[i]!, list[i + 1]!]);
      members.set(root, sorted);
      firstDate.set(root, dateOf(sorted[0]!, sorted[1]!));
    }
    const roots = Int32Array.from(members.keys());
    const sort = request.sort ?? 'relevance';
    const byDate = (a: number, b: number) => {
      const x = firstDate.get(a)!;
      const y = firstDate.get(b)!;
      if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
      return sort === 'date-desc' ? y - x : x - y;
    };
    const compare = (i: number, j: number) => {
      const a = roots[i]!;
      const b = roots[j]!;
      const order =
        sort === 'relevance'
          ? best.get(b)! - best.get(a)! || byDate(a, b)
          : byDate(a, b) || best.get(b)! - best.get(a)!;
      return order || a - b;
    };
    const order = Int32Array.from(pageInOrder(roots.length, 0, roots.length, compare), (i) => roots[i]!);
    const answer: Answer = {
      generation,
      query,
      quoteTerms,
      order,
      members,
      quotations,
      speakers: tally.list(request.speakers),
    };
    this.answers.set(key, answer);
    if (this.answers.size > CACHED_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    return { ok: true, value: answer };
  }

  /** The quotations matching a query in each shard, with their scores; every one for a blank query. */
  private match(
    shards: readonly Shard[],
    query: ParsedQuery,
  ): { matches: ShardMatches[]; quoteTerms: Set<string> } {
    const every = (shard: Shard): ShardMatches => {
      const table = shard.quotations;
      const docs: number[] = [];
      for (let q = 0; q < table.count; q++) if (table.isLive(q)) docs.push(q);
      return { docs: Int32Array.from(docs), scores: new Float64Array(docs.length) };
    };
    if (query.browse) return { matches: shards.map(every), quoteTerms: new Set() };
    if (query.clauses.length === 0 && query.phrases.length === 0) {
      return {
        matches: shards.map(() => ({ docs: new Int32Array(0), scores: new Float64Array(0) })),
        quoteTerms: new Set(),
      };
    }
    const result =
      query.clauses.length > 0
        ? runLunrQuery(
            shards.map((shard) => shard.quotations),
            query.clauses,
            this.library.quotationStats(),
            QUOTATION_SCHEMA,
          )
        : { shards: shards.map(every), fieldTerms: [new Set<string>()] };
    const quoteTerms = new Set([...result.fieldTerms[0]!].filter((term) => !query.phraseOnlyTerms.has(term)));
    if (query.phrases.length === 0) return { matches: result.shards, quoteTerms };
    const phrasesOnly = query.clauses.length === 0;
    const matches = shards.map((shard, s) => {
      const base = result.shards[s]!;
      const within = new Uint8Array(shard.count);
      for (let i = 0; i < base.docs.length; i++) within[shard.quotations.doc[base.docs[i]!]!] = 1;
      const found = query.phrases.map((phrase) => quotationsWithPhrase(shard, phrase, within));
      const docs: number[] = [];
      const scores: number[] = [];
      for (let i = 0; i < base.docs.length; i++) {
        const q = base.docs[i]!;
        if (!query.phrases.every((phrase, p) => found[p]!.has(q) !== phrase.prohibited)) continue;
        docs.push(q);
        scores.push(
          phrasesOnly ? query.phrases.filter((phrase) => !phrase.prohibited).length : base.scores[i]!,
        );
      }
      return { docs: Int32Array.from(docs), scores: Float64Array.from(scores) };
    });
    return { matches, quoteTerms };
  }

  private groupsOf(shards: readonly Shard[], generation: number): Int32Array[] {
    if (this.groups?.generation !== generation) this.groups = { generation, of: groupQuotations(shards) };
    return this.groups.of;
  }

  private group(shards: readonly Shard[], answer: Answer, members: readonly number[]): QuoteGroup {
    const sightings: QuoteSighting[] = [];
    let speaker: string | null = null;
    for (let k = 0; k < members.length; k += 2) {
      const shard = shards[members[k]!]!;
      const q = members[k + 1]!;
      const sighting = this.sighting(shard, q, answer);
      if (!sighting) continue;
      speaker ??= sighting.quotation.speaker;
      sightings.push(sighting);
    }
    return { speaker, sightings };
  }

  private sighting(shard: Shard, q: number, answer: Answer): QuoteSighting | null {
    const table = shard.quotations;
    const doc = table.doc[q]!;
    const stored = this.library.storedQuotations(shard, doc);
    const quotation = stored?.find((each) => each.start === table.start[q] && each.end === table.end[q]);
    if (!quotation) return null;
    const d = shard.docs;
    return {
      articleId: d.ids[doc]!,
      title: d.titles[doc]!,
      date: d.dates[doc] ?? null,
      source: d.source[doc]! >= 0 ? d.sources[d.source[doc]!]! : null,
      path: d.paths[doc]!,
      format: d.formats[d.format[doc]!] as QuoteSighting['format'],
      quotation,
      highlights: quoteHighlights(quotation.text, answer),
    };
  }
}

/** Ranges of a quotation's text that the query matched: its words' terms and its required phrases. */
function quoteHighlights(text: string, answer: Answer): Range[] {
  const words = wordsOf(text);
  const ranges = termRanges(words, answer.quoteTerms);
  for (const phrase of answer.query.phrases) {
    if (!phrase.prohibited && phrase.fields.includes('quote'))
      ranges.push(...phraseRanges(words, phrase.words));
  }
  return mergeRanges(ranges);
}

/** Per shard, which articles pass the article filters; null when none is set. */
function articleFilter(
  shards: readonly Shard[],
  filters: QuoteSearchRequest['filters'],
): Uint8Array[] | null {
  const set: SearchFilters = { ...filters };
  delete set.speakers;
  const active = Object.values(set).some((value) =>
    Array.isArray(value) ? value.length > 0 : Boolean(value),
  );
  if (!active) return null;
  const every = shards.map((shard) => {
    const docs: number[] = [];
    for (let doc = 0; doc < shard.count; doc++) if (shard.isLive(doc)) docs.push(doc);
    return { docs: Int32Array.from(docs), scores: new Float64Array(docs.length) };
  });
  return filterMatches(shards, every, set).matches.map((match, s) => {
    const allowed = new Uint8Array(shards[s]!.count);
    for (let i = 0; i < match.docs.length; i++) allowed[match.docs[i]!] = 1;
    return allowed;
  });
}
