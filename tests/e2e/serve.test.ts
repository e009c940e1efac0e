import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bbc = join(root, '..', 'shared', 'corpora', 'bbc');
const chromiumPath = process.env.QUARRY_CHROMIUM ?? '/usr/bin/chromium';
const screenshots = join(root, 'test-output', 'e2e');
const haveChromium = existsSync(chromiumPath);
const built =
  existsSync(join(root, 'out', 'renderer', 'index.html')) && existsSync(join(root, 'out', 'main', 'cli.js'));

if (!haveChromium) {
  // CI installs Chromium, so there a missing browser is a failure, not a skip.
  if (process.env.CI)
    throw new Error(`Chromium is not installed at ${chromiumPath}; the end-to-end tests cannot run`);
  console.warn(`e2e: skipped, no Chromium at ${chromiumPath} (apt-get install -y chromium)`);
}
if (!built) throw new Error('the app is not built: run `npm run build` before the end-to-end tests');

const ARTICLES = [
  'politics/197.txt',
  'politics/186.txt',
  'politics/149.txt',
  'politics/099.txt',
  'sport/199.txt',
  'tech/001.txt',
];

describe.skipIf(!haveChromium)('quarry serve in Chromium', () => {
  let work: string;
  let server: ChildProcess;
  let url: string;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'quarry-e2e-'));
    const articles = join(work, 'articles');
    for (const article of ARTICLES) {
      await mkdir(join(articles, article.split('/')[0]!), { recursive: true });
      await copyFile(join(bbc, article), join(articles, article));
    }
    // One Markdown article with a source and a date, so the filters have something to choose.
    await mkdir(join(articles, 'notes'), { recursive: true });
    await writeFile(
      join(articles, 'notes', 'ledger.md'),
      '---\ntitle: Blair and the budget\ndate: 2005-03-01\nsource: The Ledger\n---\n\nTony Blair spoke about the budget.\n',
    );
    const data = join(work, 'data');
    const indexed = spawnSync(
      process.execPath,
      [join(root, 'bin', 'quarry.js'), 'index', articles, '--data', data, '--json'],
      {
        encoding: 'utf8',
      },
    );
    expect(indexed.status, indexed.stderr).toBe(0);
    expect(JSON.parse(indexed.stdout)).toMatchObject({ articles: ARTICLES.length + 1, skipped: [] });

    server = spawn(
      process.execPath,
      [join(root, 'bin', 'quarry.js'), 'serve', '--data', data, '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Quarry is serving on (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      server.once('exit', (code) => reject(new Error(`quarry serve exited with ${code}`)));
      setTimeout(() => reject(new Error(`quarry serve did not start: ${output}`)), 30_000);
    });

    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // Playwright gives every context a fresh, empty profile.
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await mkdir(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('finds a phrase, opens an article with its hits highlighted and steps to the next hit', async () => {
    await page.goto(url);
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
