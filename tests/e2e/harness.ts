import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const bbc = join(root, '..', 'shared', 'corpora', 'bbc');
const chromiumPath = process.env.QUARRY_CHROMIUM ?? '/usr/bin/chromium';
export const screenshots = join(root, 'test-output', 'e2e');
export const haveChromium = existsSync(chromiumPath);
const built =
  existsSync(join(root, 'out', 'renderer', 'index.html')) && existsSync(join(root, 'out', 'main', 'cli.js'));

if (!haveChromium) {
  // CI installs Chromium, so there a missing browser is a failure, not a skip.
  if (process.env.CI)
    throw new Error(`Chromium is not installed at ${chromiumPath}; the end-to-end tests cannot run`);
  console.warn(`e2e: skipped, no Chromium at ${chromiumPath} (apt-get install -y chromium)`);
}
if (!built) throw new Error('the app is not built: run `npm run build` before the end-to-end tests');

/** A `quarry serve` over a copy of some BBC articles, and a Chromium page on it. */
export interface Session {
  url: string;
  page: Page;
  /** Errors the page logged or threw. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * Indexes copies of `articles` (paths in the BBC corpus) and any `extra`
 * files (relative path → text), serves them and opens Chromium.
 */
export async function startSession(
  articles: readonly string[],
  prefix: string,
  extra: Readonly<Record<string, string>> = {},
): Promise<Session> {
  const work = await mkdtemp(join(tmpdir(), prefix));
  const folder = join(work, 'articles');
  for (const article of articles) {
    await mkdir(join(folder, article.split('/')[0]!), { recursive: true });
    await copyFile(join(bbc, article), join(folder, article));
  }
  for (const [path, text] of Object.entries(extra)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  const data = join(work, 'data');
  const indexed = spawnSync(
    process.execPath,
    [join(root, 'bin', 'quarry.js'), 'index', folder, '--data', data, '--json'],
    { encoding: 'utf8' },
  );
  expect(indexed.status, indexed.stderr).toBe(0);
  expect(JSON.parse(indexed.stdout)).toMatchObject({
    articles: articles.length + Object.keys(extra).length,
    skipped: [],
  });

  const server: ChildProcess = spawn(
    process.execPath,
    [join(root, 'bin', 'quarry.js'), 'serve', '--data', data, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Quarry is serving on (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    server.once('exit', (code) => reject(new Error(`quarry serve exited with ${code}`)));
    setTimeout(() => reject(new Error(`quarry serve did not start: ${output}`)), 30_000);
  });

  const browser: Browser = await chromium.launch({
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
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, acceptDownloads: true });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await mkdir(screenshots, { recursive: true });
  return {
    url,
    page,
    consoleErrors,
    close: async () => {
      await browser.close();
      server.kill('SIGTERM');
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** Searches from the main box and opens the first result in the reader; resolves to its headline. */
export async function openFirstResult(page: Page, query: string): Promise<string> {
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill(query);
  await expect
    .poll(() => page.getByRole('listbox', { name: 'Results' }).getByRole('option').count(), {
      timeout: 10_000,
    })
    .toBeGreaterThan(0);
  await box.press('Enter');
  const reader = page.getByRole('region', { name: 'Article' });
  await expect
    .poll(() => reader.locator('.body [data-start]').count(), { timeout: 10_000 })
    .toBeGreaterThan(2);
  return reader.getByRole('heading', { level: 1 }).innerText();
}
