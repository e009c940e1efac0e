import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { MemorySource } from '../../electron/engine/index/byte-source';
import { Shard } from '../../electron/engine/index/shard';
import { ShardBuilder } from '../../electron/engine/index/shard-builder';
import { paragraphBlocks, type Article } from '../../electron/engine/ingest/article';

/** The real BBC corpus, read in place beside the repository (`../shared/corpora/bbc`). */
export const BBC = fileURLToPath(new URL('../../../shared/corpora/bbc', import.meta.url));

/** CI has the corpus; a clone without it skips the tests that need it, saying so once. */
export const hasBbc = existsSync(join(BBC, 'sport', '199.txt'));
if (!hasBbc) console.warn(`Skipping the BBC corpus tests: ${BBC} is absent.`);

/**
 * Gives a function that makes fresh temporary folders, all removed after the
 * file's tests (permissions restored first, so a locked folder goes too).
 */
export function tempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made) {
      await chmod(dir, 0o700).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quarry-test-'));
    made.push(dir);
    return dir;
  };
}

/** Writes files (text or bytes) under `root`, making folders as needed. */
export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}

/** An article as the engine holds it, for search tests that build shards in-process. */
export function makeArticle(
  id: string,
  title: string,
  body: string,
  extra: Partial<Pick<Article, 'date' | 'source' | 'author' | 'folder' | 'format'>> = {},
): Article {
  return {
    id,
    path: `${extra.folder ?? '/library'}/${id}.${extra.format ?? 'txt'}`,
    folder: extra.folder ?? '/library',
    format: extra.format ?? 'txt',
    title,
    body,
    blocks: paragraphBlocks(body),
    date: extra.date ?? null,
    source: extra.source ?? null,
    author: extra.author ?? null,
    url: null,
    tags: [],
    hash: createHash('sha256').update(id).digest('hex'),
    size: body.length,
    mtimeMs: 0,
  };
}

/** A shard built in memory from articles, numbered in the order given. */
export function memoryShard(id: string, articles: readonly Article[]): Shard {
  const builder = new ShardBuilder();
  builder.add(articles);
  const bytes = builder.finish();
  return new Shard(id, bytes.index, new MemorySource(bytes.text), new MemorySource(bytes.positions));
}

/** A small desk of memorable articles, plus a file of each kind the scan skips or ignores. */
export const DESK: Record<string, string> = {
  'mutu.txt':
    'Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu after he failed a drugs test.\n\nThe club wrote off a £15.8m fee.\n',
  'budget.md':
    '---\ntitle: Budget day\ndate: 2019-03-04\nsource: The Ledger\nauthor: Jane Doe\n---\n\nThe chancellor set out the budget.\n\n> “No new taxes,” she said.\n',
  'hamlet.txt': 'Hamlet at the Globe\n\n“To be, or not to be” was delivered with care.\n',
  'sheet.xlsx': 'PK not a spreadsheet',
  'empty.txt': '',
  'README.md': 'What this folder holds.\n',
};
