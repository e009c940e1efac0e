import { Cite, plugins, type CslItem, type CslName } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import type { CitationInfo, CitationStyle } from '../../api';
// Bundled into the build as text, so that formatting never needs the network. APA comes with plugin-csl.
import chicagoStyle from './styles/chicago-author-date.csl?raw';
import mlaStyle from './styles/modern-language-association.csl?raw';

/** The CSL template each style is formatted with. */
const TEMPLATES: Record<CitationStyle, string> = {
  apa: 'apa',
  chicago: 'quarry-chicago-author-date',
  mla: 'quarry-modern-language-association',
};

export const STYLE_NAMES: Record<CitationStyle, string> = {
  apa: 'APA 7th edition',
  chicago: 'Chicago author-date',
  mla: 'MLA 9th edition',
};

let registered = false;

function register(): void {
  if (registered) return;
  registered = true;
  const csl = plugins.config.get('@csl');
  csl.styles!.add(TEMPLATES.chicago, chicagoStyle);
  csl.styles!.add(TEMPLATES.mla, mlaStyle);
  // Unicode is kept in BibTeX (biber and bibtex8 read UTF-8): the ASCII-only mode drops emoji and other letters.
  (plugins.config.get('@bibtex') as unknown as { format: { asciiOnly: boolean } }).format.asciiOnly = false;
}

/** A stable citation id for an article: the same article gets the same id in every export. */
export function citationId(info: CitationInfo): string {
  return `q${hash(info.path + '\u0000' + info.title)}`;
}

/** An article's citation as CSL-JSON, the form citation-js and reference managers read. */
export function cslItem(info: CitationInfo): CslItem {
  const item: CslItem = { id: citationId(info), type: 'article-newspaper', title: info.title };
  const author = info.author ? authorNames(info.author) : [];
  if (author.length > 0) item.author = author;
  if (info.source) item['container-title'] = info.source;
  const parts = info.date ? dateParts(info.date) : null;
  if (parts) item.issued = { 'date-parts': [parts] };
  if (info.url) item.URL = info.url;
  return item;
}

/** The reference list for these articles, one entry each, sorted as the style sorts it. */
export function bibliography(items: CslItem[], style: CitationStyle, format: 'text' | 'html'): string {
  register();
  if (items.length === 0) return '';
  return new Cite(items).format('bibliography', { format, template: TEMPLATES[style], lang: 'en-US' }).trim();
}

/** Each entry of the reference list on its own, in the style's order. */
export function bibliographyEntries(items: CslItem[], style: CitationStyle): string[] {
  const text = bibliography(items, style, 'text');
  return text === '' ? [] : text.split('\n').filter((line) => line.trim() !== '');
}

/** The in-text citation of one article, such as "(Doe, 2019)". */
export function inTextCitation(item: CslItem, style: CitationStyle): string {
  register();
  return new Cite([item]).format('citation', { format: 'text', template: TEMPLATES[style], lang: 'en-US' });
}

/** CSL-JSON, RIS or BibTeX for these articles, through citation-js. */
export function references(items: CslItem[], format: 'csl' | 'ris' | 'bibtex'): string {
  register();
  if (format === 'csl') return JSON.stringify(items, null, 2) + '\n';
  if (items.length === 0) return '';
  if (format === 'bibtex') {
    return new Cite(items.map(latexSafe)).format('bibtex', { format: 'text' });
  }
  // citation-js writes neither the authors nor the full date of a newspaper article (its RIS map
  // reads AU as "reporter" there); those lines are added to each record here.
  return (
    items
      .map((item) => {
        const record = new Cite([item]).format('ris', { format: 'text' });
        const extra = [
          ...((item.author as CslName[] | undefined) ?? []).map((name) => `AU  - ${risName(name)}`),
          ...risDate(item),
        ];
        return record.replace(/^(TY {2}- .*)$/m, (line) => [line, ...extra].join('\n'));
      })
      .join('\n') + '\n'
  );
}

function risName(name: CslName): string {
  return name.literal ?? [name.family, name.given].filter(Boolean).join(', ');
}

function risDate(item: CslItem): string[] {
  const parts = (item.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0];
  if (!parts || parts.length < 2) return [];
  const [year, month, day] = parts;
  return [`DA  - ${year}/${String(month).padStart(2, '0')}/${day ? String(day).padStart(2, '0') : ''}/`];
}

// With Unicode kept, LaTeX's special characters still need escaping in BibTeX's text fields.
function latexSafe(item: CslItem): CslItem {
  const escape = (text: string) => text.replace(/[\\{}&%$#_~^]/g, (char) => LATEX[char] ?? char);
  const copy: CslItem = { ...item };
  for (const key of ['title', 'container-title', 'note']) {
    if (typeof copy[key] === 'string') copy[key] = escape(copy[key]);
  }
  if (Array.isArray(copy.author)) {
    copy.author = (copy.author as CslName[]).map((name) =>
      Object.fromEntries(Object.entries(name).map(([key, value]) => [key, escape(String(value))])),
    );
  }
  return copy;
}

const LATEX: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** "Jane Doe and John Roe", "Doe, Jane", "Reuters staff" → CSL names; organisations stay literal. */
function authorNames(text: string): CslName[] {
  return text
    .split(/\s*(?:;|\band\b|&)\s*/)
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name): CslName => {
      if (name.includes(',')) {
        const [family, given] = name.split(/,\s*/, 2);
        return { family: family!, given: given ?? '' };
      }
      const words = name.split(/\s+/);
      if (words.length < 2 || /\b(staff|agency|news|press|reporters?|correspondents?)\b/i.test(name)) {
        return { literal: name };
      }
      return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
    });
}

function dateParts(date: string): number[] | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!match) return null;
  return [match[1], match[2], match[3]].filter((part): part is string => !!part).map(Number);
}

function hash(text: string): string {
  // FNV-1a: short, stable ids; collisions only merge two references, so no cryptography is needed.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
