import type {
  FacetCount,
  Quotation,
  QuotationKind,
  QuoteGroup,
  QuoteSearchRequest,
  QuoteSearchResponse,
  QuoteSighting,
  QuoteSortOrder,
  Range,
  Result,
  SearchFilters,
} from '../../api';
import { QUOTATION_KINDS } from '../index/quote-columns';
import type { Shard } from '../index/shard';
import { QUOTATION_SCHEMA } from './fields';
import { filterMatches, speakerTally } from './filters';
import { runLunrQuery, type LibraryStats, type ShardMatches } from './lunr-query';
import { quotationsWithPhrase } from './phrases';
import { parseQuery, type ParsedQuery } from './query';
import { groupQuotations } from './quote-groups';
import { pageInOrder } from './rank';
import { mergeRanges, phraseRanges, termRanges } from './words';
import { speakersCalled } from './speaker-names';

const DEFAULT_LIMIT = 20;
const DEFAULT_KINDS: readonly QuotationKind[] = ['direct', 'transcript', 'block'];
const CACHED_ANSWERS = 4;

/** What the quote search needs of the library: its shards in service, and how to read an article's stored text. */
export interface QuoteLibrary {
  shards(): Shard[];
  /** Counts for scoring quotations across the library. */
  quotationStats(): LibraryStats;
  /** The pipelines of the library's languages, English first (Searcher#languages). */
  languages(): string[];
  /**
   * The quotations stored with an article and the pipeline its language was
   * indexed with, or null when its shard turned out damaged.
   */
  storedQuotations(shard: Shard, doc: number): { quotations: Quotation[]; language: string } | null;
}

/** The matching quotations, grouped, before paging. */
interface Answer {
  generation: number;
  query: ParsedQuery;
  quoteTerms: Set<string>;
  sort: QuoteSortOrder;
  quotations: number;
  speakers: FacetCount[];
  /** Start of each shard's quotations in the library-wide numbering. */
  bases: number[];
  /** The matching groups: per group, its best score and first date key (Infinity when undated). */
  best: Float64Array;
  first: Float64Array;
  /** Group i's matching quotations (library-wide numbers) are members[memberStarts[i] .. memberStarts[i + 1]]. */
  memberStarts: Int32Array;
  members: Int32Array;
}

const yearsOfDates = new WeakMap<Shard, Float64Array>();

/** Each article's date as a number that sorts as the date does (YYYYMMDD, parts missing as 0); Infinity when undated. */
function dateKeys(shard: Shard): Float64Array {
  let keys = yearsOfDates.get(shard);
  if (!keys) {
    keys = Float64Array.from(shard.docs.dates, (date) => {
      const parts = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
      return parts
        ? Number(parts[1]) * 10_000 + Number(parts[2] ?? 0) * 100 + Number(parts[3] ?? 0)
        : Infinity;
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

  /** The library's speakers a name typed by hand stands for (see speaker-names.ts). */
  speakersCalled(name: string): string[] {
    return speakersCalled(
      name,
      this.library.shards().flatMap((shard) => shard.speakers),
    );
  }

  search(request: QuoteSearchRequest, generation: number): Result<QuoteSearchResponse> {
    const started = performance.now();
    const found = this.answer(request, generation);
    if (!found.ok) return found;
    const answer = found.value;
    const shards = this.library.shards();
    const offset = request.offset ?? 0;
    const limit = request.limit ?? DEFAULT_LIMIT;
    const page = pageInOrder(answer.best.length, offset, limit, groupOrder(answer)).map((i) =>
      this.group(shards, answer, i),
    );
    return {
      ok: true,
      value: {
        query: request.query,
        total: answer.best.length,
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
    const parsed = parseQuery(request.query, QUOTATION_SCHEMA, this.library.languages());
    if (!parsed.ok) return parsed;
    const query = parsed.query;
    const shards = this.library.shards();
    const { matches, quoteTerms } = this.match(shards, query);
    const groupOf = this.groupsOf(shards, generation);
    const kinds = new Set(request.kinds ?? DEFAULT_KINDS);
    const kindAllowed = QUOTATION_KINDS.map((kind) => kinds.has(kind));
    const articleAllowed = articleFilter(shards, request.filters);
    const wanted = request.speakers?.length ? new Set(request.speakers) : null;
    const tally = speakerTally();
    const bases: number[] = [];
    let total = 0;
    for (const shard of shards) {
      bases.push(total);
      total += shard.quotations.count;
    }
    // Each matching group gets a number in the order first met; `slot` maps its root to it.
    const slot = new Int32Array(total).fill(-1);
    const passing: number[] = [];
    const passingGroup: number[] = [];
    const best: number[] = [];
    const first: number[] = [];
    shards.forEach((shard, s) => {
      const table = shard.quotations;
      const dates = dateKeys(shard);
      const { docs, scores } = matches[s]!;
      const speakerCodes = tally.codesOf(shard.speakers);
      const speakerAllowed = wanted ? shard.speakers.map((name) => wanted.has(name)) : null;
      for (let i = 0; i < docs.length; i++) {
        const q = docs[i]!;
        if (!kindAllowed[table.kind[q]!]) continue;
        const doc = table.doc[q]!;
        if (articleAllowed && !articleAllowed[s]![doc]) continue;
        const code = table.speaker[q]!;
        if (code >= 0) tally.add(speakerCodes[code]!);
        if (speakerAllowed && (code < 0 || !speakerAllowed[code])) continue;
        const root = groupOf[s]![q]!;
        let group = slot[root]!;
        if (group < 0) {
          slot[root] = group = best.length;
          best.push(-Infinity);
          first.push(Infinity);
        }
        best[group] = Math.max(best[group]!, scores[i]!);
        const date = dates[doc]!;
        if (date < first[group]!) first[group] = date;
        passing.push(bases[s]! + q);
        passingGroup.push(group);
      }
    });
    // The members of each group together, by a counting sort on the group number.
    const memberStarts = new Int32Array(best.length + 1);
    for (const group of passingGroup) memberStarts[group + 1]!++;
    for (let i = 0; i < best.length; i++) memberStarts[i + 1]! += memberStarts[i]!;
    const next = memberStarts.slice(0, best.length);
    const members = new Int32Array(passing.length);
    passing.forEach((g, k) => (members[next[passingGroup[k]!]!++] = g));
    const answer: Answer = {
      generation,
      query,
      quoteTerms,
      sort: request.sort ?? 'relevance',
      quotations: passing.length,
      speakers: tally.list(request.speakers),
      bases,
      best: Float64Array.from(best),
      first: Float64Array.from(first),
      memberStarts,
      members,
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
            query.languages,
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

  /** Group `i` of an answer: its matching quotations, earliest first (undated last, then in library order). */
  private group(shards: readonly Shard[], answer: Answer, i: number): QuoteGroup {
    const where = Array.from(
      answer.members.subarray(answer.memberStarts[i]!, answer.memberStarts[i + 1]!),
      (g) => {
        let s = answer.bases.length - 1;
        while (answer.bases[s]! > g) s--;
        const q = g - answer.bases[s]!;
        return { g, s, q, date: dateKeys(shards[s]!)[shards[s]!.quotations.doc[q]!]! };
      },
    );
    where.sort((a, b) => a.date - b.date || a.g - b.g);
    const sightings: QuoteSighting[] = [];
    let speaker: string | null = null;
    for (const { s, q } of where) {
      const sighting = this.sighting(shards[s]!, q, answer);
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
    const quotation = stored?.quotations[q - table.ofArticle(doc)[0]];
    if (!stored || !quotation) return null;
    const d = shard.docs;
    return {
      articleId: d.ids.get(doc),
      title: d.titles.get(doc),
      date: d.dates[doc] ?? null,
      source: d.source[doc]! >= 0 ? d.sources[d.source[doc]!]! : null,
      path: d.paths.get(doc),
      format: d.formats[d.format[doc]!] as QuoteSighting['format'],
      quotation,
      highlights: quoteHighlights(quotation.text, answer, stored.language),
    };
  }
}

/** The order of an answer's groups: by best score or by the date their words were first said, undated last. */
function groupOrder(answer: Answer): (i: number, j: number) => number {
  const { best, first, sort } = answer;
  const byDate = (i: number, j: number) => {
    const x = first[i]!;
    const y = first[j]!;
    if ((x === Infinity) !== (y === Infinity)) return x === Infinity ? 1 : -1;
    if (x === y) return 0;
    return sort === 'date-desc' ? y - x : x - y;
  };
  const byScore = (i: number, j: number) => best[j]! - best[i]!;
  return sort === 'relevance'
    ? (i, j) => byScore(i, j) || byDate(i, j) || i - j
    : (i, j) => byDate(i, j) || byScore(i, j) || i - j;
}

/** Ranges of a quotation's text that the query matched: its words' terms and its required phrases. */
function quoteHighlights(text: string, answer: Answer, language: string): Range[] {
  const ranges = termRanges(text, answer.quoteTerms, language);
  for (const phrase of answer.query.phrases) {
    if (!phrase.prohibited && phrase.fields.includes('quote'))
      ranges.push(...phraseRanges(text, phrase.words));
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
