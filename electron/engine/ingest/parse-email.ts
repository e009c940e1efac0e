import PostalMime from 'postal-mime';
import type { BlockKind } from '../../api';
import { assembleBody, type BlockPart, type ParsedArticle, type ParseOutcome } from './article';
import { htmlBlocks } from './parse-html';
import { normaliseDate } from './parse-markdown';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:[ \t]/;
const MAIL_HEADERS =
  /^(from|to|subject|date|message-id|cc|received|return-path|mime-version|reply-to|in-reply-to|references):/i;

/**
 * Says whether text opens like an e-mail: an mbox "From " line or a block of
 * header lines with at least two of the usual mail headers (From, Subject,
 * Date…). Used for files without an extension.
 */
export function looksLikeEmail(head: string): boolean {
  const lines = head.replace(/\r\n?/g, '\n').split('\n');
  if (/^From \S+/.test(lines[0] ?? '') && lines.slice(1, 20).some((line) => MAIL_HEADERS.test(line)))
    return true;
  let known = 0;
  for (const line of lines.slice(0, 60)) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) continue;
    if (!HEADER_LINE.test(line)) return false;
    if (MAIL_HEADERS.test(line)) known++;
  }
  return known >= 2;
}

/**
 * Reads e-mail: one message (.eml, header-style text) or a mailbox (.mbox)
 * of many, one article per message. Subject is the title, Date the date (the
 * sender's calendar day), From the author; lines quoted from earlier mail
 * (`>`) become `reply` blocks, so the quotes analysis does not take them for
 * the article's quotations. `bytes` are the raw file.
 */
export async function parseEmail(
  bytes: Uint8Array,
  fallbackTitle: string,
  mailbox: boolean,
): Promise<ParseOutcome> {
  // Latin-1 maps bytes to characters one to one, so offsets found here are file offsets.
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const messages = mailbox || /^From \S/.test(raw) ? splitMailbox(raw) : [{ offset: 0, text: raw }];
  const articles: ParsedArticle[] = [];
  const notes: string[] = [];
  for (const [index, message] of messages.entries()) {
    const locator = messages.length > 1 ? `message ${index + 1}` : undefined;
    try {
      const article = await readMessage(Buffer.from(message.text, 'latin1'), fallbackTitle, message.offset);
      if (article) articles.push({ ...article, ...(locator ? { locator } : {}) });
      else notes.push(`${locator ?? 'the message'}: no text`);
    } catch (error) {
      notes.push(`${locator ?? 'the message'}: not readable (${(error as Error).message.slice(0, 80)})`);
    }
  }
  if (articles.length === 0) {
    return { ok: false, reason: notes.length === 1 && !mailbox ? 'no message text' : 'no readable message' };
  }
  return { ok: true, articles, ...(notes.length > 0 ? { notes } : {}) };
}

/** Splits an mbox at its "From " separator lines, undoing the ">From " escaping of body lines. */
function splitMailbox(raw: string): { offset: number; text: string }[] {
  const starts: number[] = [];
  const separator = /(^|\n)From [^\n]*\n/g;
  for (let match = separator.exec(raw); match; match = separator.exec(raw)) {
    starts.push(match.index + match[1]!.length);
  }
  return starts.map((start, index) => {
    const end = starts[index + 1] ?? raw.length;
    const headerEnd = raw.indexOf('\n', start) + 1;
    return { offset: headerEnd, text: raw.slice(headerEnd, end).replace(/^>(>*From )/gm, '$1') };
  });
}

async function readMessage(
  bytes: Uint8Array,
  fallbackTitle: string,
  offset: number,
): Promise<ParsedArticle | null> {
  const email = await PostalMime.parse(bytes, { maxNestingDepth: 40, maxRfc822NestingDepth: 3 });
  const parts: BlockPart[] = email.text ? textParts(email.text) : email.html ? htmlBlocks(email.html) : [];
  if (parts[0]) parts[0] = { ...parts[0], offset };
  const subject = email.subject?.trim();
  if (parts.length === 0 && !subject) return null;
  const from = email.from && 'address' in email.from ? email.from : null;
  const dateHeader = email.headers.find((header) => header.key === 'date')?.value;
  const listId = email.headers.find((header) => header.key === 'list-id')?.value;
  return {
    title: subject || fallbackTitle,
    ...assembleBody(parts),
    date: senderDay(dateHeader) ?? normaliseDate(email.date ?? null),
    author: from ? from.name?.trim() || from.address || null : null,
    source: listId
      ? listId
          .replace(/<[^>]*>/, '')
          .replace(/"/g, '')
          .trim() || null
      : null,
    url: null,
    tags: [],
    ...(email.messageId ? { key: email.messageId.replace(/^<|>$/g, '') } : {}),
  };
}

/** The calendar day in the Date header as the sender wrote it ("Mon, 4 Mar 2019 23:30 -0500" is the 4th). */
function senderDay(header: string | undefined): string | null {
  const match = header ? /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(header) : null;
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]!.toLowerCase());
  if (month < 0) return null;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

/** Paragraphs of a plain-text body, with runs of `>` lines as reply blocks (markers taken off). */
function textParts(text: string): BlockPart[] {
  const parts: BlockPart[] = [];
  let kind: BlockKind | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (kind && lines.length > 0) parts.push({ kind, text: lines.join('\n') });
    kind = null;
    lines = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const quoted = /^\s*>/.test(line);
    const content = quoted ? line.replace(/^(\s*>)+ ?/, '') : line;
    const lineKind: BlockKind = quoted ? 'reply' : 'paragraph';
    if (!quoted && content.trim() === '') {
      flush();
      continue;
    }
    if (kind !== lineKind) flush();
    kind = lineKind;
    lines.push(content);
  }
  flush();
  return parts;
}
