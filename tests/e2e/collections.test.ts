import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, openFirstResult, screenshots, startSession, type Session } from './harness';

const ARTICLES = ['politics/197.txt', 'politics/186.txt', 'tech/001.txt'];

describe.skipIf(!haveChromium)('quote collections in Chromium', () => {
  let session: Session;
  let page: Page;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    session = await startSession(ARTICLES, 'quarry-e2e-collections-');
    ({ page, consoleErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  const reader = () => page.getByRole('region', { name: 'Article' });
  const quoteTexts = () => page.locator('.quotes blockquote').allInnerTexts();

  async function openCollection(name: string): Promise<void> {
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Collections' })
      .click();
    await page
      .getByRole('list', { name: 'Collections' })
      .getByRole('button', { name: new RegExp(name) })
      .click();
  }

  /** Selects a paragraph of the open article the way a reader does, with a triple click. */
  async function selectParagraph(index: number): Promise<string> {
    const paragraph = reader().locator('.body [data-start]').nth(index);
    await paragraph.click({ clickCount: 3 });
    return (await paragraph.innerText()).trim();
  }

  it('saves two selected passages from the reader into a collection named on the spot', async () => {
    await page.goto(session.url);
    await openFirstResult(page, 'kyoto');

    const first = await selectParagraph(0);
    await reader().getByRole('button', { name: 'Save quote' }).click();
    const form = page.getByRole('dialog', { name: 'Save quote' });
    await form.getByLabel('New collection name').fill('Climate chapter');
    await form.getByRole('textbox', { name: 'Note' }).fill('Opening line, “Kyoto” & the US');
    await form.getByRole('textbox', { name: 'Tags' }).fill('climate, US');
    await page.screenshot({ path: join(screenshots, 'collections-save-popover.png') });
    await form.getByRole('button', { name: 'Save quote' }).click();
    await expect.poll(() => reader().getByRole('status').innerText()).toBe('Saved to “Climate chapter”');

    const second = await selectParagraph(1);
    await page.keyboard.press('Control+s');
    await expect.poll(() => form.getByLabel('Collection').inputValue()).toMatch(/^climate-chapter-/);
    await form.getByRole('button', { name: 'Save quote' }).click();
    await expect.poll(() => form.count()).toBe(0);

    await openCollection('Climate chapter');
    await expect.poll(quoteTexts).toEqual([first, second]);
    await page.screenshot({ path: join(screenshots, 'collections-view.png') });
  });

  it('reorders two quotes by keyboard and by drag, and the order is kept on disk', async () => {
    const cards = page.getByRole('group', { name: /^Quote:/ });
    const [first, second] = await quoteTexts();
    await cards.first().focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(quoteTexts).toEqual([second, first]);

    const items = page.locator('.quotes > li');
    await items.nth(1).dragTo(items.nth(0));
    await expect.poll(quoteTexts).toEqual([first, second]);
    await cards.first().focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(quoteTexts).toEqual([second, first]);

    await page.reload();
    await openCollection('Climate chapter');
    await expect.poll(quoteTexts).toEqual([second, first]);
  });

  it('exports the collection to Markdown and downloads the file', async () => {
    const [first, second] = await quoteTexts();
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export collection' });
    await dialog.getByLabel('Format').selectOption('md');
    await dialog.getByLabel('Citation style').selectOption('chicago');
    await expect
      .poll(() => dialog.getByLabel('Preview').innerText(), { timeout: 20_000 })
      .toContain('# Climate chapter');
    await page.screenshot({ path: join(screenshots, 'collections-export.png') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Climate chapter.md');
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown.startsWith('# Climate chapter\n')).toBe(true);
    const at = (text: string) => markdown.indexOf(`> ${text.slice(0, 40)}`);
    expect(at(first!)).toBeGreaterThan(0);
    expect(at(second!)).toBeGreaterThan(at(first!));
    expect(markdown).toContain('**Note:** Opening line, “Kyoto” & the US');
    expect(markdown).toContain('**Tags:** climate, US');
    expect(markdown).toContain('## References');
    expect(consoleErrors.filter((text) => !/favicon/.test(text))).toEqual([]);
  });
});
