import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ParsedArticle } from './article';
import { assembleBody, type BlockPart } from './article';
import { rebuildParagraphs, type PdfLine } from './pdf-layout';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** A reason a PDF could not be read, in words for the ingest report. */
export class PdfError extends Error {}

let loaded: Promise<PdfJs> | null = null;

/**
 * Loads pdf.js once per thread. In Node it runs its "worker" in the same
 * thread: the worker module is handed over through `globalThis.pdfjsWorker`,
 * which pdf.js looks for before it tries to start a worker of its own, so no
 * worker file has to be found at run time (in the bundle or the tests alike).
 */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    // Imported by absolute URL: a bare name would not resolve from every host (the CJS bundle, tsx).
    const resolve = createRequire(import.meta.url).resolve;
    const url = (name: string) => pathToFileURL(resolve(`pdfjs-dist/legacy/build/${name}`)).href;
    const worker: unknown = await import(url('pdf.worker.mjs'));
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return (await import(url('pdf.mjs'))) as PdfJs;
  })();
  return loaded;
}

// Character maps let pdf.js read text set in fonts that are not embedded (CJK above all).
function resourceUrls(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
  } catch {
    return {};
  }
}

export interface PdfOptions {
  /** Gives up (and reports) after this long: a damaged PDF can keep pdf.js busy. */
  timeoutMs: number;
}

/**
 * Reads a PDF's text in reading order: lines rebuilt from text positions,
 * paragraphs from line spacing, hyphens at line ends undone, running headers
 * and page numbers dropped, and each paragraph's page kept. Title, author and
 * date come from the document info. Throws PdfError with a reason a user
 * understands ("password protected", "no text (scanned?)", …).
 */
export async function parsePdf(
  bytes: Uint8Array,
  fallbackTitle: string,
  options: PdfOptions,
): Promise<ParsedArticle> {
  const lib = await pdfjs();
  // pdf.js takes ownership of (detaches) the buffer it is given.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    ...resourceUrls(),
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new PdfError(`took too long to read (over ${Math.round(options.timeoutMs / 1000)} s; damaged?)`),
        ),
      options.timeoutMs,
    );
  });
  try {
    return await Promise.race([readDocument(task.promise, fallbackTitle), timeout]);
  } catch (error) {
    throw explain(error);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

function explain(error: unknown): Error {
  if (error instanceof PdfError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new PdfError('password protected');
  if (name === 'InvalidPDFException') return new PdfError('not a valid PDF (damaged or cut short)');
  const message = error instanceof Error ? error.message : String(error);
  return new PdfError(`not a readable PDF (${message.slice(0, 120)})`);
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

async function readDocument(opening: Promise<PdfDocument>, fallbackTitle: string): Promise<ParsedArticle> {
  const doc = await opening;
  const pages: PdfLine[][] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    pages.push(linesOf(content.items, number));
    page.cleanup();
  }
  const paragraphs = rebuildParagraphs(pages);
  if (paragraphs.length === 0) throw new PdfError('no text (scanned?)');
  const info = await doc.getMetadata().catch(() => null);
  const fields = (info?.info ?? {}) as Record<string, unknown>;
  const parts: BlockPart[] = paragraphs.map((paragraph) => ({
    kind: 'paragraph',
    text: paragraph.text,
    page: paragraph.page,
  }));
  const { body, blocks, sourceMap } = assembleBody(parts);
  return {
    title: usefulTitle(fields.Title) ?? headlineOf(pages) ?? fallbackTitle,
    body,
    blocks,
    sourceMap,
    date: pdfDate(fields.CreationDate) ?? pdfDate(fields.ModDate),
    author: stringOf(fields.Author),
    source: null,
    url: null,
    tags: (stringOf(fields.Keywords) ?? '')
      .split(/[,;]/)
      .map((tag) => tag.trim())
      .filter(Boolean),
  };
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

/** Groups a page's text items into lines, top to bottom as the page set them. */
function linesOf(items: readonly unknown[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  let lastEnd = 0;
  for (const raw of items) {
    const item = raw as TextItemLike;
    if (typeof item.str !== 'string' || !item.transform) continue;
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
    const size = Math.hypot(a, b) || item.height || 10;
    if (current && Math.abs(current.y - y) > size * 0.5) current = null;
    if (!current) {
      current = { text: '', x, y, size, page };
      lines.push(current);
      lastEnd = x;
    }
    // A gap between runs of text on one line is a space the PDF did not write.
    const gap = x - lastEnd;
    if (current.text && gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str)) {
      current.text += ' ';
    }
    current.text += item.str;
    current.size = Math.max(current.size, size);
    lastEnd = x + (item.width ?? 0);
    if (item.hasEOL) current = null;
  }
  return lines
    .map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }))
    .filter((line) => line.text);
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

// Titles that word processors fill in by themselves say nothing about the article.
function usefulTitle(value: unknown): string | null {
  const title = stringOf(value);
  if (
    !title ||
    /^(untitled|microsoft word - |document\d*$)/i.test(title) ||
    /\.(docx?|pdf|rtf)$/i.test(title)
  ) {
    return null;
  }
  return title;
}

/** The largest type among the first page's opening lines, when it stands out: a headline. */
function headlineOf(pages: PdfLine[][]): string | null {
  const opening = (pages.find((lines) => lines.length > 0) ?? []).slice(0, 12);
  const first = opening[0];
  if (!first) return null;
  const largest = opening.reduce((best, line) => (line.size > best.size ? line : best), first);
  const typical = opening.map((line) => line.size).sort((a, b) => a - b)[Math.floor(opening.length / 2)] ?? 0;
  return largest.size > typical * 1.15 && largest.text.length <= 200 ? largest.text : null;
}

/** Reads a PDF date ("D:20190304093000+01'00'") as YYYY-MM-DD. */
export function pdfDate(value: unknown): string | null {
  const match = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  if (!match) return null;
  const [, year, month, day] = match;
  return [year, month, day].filter(Boolean).join('-');
}
