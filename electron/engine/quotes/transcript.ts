import type { Paragraph } from './layout';
import { phraseAfter, type Mention } from './phrases';
import { UNNAMED_QUESTIONER } from './speakers';
import { skipSpace, tokenize, trimEndOf, type Span } from './text';

/** One turn of a transcript: the words after a speaker label, to the next label. */
export interface Turn extends Span {
  label: Mention;
  /** The mention that names the speaker: the label, the questioner the article names, or the person a question addressed. */
  names: Mention | null;
  /** The speaker when no mention names them (QUESTION: with no questioner named). */
  speaker: string | null;
  role: 'question' | 'answer' | 'named';
}

// A label: an optional titled form (Mr, Ms…), then one to five capitalised words, then a colon; or Q./A.
const LABEL =
  /^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Rev|Sen|Rep|Gov|Gen|Col|Capt)\.?[ \t]+)?\p{Lu}[\p{Lu}\p{M}'’.-]*(?:[ \t]+\p{Lu}[\p{Lu}\p{M}'’.-]*){0,4}[ \t]*:(?=\s)|^[QA][.:](?=\s)/u;
const QUESTION_LABELS = new Set([
  'q',
  'question',
  'questioner',
  'reporter',
  'journalist',
  'interviewer',
  'audience',
]);
const ANSWER_LABELS = new Set(['a', 'answer']);
// Capitalised words that open a line with a colon without being anyone speaking.
const NOT_SPEAKERS = new Set(
  `NOTE UPDATE UPDATED CORRECTION CLARIFICATION EDITOR EDITOR'S EDITORS PHOTO PHOTOS VIDEO WATCH READ MORE
  SOURCE SOURCES BREAKING EXCLUSIVE ANALYSIS OPINION TIMELINE FACTBOX LISTEN WARNING DISCLAIMER ADVERTISEMENT
  SPONSORED RELATED SEE ALSO TAGS TOPICS KEYWORDS CREDIT CREDITS PICTURE IMAGE GRAPHIC MAP CHART TABLE FILE
  DATE TIME WHERE WHEN WHAT WHO WHY HOW TEL FAX EMAIL E-MAIL URL WEB PS NB RE FW FWD CC TO FROM SUBJECT BY
  CONTACT PRICE TICKETS VENUE ADDRESS PHONE`.split(/\s+/),
);
/** Paragraphs of narrative allowed between two labels of one transcript. */
const MAX_GAP = 2;

interface Label {
  paragraph: number;
  lineStart: number;
  label: Span;
  textStart: number;
  role: Turn['role'];
}

/**
 * The turns of the transcripts in an article: lines that open with a
 * speaker label (`QUESTION:`, `AMBASSADOR KIM:`, `Mr SMITH:`, `Q.`/`A.`),
 * each turn running to the next label, or to the end of its paragraph for
 * the last one. A single label, or labels of only one speaker, make no
 * transcript.
 */
export function findTranscriptTurns(text: string, paragraphs: readonly Paragraph[]): Turn[] {
  const labels: Label[] = [];
  for (let index = 0; index < paragraphs.length; index++) addLabels(text, paragraphs[index]!, index, labels);
  const turns: Turn[] = [];
  let from = 0;
  while (from < labels.length) {
    let to = from + 1;
    while (to < labels.length && labels[to]!.paragraph - labels[to - 1]!.paragraph <= MAX_GAP + 1) to++;
    const run = labels.slice(from, to);
    const distinct = new Set(run.map(({ label }) => text.slice(label.start, label.end).toUpperCase()));
    if (run.length >= 2 && distinct.size >= 2) turns.push(...turnsOf(text, paragraphs, run));
    from = to;
  }
  return turns;
}

/** Adds the speaker labels opening lines of `paragraph` (the `index`th) to `labels`. */
function addLabels(text: string, paragraph: Paragraph, index: number, labels: Label[]): void {
  if (paragraph.kind !== 'text') return;
  for (let lineStart = paragraph.start; lineStart < paragraph.end;) {
    const lineEnd = text.indexOf('\n', lineStart);
    const end = lineEnd < 0 || lineEnd > paragraph.end ? paragraph.end : lineEnd;
    const match = LABEL.exec(text.slice(lineStart, Math.min(end, lineStart + 80)));
    if (match) {
      const raw = match[0].replace(/[ \t]*[:.]$/, '');
      const words = raw.split(/[ \t]+/);
      const speaking = words.some((word) => word.length >= 2 || /^[QA]$/.test(word));
      if (speaking && !words.some((word) => NOT_SPEAKERS.has(word.toUpperCase()))) {
        const lower = raw.toLowerCase();
        labels.push({
          paragraph: index,
          lineStart,
          label: { start: lineStart, end: lineStart + raw.length },
          textStart: skipSpace(text, lineStart + match[0].length, end),
          role: QUESTION_LABELS.has(lower) ? 'question' : ANSWER_LABELS.has(lower) ? 'answer' : 'named',
        });
      }
    }
    if (lineEnd < 0) break;
    lineStart = skipSpace(text, lineEnd + 1, paragraph.end);
  }
}

function turnsOf(text: string, paragraphs: readonly Paragraph[], run: readonly Label[]): Turn[] {
  const intro = introOf(paragraphs, run[0]!.paragraph);
  const questioner = intro && questionerIn(text, intro);
  let addressed: Mention | null = null;
  return run.map((label, i) => {
    const next = run[i + 1];
    const end = next ? trimEndOf(text, label.textStart, next.lineStart) : paragraphs[label.paragraph]!.end;
    const mention: Mention = {
      ...label.label,
      text: text.slice(label.label.start, label.label.end),
      kind: 'name',
    };
    if (label.role === 'question') addressed = addressee(text, label.textStart, end) ?? addressed;
    const names = label.role === 'named' ? mention : label.role === 'question' ? questioner : addressed;
    return {
      start: label.textStart,
      end,
      label: mention,
      names,
      speaker: label.role === 'question' && !questioner ? UNNAMED_QUESTIONER : null,
      role: label.role,
    };
  });
}

function introOf(paragraphs: readonly Paragraph[], first: number): Span | null {
  const before = paragraphs
    .slice(Math.max(0, first - 2), first)
    .filter((paragraph) => paragraph.kind === 'text');
  if (before.length === 0) return null;
  return { start: before[0]!.start, end: before[before.length - 1]!.end };
}

/** "Under questioning from Leonard Sayce", "interviewed by John Smith": who asks. */
function questionerIn(text: string, intro: Span): Mention | null {
  const match =
    /\b(?:questioning (?:from|by)|questioned by|asked by|interviewed by|cross-examined by|examination by)\s+/i.exec(
      text.slice(intro.start, intro.end),
    );
  if (!match) return null;
  const from = intro.start + match.index + match[0].length;
  const tokens = tokenize(text, from, Math.min(intro.end, from + 120));
  return phraseAfter(text, tokens, 0);
}

/** The name a question opens by addressing: "Ms Mandeville, how much…". */
function addressee(text: string, start: number, end: number): Mention | null {
  const tokens = tokenize(text, start, Math.min(end, start + 60));
  const mention = phraseAfter(text, tokens, 0, Math.min(tokens.length, 5));
  if (!mention || mention.kind !== 'name') return null;
  const after = tokens.find((token) => token.start >= mention.end);
  return after?.text === ',' ? mention : null;
}
