import { pathToFileURL } from 'node:url';
import type { CollectionSummary, QuoteView } from '../../api';
import type { PreparedExport } from './prepare';

export const ANNOTATION_EXPORT_FORMAT = 'quarry-collection-export';

/**
 * The collection as W3C Web Annotations (an AnnotationCollection with one
 * page): each quote targets its article file with a TextQuoteSelector (exact,
 * prefix, suffix) and a TextPositionSelector. Positions count UTF-16 code
 * units in the article's body text as Quarry shows it, not in the file's bytes;
 * the `quarry` member of each annotation keeps everything needed to import
 * the collection back without loss.
 */
export function toAnnotations(data: PreparedExport, collection: CollectionSummary): string {
  const items = data.quotes.map(({ quote, drift }) => annotation(quote, drift));
  const document = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:quarry:collection:${collection.id}`,
    type: 'AnnotationCollection',
    label: collection.name,
    total: items.length,
    generated: data.exportedAt.toISOString(),
    quarry: {
      format: ANNOTATION_EXPORT_FORMAT,
      version: 1,
      collection: {
        id: collection.id,
        name: collection.name,
        created: collection.created,
        updated: collection.updated,
      },
      positions: 'UTF-16 offsets into the article body text as Quarry shows it',
    },
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(document, null, 2) + '\n';
}

function annotation(quote: QuoteView, drift: string | null): object {
  const body: object[] = [];
  if (quote.note.trim() !== '')
    body.push({ type: 'TextualBody', value: quote.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of quote.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return {
    id: `urn:uuid:${quote.id}`,
    type: 'Annotation',
    motivation: quote.note.trim() !== '' ? 'commenting' : 'highlighting',
    created: quote.savedAt,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: pathToFileURL(quote.citation.path).href,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.text, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: quote.start, end: quote.end },
      ],
    },
    quarry: {
      articleId: quote.articleId,
      contentHash: quote.contentHash,
      citation: quote.citation,
      speaker: quote.speaker,
      note: quote.note,
      tags: quote.tags,
      anchor: quote.anchor.status,
      ...(drift ? { verbatimCheck: drift } : {}),
    },
  };
}
