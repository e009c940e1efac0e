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
import { QuoteColumns } from './quote-columns';
import { stringHash } from './quote-prints';

/** Bumped whenever the layout of shard files or the index pipeline changes. */
export const SHARD_FORMAT_VERSION = 5;

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
const EMPTY = new Int32Array(0);

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
  /** (phrase word, article, position) triples; positions count every word, title then body. */
  private readonly occurrences = new IntList();
  private readonly lengths: number[][] = ARTICLE_FIELDS.map(() => []);
  private readonly quotationLengths: number[][] = QUOTATION_FIELDS.map(() => []);
  private readonly titleWords: number[] = [];
  private readonly columns = new DocColumns();
  private readonly quotes = new QuoteColumns();
  private readonly text = new TextStoreWriter();
  private readonly termBuffer = new IntList();
  private readonly normBuffer = new IntList();
  private readonly placeBuffer = new IntList();
  private readonly quotedTerms = new IntList();
  private readonly spokenTerms = new IntList();
  private readonly speakerTerms = new Map<string, Int32Array>();
  private normHashes = new Int32Array(1024);
  private hashedNorms = 0;
  private tf = new Int32Array(1024);
  private readonly touched = new IntList();
  private count = 0;

  constructor(private readonly analyzer: Analyzer = new Analyzer()) {}

  /**
   * Adds the next article; articles are numbered in the order added. Its
   * quotations are found here unless the article carries them already
   * (an article carried over from a shard keeps those found before).
   */
  add(article: Article): void {
    const doc = this.count++;
    const quotations = article.quotations ?? findArticleQuotations(article);
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
    const titleWords = this.addField(TITLE, doc, article.title, 0);
    this.titleWords.push(titleWords);
    // One unused position between title and body, so a phrase never runs from one into the other.
    this.addField(BODY, doc, article.body, titleWords + 1);
    this.addQuotations(doc, article.body, quotations, titleWords + 1);
  }

  /** Indexes one field of article `doc`; gives the number of phrase words in it. */
  private addField(field: number, doc: number, text: string, base: number): number {
    const terms = this.termBuffer;
    const norms = this.normBuffer;
    this.analyzer.analyse(text, terms, norms, field === BODY ? this.placeBuffer : undefined);
    this.lengths[field]!.push(this.countTerms(this.postings[field]!, doc, terms.values, 0, terms.length));
    const occurrences = this.occurrences;
    for (let i = 0; i < norms.length; i++) {
      occurrences.push(norms.values[i]!);
      occurrences.push(doc);
      occurrences.push(base + i);
    }
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
  private addQuotations(doc: number, body: string, quotations: readonly Quotation[], base: number): void {
    const terms = this.termBuffer.values;
    const places = this.placeBuffer;
    const tokens = places.length / 3;
    const hashes = this.hashNorms();
    const quoted = this.quotedTerms;
    const spoken = this.spokenTerms;
    quoted.length = 0;
    spoken.length = 0;
    let token = 0;
    for (const quotation of quotations) {
      const p = places.values;
      while (token < tokens && p[token * 3 + 1]! <= quotation.start) token++;
      let end = token;
      while (end < tokens && p[end * 3]! < quotation.end) end++;
      // Lower-casing changed the body's length, so no token has a place: the quotation is analysed alone.
      const own = tokens === 0 && body.length > 0;
      const words = own ? this.analyseAlone(body.slice(quotation.start, quotation.end)) : null;
      const from = own ? 0 : token > 0 ? p[(token - 1) * 3 + 2]! : 0;
      const to = own ? this.normBuffer.length : end > 0 ? p[(end - 1) * 3 + 2]! : 0;
      const q = this.quotes.add(doc, quotation, {
        wordStart: own ? 0 : base + from,
        wordEnd: own ? 0 : base + to,
        hashes: own ? this.hashNorms() : hashes,
        from: own ? 0 : from,
        to: Math.max(from, to),
      });
      const quotedFrom = words ?? terms;
      const [termFrom, termTo] = words ? [0, words.length] : [token, end];
      this.quotationLengths[QUOTATION_WORDS]!.push(
        this.countTerms(this.quotationPostings[QUOTATION_WORDS]!, q, quotedFrom, termFrom, termTo),
      );
      const speaker = quotation.speaker === null ? EMPTY : this.termsOfSpeaker(quotation.speaker);
      this.quotationLengths[QUOTATION_SPEAKER]!.push(
        this.countTerms(this.quotationPostings[QUOTATION_SPEAKER]!, q, speaker, 0, speaker.length),
      );
      if (quotation.kind !== 'scare') {
        for (let i = termFrom; i < termTo; i++) quoted.push(quotedFrom[i]!);
        for (const term of speaker) spoken.push(term);
      }
    }
    this.quotes.endArticle(quotations);
    this.lengths[QUOTE]!.push(this.countTerms(this.postings[QUOTE]!, doc, quoted.values, 0, quoted.length));
    this.lengths[SPEAKER]!.push(
      this.countTerms(this.postings[SPEAKER]!, doc, spoken.values, 0, spoken.length),
    );
  }

  /** The index terms of a text analysed on its own (the phrase words are left in the norm buffer). */
  private analyseAlone(text: string): Int32Array {
    const terms = new IntList();
    this.analyzer.analyse(text, terms, this.normBuffer);
    return terms.values.slice(0, terms.length);
  }

  /** The index terms of a speaker's name, analysed once per shard. */
  private termsOfSpeaker(speaker: string): Int32Array {
    let terms = this.speakerTerms.get(speaker);
    if (!terms) {
      terms = this.analyseAlone(speaker);
      this.speakerTerms.set(speaker, terms);
    }
    return terms;
  }

  /** The hashes of the phrase words in the norm buffer (each word's string hashed once per analyzer). */
  private hashNorms(): Int32Array {
    const norms = this.analyzer.norms;
    if (this.hashedNorms < norms.length) {
      if (this.normHashes.length < norms.length) {
        const grown = new Int32Array(Math.max(norms.length, this.normHashes.length * 2));
        grown.set(this.normHashes);
        this.normHashes = grown;
      }
      for (let id = this.hashedNorms; id < norms.length; id++) this.normHashes[id] = stringHash(norms[id]!);
      this.hashedNorms = norms.length;
    }
    const buffer = this.normBuffer;
    const out = new Int32Array(buffer.length);
    for (let i = 0; i < buffer.length; i++) out[i] = this.normHashes[buffer.values[i]!]!;
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
    termIds.forEach((id, i) => (slotOf[id] = i));
    for (const { name, triples, lengths, starts, order, present } of fields) {
      sections[`${name}Length`] = Uint32Array.from(lengths);
      // A sparse field lists the dictionary numbers of its terms; a dense one has a slot for every term.
      const sparse = SPARSE.has(name.replace(QUOTATION_FIELD_PREFIX, ''));
      const ids = sparse ? present.map((id) => slotOf[id]!).sort((a, b) => a - b) : null;
      const list = ids ? ids.map((slot) => termIds[slot]!) : termIds;
      const values = triples.values;
      const offsets = new Uint32Array(list.length + 1);
      const df = new Uint32Array(list.length);
      const out = new ByteWriter(1 << 12);
      list.forEach((id, i) => {
        offsets[i] = out.length;
        let last = 0;
        for (let k = starts[id]!; k < starts[id + 1]!; k++) {
          const at = order[k]! * 3;
          const doc = values[at + 1]!;
          out.varint(doc - last);
          out.varint(values[at + 2]!);
          last = doc;
        }
        df[i] = starts[id + 1]! - starts[id]!;
      });
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
      docs: this.columns.meta(),
      speakers: this.quotes.speakers.values,
    };
    sections.terms = new TextEncoder().encode(termIds.map((id) => this.analyzer.terms[id]!).join('\n'));
    return { index: encodeSections(SHARD_FORMAT_VERSION, meta, sections), text, positions };
  }

  /**
   * Per phrase word: the articles holding it (article delta, bytes of its
   * positions) then the positions themselves (deltas), so a phrase query can
   * skip the positions of articles it has already ruled out.
   */
  private encodePositions(sections: Record<string, SectionValue>): Uint8Array {
    const { starts, order, present } = groupTriples(this.occurrences, this.analyzer.norms.length);
    const normIds = sortedIds(present, this.analyzer.norms);
    const triples = this.occurrences.values;
    const out = new ByteWriter(1 << 16);
    const docs = new ByteWriter(1024);
    const positions = new ByteWriter(1024);
    const normOffsets = new Uint32Array(normIds.length + 1);
    const normDocs = new Uint32Array(normIds.length);
    const normDocBytes = new Uint32Array(normIds.length);
    normIds.forEach((id, i) => {
      docs.length = 0;
      positions.length = 0;
      let lastDoc = 0;
      let docCount = 0;
      const end = starts[id + 1]!;
      for (let k = starts[id]!; k < end;) {
        const doc = triples[order[k]! * 3 + 1]!;
        const from = positions.length;
        let last = 0;
        for (; k < end && triples[order[k]! * 3 + 1] === doc; k++) {
          const position = triples[order[k]! * 3 + 2]!;
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
    });
    normOffsets[normIds.length] = out.length;
    const bytes = out.view();
    Object.assign(sections, {
      norms: new TextEncoder().encode(normIds.map((id) => this.analyzer.norms[id]!).join('\n')),
      normOffsets,
      normDocs,
      normDocBytes,
      positionCrcs: chunkCrcs(bytes),
    });
    return bytes;
  }
}

/**
 * Groups triples by their first value with a stable counting sort: for key
 * k, `order[starts[k]..starts[k+1]]` are its triples' numbers in the order added.
 */
function groupTriples(
  triples: IntList,
  keys: number,
): { starts: Int32Array; order: Int32Array; present: number[] } {
  const count = triples.length / 3;
  const starts = new Int32Array(keys + 1);
  const values = triples.values;
  for (let i = 0; i < count; i++) starts[values[i * 3]! + 1]!++;
  const present: number[] = [];
  for (let k = 0; k < keys; k++) {
    if (starts[k + 1]! > 0) present.push(k);
    starts[k + 1]! += starts[k]!;
  }
  const next = starts.slice(0, keys);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[next[values[i * 3]!]!++] = i;
  return { starts, order, present };
}

/** The ids listed, once each, ordered by their strings in JavaScript's (UTF-16) order, which lookups use. */
function sortedIds(ids: readonly number[], strings: readonly string[]): number[] {
  return [...new Set(ids)].sort((a, b) => {
    const x = strings[a]!;
    const y = strings[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
