import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, openFirstResult, root, screenshots, startSession, type Session } from './harness';

// The sample archive's briefing transcript and two articles that quote the same people.
const SAMPLE = [
  'northline-wire/2012-06-07-fisheries-briefing-transcript.md',
  'northline-wire/2013-04-15-fisheries-agreement-signed.txt',
  'meridian-review/2022-01-27-north-sound-renewal.md',
];
const extra = Object.fromEntries(
  SAMPLE.map((path) => [path, readFileSync(join(root, 'archive', path), 'utf8')]),
);

describe.skipIf(!haveChromium)('quotations in Chromium', () => {
  let session: Session;
  let page: Page;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    session = await startSession(['politics/197.txt'], 'quarry-e2e-quotes-', extra);
    ({ page, consoleErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  const reader = () => page.getByRole('region', { name: 'Article' });
  const views = () => page.getByRole('navigation', { name: 'Views' });

  it('shows who speaks beside each turn of the briefing transcript', async () => {
    await page.goto(session.url);
    expect(await openFirstResult(page, 'briefing transcript')).toMatch(/^Transcript: Minister Okafor/);

    // Without a query the filter column goes, and the reader is wide enough for a margin.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('complementary', { name: 'Filters' }).count()).toBe(0);
    const labels = reader().locator('.labels .speaker');
    await expect.poll(() => labels.count()).toBe(15);
    const names = await labels.allInnerTexts();
    expect(new Set(names)).toEqual(new Set(['Daniel Okafor', 'Ingrid Lindqvist', 'unnamed questioner']));
    expect(names.slice(0, 3)).toEqual(['Daniel Okafor', 'Ingrid Lindqvist', 'unnamed questioner']);

    // Each name sits in the margin, level with the first line of its turn and clear of the text.
    const first = await labels.first().boundingBox();
    const text = await reader().locator('.body p').first().boundingBox();
    const turn = await reader().locator('.quotation.transcript').first().boundingBox();
    expect(first!.x + first!.width).toBeLessThan(text!.x);
    expect(Math.abs(first!.y - turn!.y)).toBeLessThan(12);

    await reader().locator('.quotation.transcript').nth(1).hover();
    await expect.poll(() => page.getByRole('tooltip').innerText()).toContain('Ingrid Lindqvist');
    await page.screenshot({ path: join(screenshots, 'quotes-reader-transcript.png') });
  });

  it('lists the quotes in the article and jumps to one from the keyboard', async () => {
    await reader()
      .getByRole('button', { name: /^Quotes/ })
      .click();
    const list = page.getByRole('navigation', { name: 'Quotes in this article' });
    const items = list.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(15);
    expect(await items.first().innerText()).toMatch(/^Daniel Okafor\s+Transcript turn\s+Good afternoon/);

    await items.first().getByRole('button').focus();
    for (let i = 0; i < 13; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const focused = page.locator('.quotation:focus');
    await expect.poll(() => focused.innerText()).toBe('September, in Skarvik. We have offered to host.');
    await expect.poll(() => focused.evaluate((element) => element.classList.contains('flash'))).toBe(true);
    await page.screenshot({ path: join(screenshots, 'quotes-reader-list.png') });
  });

  it('saves a detected quotation with its speaker into a new collection', async () => {
    await page.keyboard.press('Enter');
    const card = page.getByRole('dialog', { name: 'Quotation' });
    await expect.poll(() => card.innerText()).toContain('Ingrid Lindqvist');
    await card.getByRole('button', { name: 'Save quote…' }).click();

    const form = page.getByRole('dialog', { name: 'Save quote' });
    await expect
      .poll(() => form.getByRole('textbox', { name: 'Speaker' }).inputValue())
      .toBe('Ingrid Lindqvist');
    await form.getByLabel('New collection name').fill('Fisheries talks');
    await page.screenshot({ path: join(screenshots, 'quotes-save-popover.png') });
    await form.getByRole('button', { name: 'Save quote' }).click();
    await expect.poll(() => reader().getByRole('status').innerText()).toBe('Saved to “Fisheries talks”');

    await views().getByRole('button', { name: 'Collections' }).click();
    await page
      .getByRole('list', { name: 'Collections' })
      .getByRole('button', { name: /Fisheries talks/ })
      .click();
    const quote = page.getByRole('group', { name: /^Quote:/ });
    await expect
      .poll(() => quote.locator('blockquote').innerText())
      .toBe('September, in Skarvik. We have offered to host.');
    await expect.poll(() => quote.innerText()).toContain('Ingrid Lindqvist');
  });

  it('answers what a speaker said across the library in the Quotes view', async () => {
    await views().getByRole('button', { name: 'Quotes' }).click();
    const tree = page.getByRole('tree', { name: 'Quotations' });
    await expect.poll(() => tree.getByRole('treeitem').count(), { timeout: 10_000 }).toBeGreaterThan(5);
    await page.screenshot({ path: join(screenshots, 'quotes-view-all.png') });

    const speakers = page.getByRole('group', { name: 'Speaker' });
    await speakers.getByLabel(/Ingrid Lindqvist/).check();
    await expect
      .poll(async () => new Set(await tree.locator('.speaker').allInnerTexts()), { timeout: 10_000 })
      .toEqual(new Set(['Ingrid Lindqvist']));
    const rows = await tree.getByRole('treeitem').count();
    // Her transcript turns and what the two articles quote her saying.
    expect(rows).toBeGreaterThanOrEqual(6);

    const box = page.getByRole('searchbox', { name: 'Search quotations' });
    await box.fill('boats');
    await expect.poll(() => tree.getByRole('treeitem').count(), { timeout: 10_000 }).toBe(1);
    expect(await tree.locator('mark').allInnerTexts()).toEqual(['boats']);
    await page.screenshot({ path: join(screenshots, 'quotes-view.png') });

    await box.press('Enter');
    await expect
      .poll(() => reader().getByRole('heading', { level: 1 }).innerText(), { timeout: 10_000 })
      .toMatch(/agreement/i);
    await expect.poll(() => page.locator('.quotation:focus').innerText()).toMatch(/^“But our boats/);
    // What the Quotes view searched is marked: "boats" said in a quotation, not the "Skarvik boats" of the narrative.
    expect(await reader().locator('mark').allInnerTexts()).toEqual(['boats']);
    expect(await reader().locator('.quotation mark').count()).toBe(1);
    await page.screenshot({ path: join(screenshots, 'quotes-view-open.png') });
    expect(consoleErrors.filter((text) => !/favicon/.test(text))).toEqual([]);
  });

  it('names a speaker once in the margin beside a line where two of their quotations start', async () => {
    await views().getByRole('button', { name: 'Search' }).click();
    // Search keeps the article it had open; the agreement the Quotes view opened is opened here too.
    const heading = () => reader().getByRole('heading', { level: 1 }).innerText();
    await expect.poll(heading).toMatch(/^Transcript: Minister Okafor/);
    await openFirstResult(page, 'fisheries agreement signed');
    await expect.poll(heading).toMatch(/agreement signed/i);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect.poll(() => page.getByRole('complementary', { name: 'Filters' }).count()).toBe(0);
    // Without the list of the article's quotes beside it, the reader is wide enough for a margin.
    await reader()
      .getByRole('button', { name: /^Quotes/, expanded: true })
      .click();
    const lindqvist = reader().locator('.labels .speaker').filter({ hasText: 'Ingrid Lindqvist' });
    await expect.poll(() => lindqvist.count()).toBe(2);
    await expect.poll(() => lindqvist.filter({ visible: true }).count()).toBe(1);
    const label = await lindqvist.filter({ visible: true }).boundingBox();
    const text = await reader().locator('.body p').first().boundingBox();
    expect(label!.x + label!.width).toBeLessThan(text!.x);
    const both = reader()
      .locator('.quotation.direct')
      .filter({ hasText: /Nobody gets|But our boats/ });
    const [first, second] = await Promise.all([both.nth(0).boundingBox(), both.nth(1).boundingBox()]);
    expect(Math.abs(first!.y - second!.y)).toBeLessThan(4);
    // Both quotations are hers: the one label lights for the second as for the first.
    await both.nth(1).hover();
    await expect.poll(() => page.getByRole('tooltip').innerText()).toContain('Ingrid Lindqvist');
    await expect.poll(() => lindqvist.filter({ visible: true }).getAttribute('class')).toMatch(/\bactive\b/);
    await page.screenshot({ path: join(screenshots, 'quotes-reader-one-label.png') });
  });

  it('marks where the speaker speaks for speaker:, in the snippets and the reader', async () => {
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.fill('speaker:lindqvist');
    const results = page.getByRole('listbox', { name: 'Results' });
    await expect.poll(() => results.getByRole('option').count(), { timeout: 10_000 }).toBe(3);
    const marks = await results.locator('mark').allInnerTexts();
    expect(new Set(marks)).toEqual(new Set(['Ingrid Lindqvist', 'Ms LINDQVIST', 'she']));
    await results.getByRole('option', { name: /Transcript/ }).click();
    await expect.poll(() => reader().locator('.counter').innerText()).toBe('1 of 4');
    expect(new Set(await reader().locator('mark').allInnerTexts())).toEqual(new Set(['Ms LINDQVIST']));
    await page.screenshot({ path: join(screenshots, 'quotes-speaker-search.png') });
    expect(consoleErrors.filter((text) => !/favicon/.test(text))).toEqual([]);
  });
});
