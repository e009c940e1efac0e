import type { Quotation, QuotationKind } from './api';

/**
 * One quotation as a reader sees it: the parts an attribution breaks apart
 * ("We are open," he said, "to dialogue.") are one quotation with one speaker.
 */
export interface QuotationGroup {
  /** Stable within an article: the key the reader's marks, labels and list share. */
  key: string;
  /** Indexes into `ArticleView.quotations`, in reading order. */
  parts: number[];
  kind: QuotationKind;
  speaker: string | null;
  cue: string | null;
  /** From the first part's start to the last part's end, offsets into the body. */
  start: number;
  end: number;
  /** The quoted words of every part, joined. */
  text: string;
}

/** The key of the group a quotation belongs to. */
export function groupKey(quotation: Quotation, index: number): string {
  return quotation.group === undefined ? `q${index}` : `g${quotation.group}`;
}

/** The article's quotations gathered into groups, in reading order; ranges outside the body are left out. */
export function groupQuotations(quotations: readonly Quotation[], bodyLength: number): QuotationGroup[] {
  const groups = new Map<string, QuotationGroup>();
  const order = quotations
    .map((quotation, index) => ({ quotation, index }))
    .filter(
      ({ quotation }) =>
        quotation.start >= 0 && quotation.end <= bodyLength && quotation.end > quotation.start,
    )
    .sort((a, b) => a.quotation.start - b.quotation.start || b.quotation.end - a.quotation.end);
  for (const { quotation, index } of order) {
    const key = groupKey(quotation, index);
    const group = groups.get(key);
    if (group) {
      group.parts.push(index);
      group.end = Math.max(group.end, quotation.end);
      group.text = `${group.text} … ${quotation.text}`;
      // A speaker found on any part speaks for the whole quotation.
      group.speaker ??= quotation.speaker;
      group.cue ??= quotation.cue;
    } else {
      groups.set(key, {
        key,
        parts: [index],
        kind: quotation.kind,
        speaker: quotation.kind === 'scare' ? null : quotation.speaker,
        cue: quotation.cue,
        start: quotation.start,
        end: quotation.end,
        text: quotation.text,
      });
    }
  }
  return [...groups.values()];
}

const KIND_NAMES: Record<QuotationKind, string> = {
  direct: 'Direct quotation',
  transcript: 'Transcript turn',
  block: 'Block quotation',
  scare: 'Scare quotes',
};

export function kindName(kind: QuotationKind): string {
  return KIND_NAMES[kind];
}

/** Who the reader is told said it: the speaker, or a quiet word that nobody is named (scare quotes report nobody). */
export function speakerLabel(group: Pick<QuotationGroup, 'kind' | 'speaker'>): string {
  if (group.kind === 'scare') return 'Scare quotes, not attributed';
  return group.speaker ?? 'Speaker not named';
}

const MARKS = `\\s"“”‘’'«»„‚‹›`;
const EDGE_MARKS = new RegExp(`^[${MARKS}]+|[${MARKS}]+$`, 'g');
const MARKS_AROUND_GAP = new RegExp(`[${MARKS}]* … [${MARKS}]*`, 'g');

/** The opening words of a quotation, without its marks (nor those of its parts), cut at a word edge. */
export function firstWords(text: string, length = 70): string {
  const bare = text.replace(EDGE_MARKS, '').replace(MARKS_AROUND_GAP, ' … ').replace(/\s+/g, ' ');
  if (bare.length <= length) return bare;
  const cut = bare.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}…`;
}
