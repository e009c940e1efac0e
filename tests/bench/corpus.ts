import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import lunr from 'lunr';
import { readArticle } from '../../electron/engine/ingest/read-article';
import { scanFolders } from '../../electron/engine/ingest/scan';
import { wordsOf } from '../../electron/engine/search/words';
import type { BenchQuery } from './measure';

/** A corpus written out for the benchmark: where, how many files, how many bytes of text. */
export interface BenchCorpus {
  dir: string;
  docs: number;
  textBytes: number;
}

/**
 * Writes `docs` article files cycled from the source corpora into a temporary
 * folder (kept between runs, outside the repository): copy k of an article
 * gets a last line of k+1 words of its own, so no two copies are the same
 * file and their bodies differ in length (scores do not tie copy for copy).
 */
export async function materialise(corpora: readonly string[], docs: number): Promise<BenchCorpus> {
  const sources = (await scanFolders(corpora.map((dir) => resolve(dir)))).files;
  if (sources.length === 0) throw new Error(`no articles in ${corpora.join(', ')}`);
  const key = createHash('sha256')
    .update(JSON.stringify([corpora.map((dir) => resolve(dir)), docs, sources.length, 1]))
    .digest('hex')
    .slice(0, 12);
  const dir = join(tmpdir(), 'quarry-bench', `${docs}-${key}`);
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return JSON.parse(await readFile(marker, 'utf8')) as BenchCorpus;
  await rm(dir, { recursive: true, force: true });
  let textBytes = 0;
  for (let i = 0; i < docs; i++) {
    const source = sources[i % sources.length]!;
    const copy = Math.floor(i / sources.length);
    const bytes = await readFile(source.path);
    const extra = Buffer.from(`\n\nArchive copy ${copy}:${` c${copy}`.repeat((copy % 50) + 1)}.\n`);
    const path = join(dir, `copy${copy}`, relative(source.folder, source.path));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, Buffer.concat([bytes, extra]));
    textBytes += bytes.length + extra.length;
  }
  const corpus = { dir, docs, textBytes };
  await writeFile(marker, JSON.stringify(corpus));
  return corpus;
}

/** A small seeded random generator, so every run asks the same questions. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

const STOP = new Set<string>();
for (const word of 'a able about across after all almost also am among an and any are as at be because been but by can cannot could dear did do does either else ever every for from get got had has have he her hers him his how however i if in into is it its just least let like likely may me might most must my neither no nor not of off often on only or other our own rather said say says she should since so some than that the their them then there these they this tis to too twas us wants was we were what when where which while who whom why will with would yet you your'.split(
  ' ',
)) {
  STOP.add(word);
}

const isWord = (word: string) => /^[a-z]{3,}$/.test(word) && !STOP.has(word);

/**
 * The query mix: AND queries of 1–3 headline words, phrases of 2–3
 * consecutive body words (stop words kept), prefix wildcards and fuzzy
 * words, drawn from the source articles with a fixed seed.
 */
export async function queryMix(corpora: readonly string[], count: number): Promise<BenchQuery[]> {
  const files = (await scanFolders(corpora.map((dir) => resolve(dir)))).files;
  const next = random(20260101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const outcome = await readArticle(pick(files).path, '');
    const article = outcome.ok ? outcome.articles[0] : undefined;
    if (!article) continue;
    const titleWords = wordsOf(article.title)
      .map((word) => word.norm)
      .filter(isWord);
    const roll = queries.length % 20;
    if (roll < 8 && titleWords.length > 0) {
      const words = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(titleWords)))];
      const text = words.map((word) => `+${word}`).join(' ');
      queries.push({ kind: 'and', quarry: text, naive: text });
    } else if (roll < 13) {
      const words = wordsOf(article.body).map((word) => word.norm);
      const length = 2 + Math.floor(next() * 2);
      const start = Math.floor(next() * Math.max(1, words.length - length));
      const phrase = words.slice(start, start + length);
      if (phrase.length < 2 || !phrase.every((word) => /^[a-z]+$/.test(word)) || !phrase.some(isWord))
        continue;
      const naive = phrase.filter(
        (word) => lunr.stopWordFilter(new lunr.Token(word, {}) as never) !== undefined,
      );
      queries.push({
        kind: 'phrase',
        quarry: `"${phrase.join(' ')}"`,
        naive: naive.map((w) => `+${w}`).join(' '),
      });
    } else if (roll < 17 && titleWords.length > 0) {
      const word = pick(titleWords.filter((each) => each.length >= 5).concat(titleWords));
      const text = `${word.slice(0, Math.min(word.length, 3 + Math.floor(next() * 3)))}*`;
      queries.push({ kind: 'prefix', quarry: text, naive: text });
    } else {
      const long = titleWords.filter((word) => word.length >= 5);
      if (long.length === 0) continue;
      const word = pick(long);
      const at = 1 + Math.floor(next() * (word.length - 2));
      const text = `${word.slice(0, at)}${word.slice(at + 1)}~1`;
      queries.push({ kind: 'fuzzy', quarry: text, naive: text });
    }
  }
  return queries;
}
