import { STYLE_NAMES } from './citations';
import type { PreparedExport, PreparedQuote } from './prepare';

/**
 * The collection as Markdown: each quote as a block quote with its speaker and
 * in-text citation, note, tags and any verbatim-check warning, then the
 * reference list. Text is escaped so that it reads exactly as saved.
 */
export function toMarkdown(data: PreparedExport): string {
  const lines = [
    `# ${escapeMarkdown(data.name)}`,
    '',
    `_${data.quotes.length} ${data.quotes.length === 1 ? 'quote' : 'quotes'}, exported from Quarry on ${data.exportedAt.toISOString().slice(0, 10)}; citations in ${STYLE_NAMES[data.style]}._`,
    '',
  ];
  for (const prepared of data.quotes) lines.push(...quoteLines(prepared), '');
  if (data.references.length > 0) {
    lines.push('## References', '');
    for (const entry of data.references) lines.push(escapeMarkdown(entry), '');
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

function quoteLines({ quote, citation, drift }: PreparedQuote): string[] {
  const lines = quote.text.split('\n').map((line) => (line.trim() === '' ? '>' : `> ${escapeLine(line)}`));
  const who = quote.speaker ? `${escapeMarkdown(quote.speaker)} ` : '';
  lines.push('', `— ${who}${escapeMarkdown(citation)}`);
  if (quote.note.trim() !== '')
    lines.push('', `**Note:** ${escapeMarkdown(quote.note).replace(/\n/g, '  \n')}`);
  if (quote.tags.length > 0) lines.push('', `**Tags:** ${quote.tags.map(escapeMarkdown).join(', ')}`);
  if (drift) lines.push('', `**⚠ ${escapeMarkdown(drift)}**`);
  return lines;
}

/** Escapes the characters Markdown would read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&');
}

// A line that starts like a heading, list item or numbered item must not become one.
function escapeLine(line: string): string {
  return escapeMarkdown(line).replace(/^(\s*)([#+-]|\d+[.)])/, (_match, space: string, mark: string) =>
    mark.length === 1 ? `${space}\\${mark}` : `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`,
  );
}
