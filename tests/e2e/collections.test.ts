import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
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

if (!haveChromium && process.env.CI)
  throw new Error(`Chromium is not installed at ${chromiumPath}; the end-to-end tests cannot run`);
if (!built) throw new Error('the app is not built: run `npm run build` before the end-to-end tests');

const ARTICLES = ['politics/197.txt', 'politics/186.txt', 'tech/001.txt'];

describe.skipIf(!haveChromium)('quote collections in Chromium', () => {
  let work: string;
  let server: ChildProcess;
  let url: string;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'quarry-e2e-collections-'));
    const articles = join(work, 'articles');
    for (const article of ARTICLES) {
      await mkdir(join(articles, article.split('/')[0]!), { recursive: true });
      await copyFile(join(bbc, article), join(articles, article));
    }
    const data = join(work, 'data');
    const indexed = spawnSync(
      process.execPath,
      [join(root, 'bin', 'quarry.js'), 'index', articles, '--data', data],
      {
        encoding: 'utf8',
      },
    );
    expect(indexed.status, indexed.stderr).toBe(0);
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
    const context = await browser.newContext({
      viewport: { width: 1280, height: 820 },
      acceptDownloads: true,
    });
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

  const reader = () => page.getByRole('region', { name: 'Article' });
  const quoteTexts = () => page.locator('.quotes blockquote').allInnerTexts();

  /** Selects a paragraph of the open article the way a reader does, with a triple click. */
  async function selectParagraph(index: number): Promise<string> {
    const paragraph = reader().locator('.body [data-start]').nth(index);
    await paragraph.click({ clickCount: 3 });
    return (await paragraph.innerText()).trim();
  }

  it('saves two selected passages from the reader into a collection named on the spot', async () => {
    await page.goto(url);
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.fill('kyoto');
    await expect
      .poll(() => page.getByRole('listbox', { name: 'Results' }).getByRole('option').count(), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    await box.press('Enter');
    await expect
      .poll(() => reader().locator('.body [data-start]').count(), { timeout: 10_000 })
      .toBeGreaterThan(2);

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

    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Collections' })
      .click();
    await page
      .getByRole('list', { name: 'Collections' })
      .getByRole('button', { name: /Climate chapter/ })
      .click();
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
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Collections' })
      .click();
    await page
      .getByRole('list', { name: 'Collections' })
      .getByRole('button', { name: /Climate chapter/ })
      .click();
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
