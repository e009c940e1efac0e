import type { CitationStyle, CollectionSummary, ExportedFile, ExportFormat, QuoteView } from '../../api';
import { toAnnotations } from './annotations';
import { references } from './citations';
import { toCsv } from './csv';
import { toDocx } from './docx';
import { toHtml } from './html';
import { toMarkdown } from './markdown';
import { fileBase, prepareExport } from './prepare';

const FILES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  md: { extension: 'md', mimeType: 'text/markdown; charset=utf-8' },
  html: { extension: 'html', mimeType: 'text/html; charset=utf-8' },
  docx: {
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  csv: { extension: 'csv', mimeType: 'text/csv; charset=utf-8' },
  json: { extension: 'json', mimeType: 'application/ld+json; charset=utf-8' },
  ris: { extension: 'ris', mimeType: 'application/x-research-info-systems; charset=utf-8' },
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex; charset=utf-8' },
  csl: { extension: 'csl.json', mimeType: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
};

/**
 * Writes quotes of a collection (already anchored, in the order given) in a
 * format; the drift found by the verbatim check is listed beside the file and
 * written into it wherever the format has room for notes.
 */
export async function exportQuotes(
  collection: CollectionSummary,
  quotes: QuoteView[],
  format: ExportFormat,
  style: CitationStyle = 'apa',
  now = new Date(),
): Promise<ExportedFile> {
  const data = prepareExport({ name: collection.name, style, quotes, exportedAt: now });
  const { extension, mimeType } = FILES[format];
  let content: string;
  let encoding: ExportedFile['encoding'] = 'utf8';
  if (format === 'md') content = toMarkdown(data);
  else if (format === 'html') content = toHtml(data);
  else if (format === 'csv') content = toCsv(data);
  else if (format === 'json') content = toAnnotations(data, collection);
  else if (format === 'docx') {
    content = Buffer.from(await toDocx(data)).toString('base64');
    encoding = 'base64';
  } else content = references(data.items, format);
  return {
    fileName: `${fileBase(collection.name)}.${extension}`,
    mimeType,
    encoding,
    content,
    quoteCount: quotes.length,
    drift: data.quotes
      .filter((prepared) => prepared.drift !== null)
      .map((prepared) => ({
        quoteId: prepared.quote.id,
        status: prepared.quote.anchor.status,
        message: prepared.drift!,
      })),
  };
}

/** The bytes to write for an exported file. */
export function exportedBytes(file: ExportedFile): Uint8Array {
  return file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
}
