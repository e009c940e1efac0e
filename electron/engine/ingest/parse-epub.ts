import { posix } from 'node:path';
import { assembleBody, type BlockPart, type ParsedArticle } from './article';
import { htmlBlocks } from './parse-html';
import { normaliseDate } from './parse-markdown';
import { decodeXmlEntities, memberText, unzipMembers, xmlElementText, ZipError } from './zip';

/**
 * Reads an EPUB book as one article: every chapter of the spine in reading
 * order (each block remembering its chapter file), with the title, author,
 * publisher, date and language from the package document. Throws ZipError
 * with a reason when the file is not a readable EPUB.
 */
export function parseEpub(
  bytes: Uint8Array,
  fallbackTitle: string,
  maxUnpacked: number,
): ParsedArticle & { language: string | null } {
  // Every text member is unpacked in one go: the package document names the chapters only once it is read.
  const members = unzipMembers(bytes, (name) => /\.(xml|opf|x?html?|ncx)$/i.test(name), maxUnpacked, 'EPUB');
  const container = memberText(members.get('META-INF/container.xml'));
  if (!container) throw new ZipError('not an EPUB book (no META-INF/container.xml inside)');
  const opfPath = /<rootfile\b[^>]*\bfull-path\s*=\s*["']([^"']+)["']/i.exec(container)?.[1];
  const opf = opfPath ? memberText(members.get(decodeXmlEntities(opfPath))) : null;
  if (!opfPath || !opf) throw new ZipError('not a readable EPUB (its package document is missing)');
  const base = posix.dirname(decodeXmlEntities(opfPath));

  const manifest = new Map<string, string>();
  for (const item of opf.match(/<item\b[^>]*>/gi) ?? []) {
    const id = attribute(item, 'id');
    const href = attribute(item, 'href');
    if (id && href) manifest.set(id, href);
  }
  const parts: BlockPart[] = [];
  for (const itemref of opf.match(/<itemref\b[^>]*>/gi) ?? []) {
    const href = manifest.get(attribute(itemref, 'idref') ?? '');
    if (!href || attribute(itemref, 'linear') === 'no') continue;
    const member = posix.normalize(posix.join(base, decodeURIComponentSafe(href.split('#')[0]!)));
    const chapter = memberText(members.get(member));
    if (!chapter) continue;
    const inner = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(chapter)?.[1] ?? chapter;
    for (const block of htmlBlocks(inner)) parts.push({ ...block, part: member });
  }
  const language = xmlElementText(opf, 'dc:language');
  return {
    title: xmlElementText(opf, 'dc:title') ?? fallbackTitle,
    ...assembleBody(parts),
    date: normaliseDate(xmlElementText(opf, 'dc:date')),
    author: xmlElementText(opf, 'dc:creator'),
    source: xmlElementText(opf, 'dc:publisher'),
    url: null,
    tags: [...opf.matchAll(/<dc:subject\b[^>]*>([\s\S]*?)<\/dc:subject>/gi)]
      .map((match) => decodeXmlEntities(match[1]!).trim())
      .filter(Boolean),
    language: language ? language.slice(0, 2).toLowerCase() : null,
  };
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? null : decodeXmlEntities(value);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
