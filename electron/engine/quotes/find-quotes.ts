import type { ArticleFormat, Quotation, QuotationKind } from '../../api';
import { attributionAfter, attributionBefore, passiveAgent, type Attribution } from './attribution';
import { findBlockQuotes, type BlockQuote } from './blocks';
import { endsWithSaying, labelOf, predicateOf } from './labels';
import { paragraphsOf, type Paragraph } from './layout';
import { pairQuotationMarks, type MarkedQuote } from './marks';
import { neighbourAttribution, previousSentence, type Attributed, type SentenceReader } from './neighbours';
import { ParagraphTokens } from './paragraph-tokens';
import { sentenceSubject, type Mention } from './phrases';
import { isScareQuote, quotedWords } from './scare';
import { sentenceAt, sentenceStarts } from './sentences';
import { SpeakerIndex } from './speakers';
import { byStart, firstEndingAfter, skipSpace, trimEndOf, type Span, type Token } from './text';
import { findTranscriptTurns, type Turn } from './transcript';

/** How to read the text given to findQuotations. */
export interface FindOptions {
  /** `txt`: the first line is a headline; `md`: front matter is skipped and `>` blocks are block quotations. */
  format?: ArticleFormat;
}

// How far from a quotation its attribution may be looked for, in characters.
const WINDOW = 400;
/** The writer's pronouns, outside quotation marks. */
const FIRST_PERSON = new Set(['i', 'we']);

type Item =
  { at: number; mark: MarkedQuote } | { at: number; turn: Turn } | { at: number; block: BlockQuote };

/**
 * Every quotation in an article's text, in order, with its kind, speaker,
 * the mention the speaker rests on and the cue word. Offsets are into `text`
 * as given (line endings untouched). Only outermost quotations are listed:
 * marks inside a transcript turn or block quotation belong to it.
 */
export function findQuotations(text: string, options: FindOptions = {}): Quotation[] {
  return quotationsIn(text, paragraphsOf(text, options.format ?? 'txt'));
}

/** The quotations of `text` read as the given paragraphs (in order); text outside them is not read. */
export function quotationsIn(text: string, paragraphs: readonly Paragraph[]): Quotation[] {
  const turns = findTranscriptTurns(text, paragraphs);
  const allMarks = pairQuotationMarks(text, paragraphs);
  const blocks = findBlockQuotes(text, paragraphs, turns, allMarks);
  const containers: Span[] = [...turns, ...blocks].sort(byStart);
  const marks = outside(allMarks, containers);
  const tokens = new ParagraphTokens(text, paragraphs, marks);
  // Names after the last quotation's paragraph and the next cannot be a speaker's: they are left unread.
  const last = Math.max(marks.at(-1)?.end ?? 0, containers.at(-1)?.end ?? 0);
  const until = paragraphs[tokens.indexAt(last) + 2]?.start;
  const reader = new ArticleReader(tokens, marks, () => new SpeakerIndex(tokens, containers, until));
  const items: Item[] = [];
  for (const mark of marks) items.push({ at: mark.start, mark });
  for (const turn of turns) items.push({ at: turn.start, turn });
  for (const block of blocks) items.push({ at: block.start, block });
  items.sort(byAt);
  const headline: MarkedQuote[] = [];
  for (const item of items) {
    if ('turn' in item) reader.addTurn(item.turn);
    else if ('block' in item) reader.add(item.block, 'block', item.block.attribution);
    else if (reader.paragraphOf(item.mark.start).kind === 'headline') headline.push(item.mark);
    else reader.addMark(item.mark);
  }
  for (const mark of headline) reader.addHeadlineMark(mark);
  return reader.quotations.sort(byStart);
}

function byAt(a: Item, b: Item): number {
  return a.at - b.at;
}

/** The sorted `spans` that no sorted, non-overlapping container holds. */
function outside<T extends Span>(spans: readonly T[], containers: readonly Span[]): T[] {
  let at = 0;
  return spans.filter((span) => {
    while (containers[at] && containers[at]!.end < span.end) at++;
    const container = containers[at];
    return !container || container.start > span.start || span.end > container.end;
  });
}

/** Walks an article's quotations in reading order, attributing each and resolving its speaker. */
class ArticleReader implements SentenceReader {
  readonly quotations: Quotation[] = [];
  private readonly attributed: Attributed[] = [];
  private readonly starts = new Map<number, number[]>();
  private pendingGroup: { next: number; from: Attributed } | null = null;
  private groups = 0;

  readonly text: string;
  private readonly paragraphs: readonly Paragraph[];

  constructor(
    private readonly paragraphTokens: ParagraphTokens,
    private readonly marks: readonly MarkedQuote[],
    private readonly speakerIndex: () => SpeakerIndex,
  ) {
    this.text = paragraphTokens.text;
    this.paragraphs = paragraphTokens.paragraphs;
  }

  private index: SpeakerIndex | null = null;

  /** The names of the article, read when the first speaker must be resolved: articles of scare quotes need none. */
  private get speakers(): SpeakerIndex {
    this.index ??= this.speakerIndex();
    return this.index;
  }

  paragraphOf(at: number): Paragraph {
    return this.paragraphs[this.paragraphTokens.indexAt(at)]!;
  }

  paragraphBefore(paragraph: Paragraph): Paragraph | null {
    const index = this.paragraphTokens.indexAt(paragraph.start);
    return index > 0 ? this.paragraphs[index - 1]! : null;
  }

  /** The sentence around `at` in its paragraph. */
  sentence(at: number): Span & { paragraph: Paragraph } {
    const paragraph = this.paragraphOf(at);
    let starts = this.starts.get(paragraph.start);
    if (!starts) {
      starts = sentenceStarts(this.text, paragraph, this.marks);
      this.starts.set(paragraph.start, starts);
    }
    const sentence = sentenceAt(starts, paragraph.end, Math.min(at, paragraph.end - 1));
    return { start: sentence.start, end: sentence.end, paragraph };
  }

  /** The tokens wholly inside [start, end) of one paragraph. */
  tokens(start: number, end: number): Token[] {
    return this.paragraphTokens.within(start, end);
  }

  addTurn(turn: Turn): void {
    const speaker = turn.names ? this.speakers.resolve(turn.names) : turn.speaker;
    this.push(turn, 'transcript', speaker, turn.label, null);
  }

  add(span: Span, kind: QuotationKind, attribution: Attribution | null): Attributed {
    const mention = attribution?.mention ?? null;
    const speaker = mention
      ? (mention.kind === 'pronoun' && this.reportedBefore(span, mention)) || this.resolve(mention)
      : null;
    return this.push(span, kind, speaker, mention, attribution?.cue ?? null);
  }

  /** "The minister … was not what was happening, the spokesman said. "…," he added": the speaker just reported. */
  private reportedBefore(span: Span, pronoun: Mention): string | null {
    const sentence = this.sentence(span.start);
    const previous = previousSentence(this, sentence);
    if (!previous) return null;
    const reported = attributionBefore(
      this.text,
      this.tokens(Math.max(previous.start, previous.end - WINDOW), previous.end),
    );
    if (!reported?.strong || !reported.cue || reported.mention.kind === 'pronoun') return null;
    const speaker = this.resolve(reported.mention);
    // "The 24-year-old Reds skipper spoke…": a description that names nobody defers to the names.
    if (reported.mention.definite && speaker === reported.mention.text) return null;
    return speaker && this.speakers.fitsPronoun(speaker, pronoun.text) ? speaker : null;
  }

  private resolve(mention: Mention): string | null {
    const speaker = this.speakers.resolve(mention);
    if (speaker && mention.kind === 'description') {
      this.speakers.noteUnnamed(mention.start, speaker, this.speakers.isBody(speaker));
    }
    // "I" and "we" outside quotation marks are the writer: no one else in the sentence speaks through them.
    if (speaker || mention.kind !== 'pronoun' || FIRST_PERSON.has(mention.text.toLowerCase())) return speaker;
    // "its solicitor pointed to a clause, which he described as…": nobody named, but the sentence's subject.
    const sentence = this.sentence(mention.start);
    const subject = sentenceSubject(this.text, this.tokens(sentence.start, mention.start));
    return subject?.kind === 'description' ? this.resolve(subject) : null;
  }

  private push(
    span: Span,
    kind: QuotationKind,
    speaker: string | null,
    mention: Mention | null,
    cue: string | null,
    group?: number,
  ): Attributed {
    const quotation: Quotation = {
      start: span.start,
      end: span.end,
      text: this.text.slice(span.start, span.end),
      kind,
      speaker,
      mention: mention ? { start: mention.start, end: mention.end, text: mention.text } : null,
      cue,
      ...(group !== undefined ? { group } : {}),
    };
    this.quotations.push(quotation);
    const attributed: Attributed = { quotation, mention };
    if (kind !== 'scare') this.attributed.push(attributed);
    return attributed;
  }

  addMark(mark: MarkedQuote): void {
    const { text } = this;
    const sentence = this.sentence(mark.start);
    const before = this.tokens(Math.max(sentence.start, mark.start - WINDOW), mark.start);
    const closing = this.sentence(mark.end - 1);
    const following = this.marks[firstEndingAfter(this.marks, mark.end)];
    const nextMark = following && following.start < closing.end ? following : undefined;
    const postEnd = Math.min(closing.end, nextMark?.start ?? closing.end, mark.end + WINDOW);
    const after = this.tokens(mark.end, postEnd);
    const words = quotedWords(text, mark, mark.closed);

    const group = this.pendingGroup?.next === mark.start ? this.pendingGroup.from : null;
    this.pendingGroup = null;
    if (group) {
      const { quotation, mention } = group;
      group.quotation.group ??= ++this.groups;
      this.push(mark, 'direct', quotation.speaker, mention, quotation.cue, quotation.group);
      return;
    }
    const fromAfter = attributionAfter(text, after);
    const fromBefore =
      attributionBefore(text, before) ??
      predicateOf(text, before, after) ??
      (words.clause || words.words.length >= 5 ? labelOf(text, before) : null);
    // A fragment inside reported speech belongs to whoever the sentence reports ("Guidance said … "no
    // current purpose", Mr Thomas said"); a quotation opening its sentence, or after a colon, to the nearest clause.
    const beforeFirst =
      endsWithSaying(before) || (!words.clause && fromBefore?.strong === true && fromBefore.cue !== null);
    const agent = passiveAgent(text, before, this.tokens(mark.end, Math.min(closing.end, mark.end + WINDOW)));
    let attribution = agent ?? (beforeFirst ? (fromBefore ?? fromAfter) : (fromAfter ?? fromBefore));
    let inherited: Attributed | null = null;
    if (!attribution && before.every((token) => !token.word)) {
      const found = neighbourAttribution(this, mark, sentence, this.attributed);
      attribution = found.attribution;
      inherited = found.inherited;
    }
    if (isScareQuote(words, before, attribution !== null || inherited !== null)) {
      this.push(mark, 'scare', null, null, null);
      return;
    }
    const result = inherited
      ? this.push(mark, 'direct', inherited.quotation.speaker, inherited.mention, inherited.quotation.cue)
      : this.add(mark, 'direct', attribution);
    if (attribution === fromAfter && fromAfter && nextMark && this.splitBy(mark, nextMark, words.clause)) {
      this.pendingGroup = { next: nextMark.start, from: result };
    }
  }

  /** True when `next` continues the quotation `mark` after its attribution: "We are open," he said, "to dialogue." */
  private splitBy(mark: MarkedQuote, next: MarkedQuote, clause: boolean): boolean {
    const { text } = this;
    if (this.sentence(next.start).start !== this.sentence(mark.end - 1).start) return false;
    const lastInside = text[trimEndOf(text, mark.start, mark.end - 1) - 1] ?? '';
    if (clause && !/[,—–-]/.test(lastInside)) return false;
    const between = trimEndOf(text, mark.end, next.start);
    return /[,—–]/.test(text[between - 1] ?? '') && skipSpace(text, between, next.start) === next.start;
  }

  /** A quotation in the headline: someone's words when the body quotes them too, or when the headline says who. */
  addHeadlineMark(mark: MarkedQuote): void {
    const words = normalised(this.text.slice(mark.start + 1, mark.closed ? mark.end - 1 : mark.end));
    let source: Quotation | undefined;
    if (words) {
      for (const quotation of this.quotations) {
        if (quotation.kind !== 'scare' && normalised(quotation.text).includes(words)) {
          source = quotation;
          break;
        }
      }
    }
    if (source) {
      const quotation = source;
      this.quotations.push({
        ...quotation,
        start: mark.start,
        end: mark.end,
        text: this.text.slice(mark.start, mark.end),
      });
      delete this.quotations[this.quotations.length - 1]!.group;
      return;
    }
    const paragraph = this.paragraphOf(mark.start);
    const attribution =
      attributionAfter(this.text, this.tokens(mark.end, paragraph.end)) ??
      attributionBefore(this.text, this.tokens(paragraph.start, mark.start));
    if (attribution) this.add(mark, 'direct', attribution);
    else this.push(mark, 'scare', null, null, null);
  }
}

/** Lower-case words of a text joined by single spaces, for comparing a headline fragment with the body. */
function normalised(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
