import type { Article } from '../ingest/article';
import { Analyzer, IntList } from './analyzer';
import { ByteWriter } from './bytes';
import { encodeSections, type SectionValue } from './sections';
import { TextStoreWriter } from './text-store';
import { chunkCrcs } from './byte-source';
import { DocColumns } from './doc-columns';
import { pipelineLanguage } from './languages';

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

const FIELD_COUNT = 2;

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
  /** Per field: (term, article, term frequency) triples. */
  private readonly postings = [new IntList(), new IntList()];
  /** (phrase word, article, position) triples; positions count every word, title then body. */
  private readonly occurrences = new IntList();
  private readonly lengths: number[][] = [[], []];
  private readonly titleWords: number[] = [];
  private readonly columns = new DocColumns();
  private readonly text = new TextStoreWriter();
  private readonly termBuffer = new IntList();
  private readonly normBuffer = new IntList();
  private tf = new Int32Array(1024);
  private readonly touched = new IntList();
  /** The pipelines its articles were indexed with: queries run through each of the library's. */
  private readonly languages = new Set<string>();
  private count = 0;

  constructor(private readonly analyzer: Analyzer = new Analyzer()) {}

  /** Adds the next article; articles are numbered in the order added. */
  add(article: Article): void {
    const doc = this.count++;
    this.columns.add(article);
    this.text.add({
      body: article.body,
      blocks: article.blocks,
      url: article.url,
      tags: article.tags,
      ...(article.language !== undefined ? { language: article.language } : {}),
      ...(article.sourceMap ? { sourceMap: article.sourceMap } : {}),
      ...(article.locator !== undefined ? { locator: article.locator } : {}),
    });
    const language = pipelineLanguage(article.language);
    this.languages.add(language);
    const titleWords = this.addField(0, doc, article.title, 0, language);
    this.titleWords.push(titleWords);
    // One unused position between title and body, so a phrase never runs from one into the other.
    this.addField(1, doc, article.body, titleWords + 1, language);
  }

  /** Indexes one field of article `doc`; gives the number of phrase words in it. */
  private addField(field: number, doc: number, text: string, base: number, language: string): number {
    const terms = this.termBuffer;
    const norms = this.normBuffer;
    this.analyzer.analyse(text, terms, norms, language);
    if (this.tf.length < this.analyzer.terms.length) {
      const grown = new Int32Array(Math.max(this.tf.length * 2, this.analyzer.terms.length));
      grown.set(this.tf);
      this.tf = grown;
    }
    const tf = this.tf;
    const touched = this.touched;
    touched.length = 0;
    let length = 0;
    for (let i = 0; i < terms.length; i++) {
      const term = terms.values[i]!;
      if (term < 0) continue;
      length++;
      if (tf[term] === 0) touched.push(term);
      tf[term]!++;
    }
    this.lengths[field]!.push(length);
    const postings = this.postings[field]!;
    for (let i = 0; i < touched.length; i++) {
      const term = touched.values[i]!;
      postings.push(term);
      postings.push(doc);
      postings.push(tf[term]!);
      tf[term] = 0;
    }
    const occurrences = this.occurrences;
    for (let i = 0; i < norms.length; i++) {
      occurrences.push(norms.values[i]!);
      occurrences.push(doc);
      occurrences.push(base + i);
    }
    return norms.length;
  }

  get size(): number {
    return this.count;
  }

  /** Writes out the shard's three files. */
  finish(): ShardBytes {
    const { bytes: text, layout } = this.text.finish();
    const sections: Record<string, SectionValue> = {
      titleLength: Uint32Array.from(this.lengths[0]!),
      bodyLength: Uint32Array.from(this.lengths[1]!),
      titleWords: Uint32Array.from(this.titleWords),
      ...this.columns.sections(),
      textOffsets: layout.offsets,
      textCrcs: layout.crcs,
      textLocations: layout.locations,
    };
    const byTerm = this.postings.map((triples) => groupTriples(triples, this.analyzer.terms.length));
    const termIds = sortedIds(byTerm[0]!.present, byTerm[1]!.present, this.analyzer.terms);
    for (let field = 0; field < FIELD_COUNT; field++) {
      const name = field === 0 ? 'title' : 'body';
      const { starts, order } = byTerm[field]!;
      const triples = this.postings[field]!.values;
      const offsets = new Uint32Array(termIds.length + 1);
      const df = new Uint32Array(termIds.length);
      const out = new ByteWriter(1 << 16);
      termIds.forEach((id, i) => {
        offsets[i] = out.length;
        let last = 0;
        for (let k = starts[id]!; k < starts[id + 1]!; k++) {
          const at = order[k]! * 3;
          const doc = triples[at + 1]!;
          out.varint(doc - last);
          out.varint(triples[at + 2]!);
          last = doc;
        }
        df[i] = starts[id + 1]! - starts[id]!;
      });
      offsets[termIds.length] = out.length;
      sections[`${name}Offsets`] = offsets;
      sections[`${name}Df`] = df;
      sections[`${name}Postings`] = out.view();
    }
    const positions = this.encodePositions(sections);
    const meta = {
      count: this.count,
      terms: termIds.length,
      norms: (sections.normDocs as Uint32Array).length,
      languages: [...this.languages].sort(),
      docs: this.columns.meta(),
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
    const normIds = sortedIds(present, [], this.analyzer.norms);
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

/** The ids of either list, once each, ordered by their strings in JavaScript's (UTF-16) order, which lookups use. */
function sortedIds(a: readonly number[], b: readonly number[], strings: readonly string[]): number[] {
  return [...new Set([...a, ...b])].sort((a, b) => {
    const x = strings[a]!;
    const y = strings[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
