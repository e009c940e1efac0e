import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { STYLE_NAMES } from './citations';
import type { PreparedExport, PreparedQuote } from './prepare';

/**
 * The collection as a Word document: a title, each quote as an indented block
 * quote (its line breaks kept) with speaker and citation, its note and tags,
 * any verbatim-check warning in red, and the reference list with hanging
 * indents.
 */
export async function toDocx(data: PreparedExport): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(data.name)] }),
    new Paragraph({
      children: [
        new TextRun({
          text: `${data.quotes.length} ${data.quotes.length === 1 ? 'quote' : 'quotes'}, exported from Quarry on ${data.exportedAt.toISOString().slice(0, 10)}; citations in ${STYLE_NAMES[data.style]}.`,
          italics: true,
          color: '5E6875',
        }),
      ],
    }),
  ];
  for (const prepared of data.quotes) children.push(...quoteParagraphs(prepared));
  if (data.references.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('References')] }));
    for (const entry of data.references) {
      children.push(
        new Paragraph({
          indent: { left: 720, hanging: 720 },
          spacing: { after: 120 },
          children: [new TextRun(entry)],
        }),
      );
    }
  }
  const document = new Document({
    creator: 'Quarry',
    title: data.name,
    description: 'A quote collection exported from Quarry',
    styles: { default: { document: { run: { font: 'Georgia', size: 22 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function quoteParagraphs({ quote, citation, drift }: PreparedQuote): Paragraph[] {
  const paragraphs = [
    new Paragraph({
      style: 'Quote',
      indent: { left: 720, right: 720 },
      spacing: { before: 240, after: 60 },
      border: { left: { style: 'single', size: 12, color: 'C9A86A', space: 8 } },
      children: lineRuns(quote.text),
    }),
    new Paragraph({
      indent: { left: 720 },
      alignment: AlignmentType.LEFT,
      spacing: { after: 60 },
      children: [new TextRun(`— ${quote.speaker ? `${quote.speaker} ` : ''}${citation}`)],
    }),
  ];
  if (quote.note.trim() !== '') {
    paragraphs.push(
      new Paragraph({
        indent: { left: 720 },
        children: [new TextRun({ text: 'Note: ', bold: true }), ...lineRuns(quote.note)],
      }),
    );
  }
  if (quote.tags.length > 0) {
    paragraphs.push(
      new Paragraph({
        indent: { left: 720 },
        children: [new TextRun({ text: 'Tags: ', bold: true }), new TextRun(quote.tags.join(', '))],
      }),
    );
  }
  if (drift) {
    paragraphs.push(
      new Paragraph({
        indent: { left: 720 },
        children: [new TextRun({ text: `⚠ ${drift}`, bold: true, color: 'B3261E' })],
      }),
    );
  }
  return paragraphs;
}

// Word ignores "\n" inside a run: each line is a run of its own after a line break.
function lineRuns(text: string): TextRun[] {
  return text.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 }));
}
