import { assembleBody, type BlockPart, type ParsedArticle } from './article';
import { htmlBlocks } from './parse-html';
import { normaliseDate } from './parse-markdown';
import { memberText, unzipMembers, xmlElementText, ZipError } from './zip';

// Word's quotation styles become block quotations, so the quotes analysis sees them.
const STYLE_MAP = [
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  // Documents whose styles have ids but no names (as some generators write them).
  'p.Quote => blockquote > p:fresh',
  'p.IntenseQuote => blockquote > p:fresh',
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
];

/**
 * Reads a Word document through mammoth: headings, paragraphs, list items and
 * quotation-styled paragraphs as blocks; title, author and date from the
 * document properties (the first heading when the title is not set). Throws
 * ZipError with a reason when the file is not a readable DOCX.
 */
export async function parseDocx(
  bytes: Uint8Array,
  fallbackTitle: string,
  maxUnpacked: number,
): Promise<ParsedArticle> {
  const members = unzipMembers(
    bytes,
    (name) => name === 'word/document.xml' || name === 'docProps/core.xml',
    maxUnpacked,
    'DOCX',
  );
  if (!members.has('word/document.xml'))
    throw new ZipError('not a Word document (no word/document.xml inside)');
  const core = memberText(members.get('docProps/core.xml')) ?? '';
  // Loaded with the first Word document, not when the engine starts (it takes a tenth of a second).
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP })).value;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new ZipError(`not a readable DOCX (${message.slice(0, 120)})`);
  }
  let parts: BlockPart[] = htmlBlocks(html);
  let title = xmlElementText(core, 'dc:title');
  // The opening heading is the headline: shown as the title, not twice.
  if (parts[0]?.kind === 'heading' && (!title || parts[0].text === title)) {
    title = parts[0].text;
    parts = parts.slice(1);
  }
  return {
    title: title ?? fallbackTitle,
    ...assembleBody(parts),
    date: normaliseDate(xmlElementText(core, 'dcterms:created') ?? xmlElementText(core, 'dcterms:modified')),
    author: xmlElementText(core, 'dc:creator'),
    source: null,
    url: null,
    tags: (xmlElementText(core, 'cp:keywords') ?? '')
      .split(/[,;]/)
      .map((tag) => tag.trim())
      .filter(Boolean),
  };
}
