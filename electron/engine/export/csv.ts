import type { PreparedExport } from './prepare';

export const CSV_COLUMNS = [
  'text',
  'speaker',
  'note',
  'tags',
  'article title',
  'source',
  'author',
  'date',
  'url',
  'path',
  'start',
  'end',
  'citation',
  'verbatim check',
] as const;

/**
 * The collection as CSV (RFC 4180): one row per quote, fields quoted where
 * they hold commas, quotes or line breaks, tags joined with "; ", with a
 * byte-order mark so that spreadsheet programs read it as UTF-8.
 */
export function toCsv(data: PreparedExport): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const { quote, citation, drift } of data.quotes) {
    const info = quote.citation;
    rows.push([
      quote.text,
      quote.speaker ?? '',
      quote.note,
      quote.tags.join('; '),
      info.title,
      info.source ?? '',
      info.author ?? '',
      info.date ?? '',
      info.url ?? '',
      info.path,
      String(quote.start),
      String(quote.end),
      citation,
      drift ?? 'ok',
    ]);
  }
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
