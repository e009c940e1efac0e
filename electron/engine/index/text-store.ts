import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ArticleBlock, BlockKind, Quotation, SourceSpan, TextSpan } from '../../api';
import { QUOTATION_KINDS } from './quote-columns';

/**
 * Article bodies, stored apart from the index and read only for the few
 * articles shown: records packed into blocks of about 8 KB, each block
 * deflated on its own (so one read and one small inflate give any article)
 * and checked by its own CRC-32 when read.
 */

/** Uncompressed bytes gathered before a block is closed. */
export const TEXT_BLOCK_BYTES = 8 * 1024;

/** What the text store holds of an article: everything not needed to search it. */
export interface StoredText {
  body: string;
  blocks: ArticleBlock[];
  url: string | null;
  tags: string[];
  /** The body's language, when it was told. */
  language?: string | null;
  /** Where each run of the body came from in the file. */
  sourceMap?: SourceSpan[];
  /** Which article of a file holding several this is. */
  locator?: string;
  /** The quotations found in the body when it was indexed. */
  quotations: Quotation[];
}

/** A quotation as stored: start, end, kind, speaker, cue, group (-1 for none), mention start, end (and its words when not the body's) or null. */
type StoredQuotation = [
  number,
  number,
  number,
  string | null,
  string | null,
  number,
  [number, number, string?] | null,
];

// Stored by number: new kinds go at the end.
const KINDS: BlockKind[] = ['paragraph', 'heading', 'quote', 'reply'];

type Extras = Pick<StoredText, 'language' | 'sourceMap' | 'locator'>;

/**
 * A record: the body's UTF-8 length (4 bytes), the body, then the rest as
 * JSON. The body stays out of the JSON so that neither writing nor reading
 * it goes through escaping: it is most of the record.
 */
function encodeRecord(text: StoredText): Buffer {
  const blocks: number[] = [];
  for (const block of text.blocks)
    blocks.push(Math.max(0, KINDS.indexOf(block.kind)), block.start, block.end);
  const extras: Extras = {};
  if (text.language !== undefined) extras.language = text.language;
  if (text.sourceMap?.length) extras.sourceMap = text.sourceMap;
  if (text.locator !== undefined) extras.locator = text.locator;
  const quotations: StoredQuotation[] = [];
  for (const quote of text.quotations) {
    quotations.push([
      quote.start,
      quote.end,
      Math.max(0, QUOTATION_KINDS.indexOf(quote.kind)),
      quote.speaker,
      quote.cue,
      quote.group ?? -1,
      quote.mention ? storedMention(text.body, quote.mention) : null,
    ]);
  }
  const rest: unknown[] = [blocks, text.url, text.tags, quotations];
  // Most articles have none of the extras: the rest then stays four fields long.
  if (Object.keys(extras).length > 0) rest.push(extras);
  const json = JSON.stringify(rest);
  const bodyBytes = Buffer.byteLength(text.body);
  const record = Buffer.allocUnsafe(4 + bodyBytes + Buffer.byteLength(json));
  record.writeUInt32LE(bodyBytes, 0);
  record.write(text.body, 4, 'utf8');
  record.write(json, 4 + bodyBytes, 'utf8');
  return record;
}

/** A mention's range, with its words only when they are not the body's there. */
function storedMention(body: string, mention: TextSpan): [number, number, string?] {
  return body.slice(mention.start, mention.end) === mention.text
    ? [mention.start, mention.end]
    : [mention.start, mention.end, mention.text];
}

/** Reads one record back from an inflated block. */
export function decodeRecord(block: Uint8Array, start: number, end: number): StoredText {
  const bytes = Buffer.from(block.buffer, block.byteOffset + start, end - start);
  const bodyEnd = 4 + bytes.readUInt32LE(0);
  const body = bytes.toString('utf8', 4, bodyEnd);
  const [flat, url, tags, stored, extras] = JSON.parse(bytes.toString('utf8', bodyEnd)) as [
    number[],
    string | null,
    string[],
    StoredQuotation[],
    Extras | undefined,
  ];
  const blocks: ArticleBlock[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    blocks.push({ kind: KINDS[flat[i]!] ?? 'paragraph', start: flat[i + 1]!, end: flat[i + 2]! });
  }
  const quotations = stored.map(([from, to, kind, speaker, cue, group, mention]): Quotation => ({
    start: from,
    end: to,
    text: body.slice(from, to),
    kind: QUOTATION_KINDS[kind] ?? 'direct',
    speaker,
    mention: mention
      ? { start: mention[0], end: mention[1], text: mention[2] ?? body.slice(mention[0], mention[1]) }
      : null,
    cue,
    ...(group >= 0 ? { group } : {}),
  }));
  return { body, blocks, url, tags, quotations, ...extras };
}

/** Where each article's record and each block lie; stored in the shard's index file. */
export interface TextLayout {
  /** Byte offset of each block in the text file, plus the end: blocks + 1 entries. */
  offsets: Uint32Array;
  crcs: Uint32Array;
  /** Per article: block number, start and end within the inflated block. */
  locations: Uint32Array;
}

/** Packs article records into deflated blocks, in article order. */
export class TextStoreWriter {
  private readonly parts: Buffer[] = [];
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private written = 0;
  private readonly offsets: number[] = [0];
  private readonly crcs: number[] = [];
  private readonly locations: number[] = [];

  /** Appends the next article's record. */
  add(text: StoredText): void {
    const record = encodeRecord(text);
    const block = this.crcs.length;
    this.locations.push(block, this.pendingBytes, this.pendingBytes + record.length);
    this.pending.push(record);
    this.pendingBytes += record.length;
    if (this.pendingBytes >= TEXT_BLOCK_BYTES) this.closeBlock();
  }

  private closeBlock(): void {
    if (this.pending.length === 0) return;
    // Level 3, the slowest of zlib's fast levels, deflates an 8 KB block of news text within 2 % of level 4's
    // size in five sixths of its time, and within 3 % of the default's: deflating is a tenth of a build.
    const compressed = deflateRawSync(Buffer.concat(this.pending), { level: 3 });
    this.parts.push(compressed);
    this.crcs.push(crc32(compressed));
    this.written += compressed.length;
    this.offsets.push(this.written);
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Closes the last block; gives the file's bytes and the layout to store in the index. */
  finish(): { bytes: Buffer; layout: TextLayout } {
    this.closeBlock();
    return {
      bytes: Buffer.concat(this.parts),
      layout: {
        offsets: Uint32Array.from(this.offsets),
        crcs: Uint32Array.from(this.crcs),
        locations: Uint32Array.from(this.locations),
      },
    };
  }
}

/** Inflates a block read from the text file; null when it fails its CRC (the file is damaged). */
export function inflateBlock(compressed: Uint8Array, crc: number): Uint8Array | null {
  if (crc32(compressed) !== crc) return null;
  try {
    return inflateRawSync(compressed);
  } catch {
    return null;
  }
}
