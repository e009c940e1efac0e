import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, screenshots, startSession, type Session } from './harness';

const ARTICLES = [
  'politics/197.txt',
  'politics/186.txt',
  'politics/149.txt',
  'politics/099.txt',
  'sport/199.txt',
  'tech/001.txt',
];

describe.skipIf(!haveChromium)('quarry serve in Chromium', () => {
  let session: Session;
  let page: Page;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    // One Markdown article with a source and a date, so the filters have something to choose.
    session = await startSession(ARTICLES, 'quarry-e2e-', {
      'notes/ledger.md':
        '---\ntitle: Blair and the budget\ndate: 2005-03-01\nsource: The Ledger\n---\n\nTony Blair spoke about the budget.\n',
    });
    ({ page, consoleErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('finds a phrase, opens an article with its hits highlighted and steps to the next hit', async () => {
    await page.goto(session.url);
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.fill('"Tony Blair"');

    const results = page.getByRole('listbox', { name: 'Results' });
    await expect.poll(() => results.getByRole('option').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const count = await page.locator('.results .count').innerText();
    expect(count).toMatch(/\d+ results?/);
    const snippetMarks = await results.locator('.snippet mark').allInnerTexts();
    expect(snippetMarks.length).toBeGreaterThan(0);
    for (const text of snippetMarks) expect(text.toLowerCase()).toBe('tony blair');

    await box.press('Enter');
    const reader = page.getByRole('region', { name: 'Article' });
    await expect.poll(() => reader.locator('.body mark').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    for (const text of await reader.locator('mark').allInnerTexts())
      expect(text.toLowerCase()).toBe('tony blair');
    const counter = reader.locator('.counter');
    await expect.poll(() => counter.innerText()).toMatch(/^1 of \d+$/);
    const total = Number(/of (\d+)/.exec(await counter.innerText())![1]);
    await page.screenshot({ path: join(screenshots, 'reader-first-hit.png') });

    await page.keyboard.press('F3');
    await expect.poll(() => counter.innerText()).toBe(total > 1 ? `2 of ${total}` : `1 of ${total}`);
    await expect
      .poll(() => reader.locator('mark.current').getAttribute('data-hit'))
      .toBe(total > 1 ? '1' : '0');
    await page.screenshot({ path: join(screenshots, 'reader-next-hit.png') });
  });

  it('reads a Windows-1252 file with its pound sign', async () => {
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.fill('title:mutu');
    const results = page.getByRole('listbox', { name: 'Results' });
    await expect.poll(() => results.getByRole('option').count(), { timeout: 10_000 }).toBe(1);
    await box.press('Enter');
    const reader = page.getByRole('region', { name: 'Article' });
    await expect.poll(() => reader.innerText(), { timeout: 10_000 }).toContain('£15.8m');
  });

  it('narrows the results with a source from the filter sidebar, and widens them again', async () => {
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.fill('blair');
    const results = page.getByRole('listbox', { name: 'Results' });
    await expect.poll(() => results.getByRole('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const all = await results.getByRole('option').count();
    const filters = page.getByRole('complementary', { name: 'Filters' });
    const ledger = filters.getByRole('checkbox', { name: /The Ledger/ });
    await expect.poll(() => ledger.count(), { timeout: 10_000 }).toBe(1);
    await ledger.check();
    await expect.poll(() => results.getByRole('option').count(), { timeout: 10_000 }).toBe(1);
    expect(await results.getByRole('option').first().innerText()).toContain('Blair and the budget');
    expect(await page.locator('.results .count').innerText()).toBe('1 result');
    await page.screenshot({ path: join(screenshots, 'filtered-by-source.png') });
    await filters.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => results.getByRole('option').count(), { timeout: 10_000 }).toBe(all);
  });

  it('underlines the part of a query it cannot parse and says what is wrong', async () => {
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.fill('blair colour:red');
    const squiggle = page.locator('.squiggle');
    await expect.poll(() => squiggle.count(), { timeout: 10_000 }).toBe(1);
    expect(await squiggle.innerText()).toBe('colour');
    await expect.poll(() => page.locator('#search-message').innerText()).toContain('unknown field');
    await page.screenshot({ path: join(screenshots, 'query-error.png') });
    expect(consoleErrors.filter((text) => !/favicon/.test(text))).toEqual([]);
  });
});
