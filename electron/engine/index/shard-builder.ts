import type { Quotation } from '../../api';
import type { Article } from '../ingest/article';
import { findArticleQuotations } from '../quotes/article-quotes';
import { Analyzer, IntList } from './analyzer';
import { ByteWriter } from './bytes';
import { encodeSections, type SectionValue } from './sections';
import { TextStoreWriter } from './text-store';
import { chunkCrcs } from './byte-source';
import { DocColumns } from './doc-columns';
import { ARTICLE_FIELDS, QUOTATION_FIELDS, QUOTATION_FIELD_PREFIX } from './fields';
import { pipelineLanguage } from './languages';
import { QuoteColumns } from './quote-columns';
import { stringHash } from './quote-prints';

/** Bumped whenever the layout of shard files or the index pipeline changes. */
export const SHARD_FORMAT_VERSION = 8;

/** The three files of a shard, as bytes. */
export interface ShardBytes {
  /** Searched at open: dictionary, postings, field lengths, article metadata. */
  index: Uint8Array;
  /** Article bodies in deflated blocks, read for the articles shown. */
  text: Uint8Array;
  /** Word positions for exact phrases, read for phrase queries. */
  positions: Uint8Array;
}

const [TITLE, BODY, SPEAKER, QUOTE] = [0, 1, 2, 3];
const [QUOTATION_WORDS, QUOTATION_SPEAKER] = [0, 1];
/** Fields whose postings list only the terms they hold: few terms of the dictionary are spoken or quoted. */
const SPARSE = new Set(['speaker', 'quote']);
/** The article `quote` field's postings are the quotations' own, summed per article when a shard opens (quote-table.ts). */
const DERIVED = new Set<string>(['quote']);
const EMPTY = new Int32Array(0);
/** Numbers the analyzer gives per token in `placeBuffer`: start, end, phrase words and terms up to its end. */
const PLACE = 4;

/**
 * Builds one shard from articles, without Lunr's object model: Lunr's
 * tokenizer and pipeline (through the Analyzer) give per-field term
 * frequencies and lengths, written as delta-coded postings under a sorted
 * term dictionary; every word (stop words too) is written with its position
 * for exact phrases; bodies go to the compressed text store. Scores are not
 * computed here: they depend on library-wide statistics, known at query time.
 *
 * Occurrences are gathered as flat integer triples and grouped by term with
 * one counting sort at the end: no object or array per term while adding.
 */
export class ShardBuilder {
  /** Per article field: (term, article, term frequency) triples. */
  private readonly postings = ARTICLE_FIELDS.map(() => new IntList());
  /** Per quotation field: (term, quotation, term frequency) triples. */
  private readonly quotationPostings = QUOTATION_FIELDS.map(() => new IntList());
  /**
   * Every article's phrase words in order, title then body, with -1 for the
   * unused position between them: a word's position is its place in its
   * article's run, which starts at `wordRuns[article]`.
   */
  private readonly words = new IntList();
  private readonly wordRuns = new IntList();
  private readonly lengths: number[][] = ARTICLE_FIELDS.map(() => []);
  private readonly quotationLengths: number[][] = QUOTATION_FIELDS.map(() => []);
  private readonly titleWords: number[] = [];
  private readonly columns = new DocColumns();
  private readonly quotes = new QuoteColumns();
  private readonly text = new TextStoreWriter();
  private readonly termBuffer = new IntList();
  private readonly normBuffer = new IntList();
  private readonly placeBuffer = new IntList();
  private readonly spokenTerms = new IntList();
  private readonly speakerTerms = new Map<string, Int32Array>();
  private readonly aloneNorms = new IntList();
  private normHashes = new Int32Array(1024);
  private wordHashes = new Int32Array(256);
  private hashedNorms = 0;
  private tf = new Int32Array(1024);
  private readonly touched = new IntList();
  /** The pipelines its articles were indexed with: queries run through each of the library's. */
  private readonly languages = new Set<string>();
  private count = 0;

  constructor(private readonly analyzer: Analyzer = new Analyzer()) {}

  /**
   * Adds articles, numbered in the order added. Their quotations are found
   * here unless they carry them already (an article carried over from a
   * shard keeps those found before). Each stage runs over all the articles
   * given before the next starts: quotations, stored text, then the index
   * terms, so that each stage's tables stay in the processor's caches.
   */
  add(articles: readonly Article[]): void {
    // Loops, not callbacks: a closure made per call loses its optimised code at each full collection.
    const quotations: Quotation[][] = [];
    for (const article of articles) quotations.push(article.quotations ?? findArticleQuotations(article));
    for (let i = 0; i < articles.length; i++) this.store(articles[i]!, quotations[i]!);
    for (let i = 0; i < articles.length; i++) this.index(articles[i]!, quotations[i]!);
  }

  private store(article: Article, quotations: Quotation[]): void {
    this.columns.add(article);
    this.text.add({
      body: article.body,
      blocks: article.blocks,
      url: article.url,
      tags: article.tags,
      quotations,
      ...(article.language !== undefined ? { language: article.language } : {}),
      ...(article.sourceMap ? { sourceMap: article.sourceMap } : {}),
      ...(article.locator !== undefined ? { locator: article.locator } : {}),
    });
  }

  private index(article: Article, quotations: readonly Quotation[]): void {
    const doc = this.count++;
    const language = pipelineLanguage(article.language);
    this.languages.add(language);
    this.wordRuns.push(this.words.length);
    const titleWords = this.addField(TITLE, doc, article.title, language);
    this.titleWords.push(titleWords);
    // One unused position between title and body, so a phrase never runs from one into the other.
    this.words.push(-1);
    this.addField(BODY, doc, article.body, language);
    this.addQuotations(doc, article.body, quotations, titleWords + 1, language);
  }

  /** Indexes one field of article `doc`; gives the number of phrase words in it. */
  private addField(field: number, doc: number, text: string, language: string): number {
    const terms = this.termBuffer;
    const norms = this.normBuffer;
    this.analyzer.analyse(text, terms, norms, language, field === BODY ? this.placeBuffer : undefined);
    this.lengths[field]!.push(this.countTerms(this.postings[field]!, doc, terms.values, 0, terms.length));
    const words = this.words;
    for (let i = 0; i < norms.length; i++) words.push(norms.values[i]!);
    return norms.length;
  }

  /**
   * Adds (term, doc, tf) triples for the terms in terms[from, to) (stop words,
   * -1, left out) to `postings`; gives how many terms there were.
   */
  private countTerms(
    postings: IntList,
    doc: number,
    terms: ArrayLike<number>,
    from: number,
    to: number,
  ): number {
    if (this.tf.length < this.analyzer.terms.length) {
      const grown = new Int32Array(Math.max(this.tf.length * 2, this.analyzer.terms.length));
      grown.set(this.tf);
      this.tf = grown;
    }
    const tf = this.tf;
    const touched = this.touched;
    touched.length = 0;
    let length = 0;
    for (let i = from; i < to; i++) {
      const term = terms[i]!;
      if (term < 0) continue;
      length++;
      if (tf[term] === 0) touched.push(term);
      tf[term]!++;
    }
    for (let i = 0; i < touched.length; i++) {
      const term = touched.values[i]!;
      postings.push(term);
      postings.push(doc);
      postings.push(tf[term]!);
      tf[term] = 0;
    }
    return length;
  }

  /**
   * Indexes the quotations of article `doc` from the body just analysed: each
   * quotation's words and speaker as a document of its own (for the quote
   * search), the words of all but scare quotes and their speakers as the
   * article's `quote` and `speaker` fields, and the quote table's rows.
   */
  private addQuotations(
    doc: number,
    body: string,
    quotations: readonly Quotation[],
    base: number,
    language: string,
  ): void {
    const terms = this.termBuffer.values;
    const places = this.placeBuffer;
    const tokens = places.length / PLACE;
    const spoken = this.spokenTerms;
    spoken.length = 0;
    let token = 0;
    let quotedLength = 0;
    for (const quotation of quotations) {
      const p = places.values;
      while (token < tokens && p[token * PLACE + 1]! <= quotation.start) token++;
      let end = token;
      while (end < tokens && p[end * PLACE]! < quotation.end) end++;
      // Lower-casing changed the body's length, so no token has a place: the quotation is analysed alone.
      const own = tokens === 0 && body.length > 0;
      const words = own ? this.analyseAlone(body.slice(quotation.start, quotation.end), language) : null;
      const from = own ? 0 : token > 0 ? p[(token - 1) * PLACE + 2]! : 0;
      const to = Math.max(from, own ? this.aloneNorms.length : end > 0 ? p[(end - 1) * PLACE + 2]! : 0);
      const q = this.quotes.add(doc, quotation, {
        wordStart: own ? 0 : base + from,
        wordEnd: own ? 0 : base + to,
        hashes: this.hashWords(own ? this.aloneNorms : this.normBuffer, from, to),
        from: 0,
        to: to - from,
      });
      const quotedFrom = words ?? terms;
      // A token may give two terms (a word with accents), so its terms are counted apart from its place.
      const termFrom = words ? 0 : token > 0 ? p[(token - 1) * PLACE + 3]! : 0;
      const termTo = words ? words.length : end > 0 ? p[(end - 1) * PLACE + 3]! : 0;
      this.quotationLengths[QUOTATION_WORDS]!.push(
        this.countTerms(this.quotationPostings[QUOTATION_WORDS]!, q, quotedFrom, termFrom, termTo),
      );
      const speaker = quotation.speaker === null ? EMPTY : this.termsOfSpeaker(quotation.speaker, language);
      this.quotationLengths[QUOTATION_SPEAKER]!.push(
        this.countTerms(this.quotationPostings[QUOTATION_SPEAKER]!, q, speaker, 0, speaker.length),
      );
      if (quotation.kind !== 'scare') {
        for (let i = termFrom; i < termTo; i++) if (quotedFrom[i]! >= 0) quotedLength++;
        for (const term of speaker) spoken.push(term);
      }
    }
    this.quotes.endArticle(quotations);
    this.lengths[QUOTE]!.push(quotedLength);
    this.lengths[SPEAKER]!.push(
      this.countTerms(this.postings[SPEAKER]!, doc, spoken.values, 0, spoken.length),
    );
  }

  /** The index terms of a text analysed on its own (its phrase words are left in `aloneNorms`). */
  private analyseAlone(text: string, language: string): Int32Array {
    const terms = new IntList();
    this.analyzer.analyse(text, terms, this.aloneNorms, language);
    return terms.values.slice(0, terms.length);
  }

  /** The index terms of a speaker's name in an article's language, analysed once per shard. */
  private termsOfSpeaker(speaker: string, language: string): Int32Array {
    const key = `${language}\u0000${speaker}`;
    let terms = this.speakerTerms.get(key);
    if (!terms) {
      terms = this.analyseAlone(speaker, language);
      this.speakerTerms.set(key, terms);
    }
    return terms;
  }

  /**
   * The hashes of the phrase words norms[from, to), each word's string hashed
   * once per analyzer, in a buffer reused by the next call.
   */
  private hashWords(norms: IntList, from: number, to: number): Int32Array {
    const strings = this.analyzer.norms;
    if (this.hashedNorms < strings.length) {
      if (this.normHashes.length < strings.length) {
        const grown = new Int32Array(Math.max(strings.length, this.normHashes.length * 2));
        grown.set(this.normHashes);
        this.normHashes = grown;
      }
      for (let id = this.hashedNorms; id < strings.length; id++)
        this.normHashes[id] = stringHash(strings[id]!);
      this.hashedNorms = strings.length;
    }
    if (this.wordHashes.length < to - from)
      this.wordHashes = new Int32Array(Math.max(to - from, this.wordHashes.length * 2));
    const out = this.wordHashes;
    for (let i = from; i < to; i++) out[i - from] = this.normHashes[norms.values[i]!]!;
    return out;
  }

  get size(): number {
    return this.count;
  }

  /** Writes out the shard's three files. */
  finish(): ShardBytes {
    const { bytes: text, layout } = this.text.finish();
    const sections: Record<string, SectionValue> = {
      titleWords: Uint32Array.from(this.titleWords),
      ...this.columns.sections(),
      ...this.quotes.sections(),
      textOffsets: layout.offsets,
      textCrcs: layout.crcs,
      textLocations: layout.locations,
    };
    const termCount = this.analyzer.terms.length;
    const fields = [
      ...ARTICLE_FIELDS.map((name, f) => ({ name, triples: this.postings[f]!, lengths: this.lengths[f]! })),
      ...QUOTATION_FIELDS.map((name, f) => ({
        name: QUOTATION_FIELD_PREFIX + name,
        triples: this.quotationPostings[f]!,
        lengths: this.quotationLengths[f]!,
      })),
    ].map((field) => ({ ...field, ...groupTriples(field.triples, termCount) }));
    const termIds = sortedIds(
      fields.flatMap((field) => field.present),
      this.analyzer.terms,
    );
    const slotOf = new Int32Array(termCount).fill(-1);
    for (let i = 0; i < termIds.length; i++) slotOf[termIds[i]!] = i;
    for (const { name, lengths, starts, seconds, thirds, present } of fields) {
      sections[`${name}Length`] = Uint32Array.from(lengths);
      if (DERIVED.has(name)) continue;
      // A sparse field lists the dictionary numbers of its terms; a dense one has a slot for every term.
      const sparse = SPARSE.has(name.replace(QUOTATION_FIELD_PREFIX, ''));
      const ids = sparse ? slotsOf(present, slotOf) : null;
      const list = ids ? idsAt(ids, termIds) : termIds;
      const offsets = new Uint32Array(list.length + 1);
      const df = new Uint32Array(list.length);
      const out = new ByteWriter(1 << 12);
      for (let i = 0; i < list.length; i++) {
        const id = list[i]!;
        offsets[i] = out.length;
        let last = 0;
        for (let k = starts[id]!; k < starts[id + 1]!; k++) {
          const doc = seconds[k]!;
          out.varint(doc - last);
          out.varint(thirds[k]!);
          last = doc;
        }
        df[i] = starts[id + 1]! - starts[id]!;
      }
      offsets[list.length] = out.length;
      if (ids) sections[`${name}Terms`] = Uint32Array.from(ids);
      sections[`${name}Offsets`] = offsets;
      sections[`${name}Df`] = df;
      sections[`${name}Postings`] = out.view();
    }
    const positions = this.encodePositions(sections);
    const meta = {
      count: this.count,
      quotations: this.quotes.count,
      terms: termIds.length,
      norms: (sections.normDocs as Uint32Array).length,
      languages: [...this.languages].sort(),
      docs: this.columns.meta(),
      speakers: this.quotes.speakers.values,
    };
    sections.terms = new TextEncoder().encode(idsAt(termIds, this.analyzer.terms).join('\n'));
    return { index: encodeSections(SHARD_FORMAT_VERSION, meta, sections), text, positions };
  }

  /**
   * Per phrase word: the articles holding it (article delta, bytes of its
   * positions) then the positions themselves (deltas), so a phrase query can
   * skip the positions of articles it has already ruled out.
   */
  private encodePositions(sections: Record<string, SectionValue>): Uint8Array {
    const {
      starts,
      seconds: docsOf,
      thirds: positionsOf,
      present,
    } = groupWords(this.words, this.wordRuns, this.analyzer.norms.length);
    const normIds = sortedIds(present, this.analyzer.norms);
    const out = new ByteWriter(1 << 16);
    const docs = new ByteWriter(1024);
    const positions = new ByteWriter(1024);
    const normOffsets = new Uint32Array(normIds.length + 1);
    const normDocs = new Uint32Array(normIds.length);
    const normDocBytes = new Uint32Array(normIds.length);
    for (let i = 0; i < normIds.length; i++) {
      const id = normIds[i]!;
      docs.length = 0;
      positions.length = 0;
      let lastDoc = 0;
      let docCount = 0;
      const end = starts[id + 1]!;
      for (let k = starts[id]!; k < end;) {
        const doc = docsOf[k]!;
        const from = positions.length;
        let last = 0;
        for (; k < end && docsOf[k] === doc; k++) {
          const position = positionsOf[k]!;
          positions.varint(position - last);
          last = position;
        }
        docs.varint(doc - lastDoc);
        docs.varint(positions.length - from);
        lastDoc = doc;
        docCount++;
      }
      normOffsets[i] = out.length;
      normDocs[i] = docCount;
      normDocBytes[i] = docs.length;
      out.write(docs.view());
      out.write(positions.view());
    }
    normOffsets[normIds.length] = out.length;
    const bytes = out.view();
    Object.assign(sections, {
      norms: new TextEncoder().encode(idsAt(normIds, this.analyzer.norms).join('\n')),
      normOffsets,
      normDocs,
      normDocBytes,
      positionCrcs: chunkCrcs(bytes),
    });
    return bytes;
  }
}

/** The slots of `ids` (numbers of terms) in a dictionary, in ascending order. */
function slotsOf(ids: readonly number[], slotOf: Int32Array): number[] {
  const slots = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) slots[i] = slotOf[ids[i]!]!;
  return Array.from(slots.sort());
}

/** The values at `indexes`, in their order. */
function idsAt<T>(indexes: readonly number[], values: readonly T[]): T[] {
  const out = new Array<T>(indexes.length);
  for (let i = 0; i < indexes.length; i++) out[i] = values[indexes[i]!]!;
  return out;
}

/**
 * Groups triples by their first value with a stable counting sort: for key
 * k, `seconds` and `thirds` hold the other two values of its triples, in the
 * order added, from `starts[k]` to `starts[k+1]`. The values are moved, not
 * indexed: the writing that follows then reads memory in order.
 */
function groupTriples(
  triples: IntList,
  keys: number,
): { starts: Int32Array; seconds: Int32Array; thirds: Int32Array; present: number[] } {
  const count = triples.length / 3;
  const starts = new Int32Array(keys + 1);
  const values = triples.values;
  for (let i = 0; i < count; i++) starts[values[i * 3]! + 1]!++;
  const present = countsToStarts(starts, keys);
  const next = starts.slice(0, keys);
  const seconds = new Int32Array(count);
  const thirds = new Int32Array(count);
  for (let i = 0; i < count * 3; i += 3) {
    const at = next[values[i]!]!++;
    seconds[at] = values[i + 1]!;
    thirds[at] = values[i + 2]!;
  }
  return { starts, seconds, thirds, present };
}

/**
 * Turns per-key counts, held at `starts[k + 1]`, into where each key's
 * values start; gives the keys that have any, in order.
 */
function countsToStarts(starts: Int32Array, keys: number): number[] {
  const present: number[] = [];
  for (let k = 0; k < keys; k++) {
    if (starts[k + 1]! > 0) present.push(k);
    starts[k + 1]! += starts[k]!;
  }
  return present;
}

/**
 * Groups the articles' runs of phrase words by word, as `groupTriples` groups
 * (word, article, position) triples: for word k, `seconds` and `thirds` hold
 * the article and position of each place it stands, in article and position
 * order, from `starts[k]` to `starts[k+1]`. Kept as runs, a word costs one
 * number while articles are added rather than three.
 */
function groupWords(
  words: IntList,
  runs: IntList,
  keys: number,
): { starts: Int32Array; seconds: Int32Array; thirds: Int32Array; present: number[] } {
  const values = words.values;
  const starts = new Int32Array(keys + 1);
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    const word = values[i]!;
    if (word < 0) continue;
    starts[word + 1]!++;
    count++;
  }
  const present = countsToStarts(starts, keys);
  const next = starts.slice(0, keys);
  const seconds = new Int32Array(count);
  const thirds = new Int32Array(count);
  for (let doc = 0; doc < runs.length; doc++) {
    const from = runs.values[doc]!;
    const to = doc + 1 < runs.length ? runs.values[doc + 1]! : words.length;
    for (let i = from; i < to; i++) {
      const word = values[i]!;
      if (word < 0) continue;
      const at = next[word]!++;
      seconds[at] = doc;
      thirds[at] = i - from;
    }
  }
  return { starts, seconds, thirds, present };
}

/**
 * The order of a list of strings that only grows (an analyzer's terms or
 * phrase words), in JavaScript's (UTF-16) order, which lookups use. Each
 * shard a thread builds lists most of the strings the shards before it did,
 * so only the strings added since are sorted, then merged in.
 */
class StringOrder {
  /** Ids by the order of their strings. */
  private sorted: number[] = [];
  /** Each id's place in `sorted`. */
  private rank = new Int32Array(0);

  constructor(private readonly strings: readonly string[]) {}

  /** The ids listed, once each, ordered by their strings. */
  of(ids: readonly number[]): number[] {
    this.catchUp();
    const ranks = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) ranks[i] = this.rank[ids[i]!]!;
    ranks.sort();
    const out: number[] = [];
    for (let i = 0; i < ranks.length; i++) {
      if (i === 0 || ranks[i] !== ranks[i - 1]) out.push(this.sorted[ranks[i]!]!);
    }
    return out;
  }

  private catchUp(): void {
    const { strings, sorted } = this;
    if (sorted.length === strings.length) return;
    const byString = (a: number, b: number) => {
      const x = strings[a]!;
      const y = strings[b]!;
      return x < y ? -1 : x > y ? 1 : 0;
    };
    const added = Array.from({ length: strings.length - sorted.length }, (_, i) => sorted.length + i).sort(
      byString,
    );
    const merged = new Array<number>(strings.length);
    let a = 0;
    let b = 0;
    for (let out = 0; out < merged.length; out++) {
      merged[out] =
        b >= added.length || (a < sorted.length && byString(sorted[a]!, added[b]!) <= 0)
          ? sorted[a++]!
          : added[b++]!;
    }
    const rank = new Int32Array(strings.length);
    for (let r = 0; r < merged.length; r++) rank[merged[r]!] = r;
    this.sorted = merged;
    this.rank = rank;
  }
}

/** Per analyzer (one per thread), the order of its terms and of its phrase words. */
const orders = new WeakMap<readonly string[], StringOrder>();

/** The ids listed, once each, ordered by their strings in JavaScript's (UTF-16) order, which lookups use. */
function sortedIds(ids: readonly number[], strings: readonly string[]): number[] {
  let order = orders.get(strings);
  if (!order) orders.set(strings, (order = new StringOrder(strings)));
  return order.of(ids);
}
