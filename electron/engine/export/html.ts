import { STYLE_NAMES } from './citations';
import type { PreparedExport, PreparedQuote } from './prepare';

/**
 * The collection as a standalone HTML page: block quotes with speaker and
 * citation, notes, tags, verbatim-check warnings and the reference list as
 * citation-js formats it. Every piece of text is escaped.
 */
export function toHtml(data: PreparedExport): string {
  const quotes = data.quotes.map(quoteHtml).join('\n');
  const references =
    data.references.length > 0
      ? `<section class="references">\n<h2>References</h2>\n${data.referencesHtml}\n</section>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(data.name)}</title>
<style>
body { font-family: Georgia, serif; max-width: 42em; margin: 2em auto; padding: 0 1em; line-height: 1.55; color: #1d232b; }
blockquote { margin: 1.5em 0 0.4em; padding-left: 1em; border-left: 3px solid #c9a86a; white-space: pre-wrap; }
.attribution { margin: 0 0 0.4em 1.2em; color: #3f4955; }
.note, .tags { margin: 0.2em 0 0.2em 1.2em; font-size: 0.92em; }
.drift { margin: 0.2em 0 0.2em 1.2em; color: #b3261e; font-weight: bold; }
.csl-entry { padding-left: 2em; text-indent: -2em; margin-bottom: 0.5em; }
</style>
</head>
<body>
<h1>${escapeHtml(data.name)}</h1>
<p class="meta">${data.quotes.length} ${data.quotes.length === 1 ? 'quote' : 'quotes'}, exported from Quarry on ${data.exportedAt.toISOString().slice(0, 10)}; citations in ${STYLE_NAMES[data.style]}.</p>
${quotes}
${references}
</body>
</html>
`;
}

function quoteHtml({ quote, citation, drift }: PreparedQuote): string {
  const parts = [
    `<article class="quote" id="quote-${escapeHtml(quote.id)}">`,
    `<blockquote>${escapeHtml(quote.text)}</blockquote>`,
    `<p class="attribution">— ${quote.speaker ? `<span class="speaker">${escapeHtml(quote.speaker)}</span> ` : ''}<cite>${escapeHtml(citation)}</cite></p>`,
  ];
  if (quote.note.trim() !== '')
    parts.push(`<p class="note"><strong>Note:</strong> ${escapeHtml(quote.note)}</p>`);
  if (quote.tags.length > 0)
    parts.push(`<p class="tags"><strong>Tags:</strong> ${quote.tags.map(escapeHtml).join(', ')}</p>`);
  if (drift) parts.push(`<p class="drift">⚠ ${escapeHtml(drift)}</p>`);
  parts.push('</article>');
  return parts.join('\n');
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
