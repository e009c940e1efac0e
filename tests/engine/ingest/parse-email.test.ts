import { describe, expect, it } from 'vitest';
import { looksLikeEmail, parseEmail } from '../../../electron/engine/ingest/parse-email';
import { BUDGET, makeEml, makeMbox, variant } from './samples';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseEmail', () => {
  it('reads subject, the sender’s calendar day and the sender as title, date and author', async () => {
    const outcome = await parseEmail(bytes(makeEml(BUDGET)), 'x', false);
    // The message was sent at 23:30 at UTC−5: still the 4th where it was written.
    expect(outcome).toMatchObject({
      ok: true,
      articles: [
        { title: 'Budget day', date: '2019-03-04', author: 'Jane Doe', key: 'budget@ledger.example' },
      ],
    });
  });

  it('marks quoted reply lines as reply blocks, markers taken off', async () => {
    const outcome = await parseEmail(bytes(makeEml(BUDGET)), 'x', false);
    const article = outcome.ok ? outcome.articles[0]! : null;
    const kinds = article!.blocks.map((block) => [block.kind, article!.body.slice(block.start, block.end)]);
    expect(kinds.at(-1)).toEqual([
      'reply',
      '“Are we sure about the figures?” asked the editor.\nPlease check before Monday.',
    ]);
    expect(kinds.filter(([kind]) => kind === 'reply')).toHaveLength(1);
  });

  it('reads every message of a mailbox, each with its locator and offset', async () => {
    const text = makeMbox([1, 2, 3].map((n) => variant(BUDGET, n)));
    const outcome = await parseEmail(bytes(text), 'x', true);
    const articles = outcome.ok ? outcome.articles : [];
    expect(articles.map((a) => [a.title, a.locator])).toEqual([
      ['Budget day 1', 'message 1'],
      ['Budget day 2', 'message 2'],
      ['Budget day 3', 'message 3'],
    ]);
    // Offsets count bytes of the file, not characters.
    const file = Buffer.from(text);
    expect(file.subarray(articles[1]!.sourceMap![0]!.offset).toString().startsWith('From: Jane Doe')).toBe(
      true,
    );
  });

  it('decodes quoted-printable and encoded headers through the MIME parser', async () => {
    const message =
      'Subject: =?utf-8?q?Caf=C3=A9_news?=\r\nFrom: a@b.c\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      'Content-Transfer-Encoding: quoted-printable\r\n\r\nThe caf=C3=A9 opened.\r\n';
    expect(await parseEmail(bytes(message), 'x', false)).toMatchObject({
      ok: true,
      articles: [{ title: 'Café news', body: 'The café opened.', author: 'a@b.c' }],
    });
  });
});

describe('looksLikeEmail', () => {
  it('knows header-style text and mbox files, and not other text', () => {
    expect(looksLikeEmail(makeEml(BUDGET))).toBe(true);
    expect(looksLikeEmail(makeMbox([BUDGET]))).toBe(true);
    expect(looksLikeEmail('Title: notes\nAuthor: me\n\nBody')).toBe(false);
    expect(looksLikeEmail('Dear diary,\nFrom: nobody')).toBe(false);
  });
});
