import type { CslItem } from '@citation-js/core';
import type { CitationStyle, QuoteView } from '../../api';
import { bibliography, bibliographyEntries, citationId, cslItem, inTextCitation } from './citations';

/** What every exporter is given: the collection's name, its quotes as anchored now, and the style. */
export interface ExportInput {
  name: string;
  style: CitationStyle;
  quotes: QuoteView[];
  exportedAt: Date;
}

/** A quote ready to write: its in-text citation and, when its source drifted, the sentence saying so. */
export interface PreparedQuote {
  quote: QuoteView;
  itemId: string;
  citation: string;
  drift: string | null;
}

export interface PreparedExport {
  name: string;
  style: CitationStyle;
  exportedAt: Date;
  quotes: PreparedQuote[];
  /** One CSL item per cited article, in order of first quotation. */
  items: CslItem[];
  /** The reference list, one entry a line, in the style's order. */
  references: string[];
  referencesHtml: string;
}

/** Collects the cited articles once each and formats their citations in the chosen style. */
export function prepareExport(input: ExportInput): PreparedExport {
  const items = new Map<string, CslItem>();
  const citations = new Map<string, string>();
  const quotes = input.quotes.map((quote): PreparedQuote => {
    const id = citationId(quote.citation);
    if (!items.has(id)) {
      const item = cslItem(quote.citation);
      items.set(id, item);
      citations.set(id, inTextCitation(item, input.style));
    }
    return { quote, itemId: id, citation: citations.get(id)!, drift: driftNote(quote) };
  });
  const list = [...items.values()];
  return {
    name: input.name,
    style: input.style,
    exportedAt: input.exportedAt,
    quotes,
    items: list,
    references: bibliographyEntries(list, input.style),
    referencesHtml: bibliography(list, input.style, 'html'),
  };
}

/** The verbatim check: a sentence when the source no longer reads as the saved text, else null. */
export function driftNote(quote: QuoteView): string | null {
  const { anchor } = quote;
  if (anchor.status === 'exact' || (anchor.status === 'moved' && anchor.currentText === null)) return null;
  if (anchor.status === 'fuzzy') {
    return `Verbatim check: the source now differs from this quotation; it reads “${anchor.currentText ?? ''}”.`;
  }
  return `Verbatim check: ${anchor.message ?? 'the passage was not found in the source.'}`;
}

/** A file name made from the collection's name. */
export function fileBase(name: string): string {
  return (
    name
      .replace(/[/\\?%*:|"<>]/g, ' ')
      .replace(/\p{Cc}/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'collection'
  );
}
