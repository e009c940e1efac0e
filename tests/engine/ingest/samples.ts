import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * Files of every format Quarry reads, made in memory by well-known libraries
 * (pdf-lib, docx, fflate) or by hand, for the tests and the ingest bench.
 */

export interface SampleArticle {
  title: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  author: string;
  paragraphs: string[];
  /** A quotation, shown as a block quotation where the format has one. */
  quote?: string;
}

export const BUDGET: SampleArticle = {
  title: 'Budget day',
  date: '2019-03-04',
  author: 'Jane Doe',
  paragraphs: [
    'The chancellor set out the budget on Monday, promising investment in railways and schools.',
    'Opposition leaders said the figures did not add up and would not survive the year.',
  ],
  quote: '“No new taxes,” she said.',
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A saved news page with Open Graph, JSON-LD and a page shell around the article. */
export function makeHtml(article: SampleArticle, site = 'The Ledger'): string {
  const paragraphs = article.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`);
  if (article.quote) paragraphs.splice(1, 0, `<blockquote><p>${escapeHtml(article.quote)}</p></blockquote>`);
  const ld = {
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: `${article.date}T09:00:00Z`,
    author: { '@type': 'Person', name: article.author },
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(article.title)} | ${site}</title>
<meta property="og:site_name" content="${site}">
<link rel="canonical" href="https://example.org/${encodeURIComponent(article.title)}">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
</head><body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>${escapeHtml(article.title)}</h1>
${paragraphs.join('\n')}
</article><footer>© ${site}</footer></body></html>`;
}

/** A PDF with document info and the article set in lines on A4 pages, with a running header and page numbers. */
export async function makePdf(article: SampleArticle, pages = 1): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(article.title);
  pdf.setAuthor(article.author);
  pdf.setCreationDate(new Date(`${article.date}T12:00:00Z`));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= pages; number++) {
    const page = pdf.addPage([595, 842]);
    page.drawText('The Ledger — Archive copy', { x: 50, y: 800, size: 9, font });
    let y = 760;
    const texts = [...article.paragraphs, ...(article.quote ? [article.quote] : [])];
    for (const [index, text] of texts.entries()) {
      for (const line of wrap(pages > 1 ? `${text} (page ${number}, part ${index + 1})` : text, 80)) {
        page.drawText(line, { x: 50, y, size: 11, font });
        y -= 14;
      }
      y -= 14;
    }
    page.drawText(String(number), { x: 290, y: 30, size: 9, font });
  }
  return pdf.save();
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A Word document with its title, author and date in the document properties. */
export async function makeDocx(article: SampleArticle): Promise<Uint8Array> {
  const children = [
    new Paragraph({ text: article.title, heading: HeadingLevel.HEADING_1 }),
    ...article.paragraphs.map((text) => new Paragraph({ text })),
    ...(article.quote ? [new Paragraph({ text: article.quote, style: 'Quote' })] : []),
  ];
  const doc = new Document({
    creator: article.author,
    title: article.title,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** An EPUB 3 book with one chapter per paragraph group. */
export function makeEpub(article: SampleArticle, chapters = 2): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
  };
  const manifest: string[] = [];
  const spine: string[] = [];
  for (let n = 1; n <= chapters; n++) {
    manifest.push(`<item id="c${n}" href="text/chapter${n}.xhtml" media-type="application/xhtml+xml"/>`);
    spine.push(`<itemref idref="c${n}"/>`);
    const body = article.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('');
    const quote =
      article.quote && n === 1 ? `<blockquote><p>${escapeHtml(article.quote)}</p></blockquote>` : '';
    files[`OEBPS/text/chapter${n}.xhtml`] = strToU8(
      `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter ${n}</title></head><body><h2>Chapter ${n}</h2>${body}${quote}</body></html>`,
    );
  }
  files['OEBPS/content.opf'] = strToU8(`<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:x</dc:identifier>
<dc:title>${escapeHtml(article.title)}</dc:title><dc:creator>${escapeHtml(article.author)}</dc:creator>
<dc:date>${article.date}</dc:date><dc:publisher>Ledger Books</dc:publisher><dc:language>en</dc:language></metadata>
<manifest>${manifest.join('')}</manifest><spine>${spine.join('')}</spine></package>`);
  return zipSync(files);
}

/** One e-mail as an RFC 5322 message, with a quoted reply in its body. */
export function makeEml(article: SampleArticle, id = 'budget@ledger.example'): string {
  return [
    `From: ${article.author} <jane@ledger.example>`,
    'To: desk@ledger.example',
    `Subject: ${article.title}`,
    `Date: ${mailDate(article.date)}`,
    `Message-ID: <${id}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...article.paragraphs.flatMap((text) => [text, '']),
    'On Sunday, the desk wrote:',
    '> “Are we sure about the figures?” asked the editor.',
    '> Please check before Monday.',
    '',
  ].join('\r\n');
}

function mailDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `Mon, ${day} ${months[month - 1]} ${year} 23:30:00 -0500`;
}

/** A mailbox of several messages, "From " lines between them. */
export function makeMbox(articles: SampleArticle[]): string {
  return articles
    .map(
      (article, index) =>
        `From jane@ledger.example Mon Mar  4 23:30:00 2019\n${makeEml(article, `m${index}@ledger.example`).replace(/\r\n/g, '\n')}\n`,
    )
    .join('');
}

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A database export with a header row: one article per row. */
export function makeCsv(articles: SampleArticle[]): string {
  const rows = articles.map((article, index) =>
    [String(index + 1), article.title, article.date, article.author, article.paragraphs.join('\n\n')]
      .map(csvCell)
      .join(','),
  );
  return ['id,headline,published,byline,text', ...rows].join('\r\n') + '\r\n';
}

/** A JSON export: an array of records with common field names. */
export function makeJson(articles: SampleArticle[]): string {
  return JSON.stringify(
    articles.map((article, index) => ({
      id: `a${index + 1}`,
      title: article.title,
      date: article.date,
      author: article.author,
      body: article.paragraphs.join('\n\n'),
    })),
    null,
    2,
  );
}

/** JSON Lines: one record a line. */
export function makeJsonl(articles: SampleArticle[]): string {
  return (
    articles
      .map((article) =>
        JSON.stringify({
          headline: article.title,
          published: article.date,
          byline: article.author,
          content: article.paragraphs.join('\n\n'),
        }),
      )
      .join('\n') + '\n'
  );
}

/** A variant of an article with its own title and date, for files of several. */
export function variant(article: SampleArticle, n: number): SampleArticle {
  const day = String((n % 28) + 1).padStart(2, '0');
  return { ...article, title: `${article.title} ${n}`, date: `${article.date.slice(0, 8)}${day}` };
}
