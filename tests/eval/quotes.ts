import { readFile, readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { decodeText } from '../../electron/engine/ingest/decode';
import { findQuotations } from '../../electron/engine/quotes/find-quotes';
import { normaliseSpeaker, pairUp, prf, type Counts, type Scored } from './score';

interface GoldFile {
  corpus: string;
  articles: { path: string; quotes: Scored[] }[];
}

interface ArticleResult {
  name: string;
  gold: Scored[];
  predicted: Scored[];
  text: string;
  errors: number;
}

const KINDS = ['direct', 'transcript', 'block', 'scare'] as const;

/** The gold files in `folder` (tests/fixtures/quotes/gold-*.json), sorted. */
export async function goldFilesIn(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter((name) => /^gold-.*\.json$/.test(name))
    .sort()
    .map((name) => join(folder, name));
}

/**
 * Runs the quotation finder over every article of the gold files (text read
 * from `corpora`/<corpus>/<path>) and returns the report as lines: span
 * precision, recall and F1 per kind (exact and overlap), speaker accuracy,
 * and the articles with the most errors.
 */
export async function evaluateQuotes(
  goldFiles: readonly string[],
  corpora: string,
  details = false,
): Promise<string[]> {
  const results: ArticleResult[] = [];
  for (const file of goldFiles) {
    const gold = JSON.parse(await readFile(file, 'utf8')) as GoldFile;
    for (const article of gold.articles) {
      const path = join(corpora, gold.corpus, article.path);
      const text = decodeText(await readFile(path)).text;
      const format = extname(path) === '.md' ? 'md' : 'txt';
      const predicted = findQuotations(text, { format });
      results.push({
        name: `${gold.corpus}/${article.path}`,
        gold: article.quotes,
        predicted,
        text,
        errors: 0,
      });
    }
  }
  const lines = [
    `Quotation eval: ${results.length} articles from ${goldFiles.map((file) => basename(file)).join(', ')}`,
    '',
  ];
  lines.push('kind        gold  found | exact P    R    F1   | overlap P    R    F1   | speaker acc');
  for (const kind of [...KINDS, 'all'] as const) lines.push(kindLine(kind, results));
  lines.push(
    '',
    'all: spans of any kind; speaker accuracy over gold quotations found by overlap (all: non-scare only).',
  );
  lines.push('Targets (issue 4): direct exact F1 ≥ 0.95, speaker accuracy ≥ 0.90.', '');
  for (const result of results) result.errors = articleErrors(result);
  const worst = [...results].sort((a, b) => b.errors - a.errors).filter((result) => result.errors > 0);
  lines.push('Worst articles (missed + spurious exact spans + wrong speakers):');
  for (const result of worst.slice(0, 10)) {
    lines.push(
      `  ${String(result.errors).padStart(3)}  ${result.name}  (gold ${result.gold.length}, found ${result.predicted.length})`,
    );
    if (details) lines.push(...detailLines(result));
  }
  if (worst.length === 0) lines.push('  none');
  return lines;
}

function kindLine(kind: (typeof KINDS)[number] | 'all', results: readonly ArticleResult[]): string {
  const exact: Counts = { predicted: 0, gold: 0, matched: 0 };
  const overlap: Counts = { predicted: 0, gold: 0, matched: 0 };
  let speakers = 0;
  let rightSpeakers = 0;
  for (const { gold, predicted } of results) {
    const g = kind === 'all' ? gold : gold.filter((quote) => quote.kind === kind);
    const p = kind === 'all' ? predicted : predicted.filter((quote) => quote.kind === kind);
    const pairs = pairUp(g, p);
    for (const counts of [exact, overlap]) {
      counts.gold += g.length;
      counts.predicted += p.length;
    }
    exact.matched += pairs.filter((pair) => pair.exact).length;
    overlap.matched += pairs.filter((pair) => pair.partner >= 0).length;
    // Speakers are judged wherever the span was found, whatever kind it was given.
    const anyPairs = pairUp(g, predicted);
    g.forEach((quote, i) => {
      const partner = predicted[anyPairs[i]!.partner];
      if (!partner || (kind === 'all' && quote.kind === 'scare')) return;
      speakers++;
      if (normaliseSpeaker(partner.speaker) === normaliseSpeaker(quote.speaker)) rightSpeakers++;
    });
  }
  const e = prf(exact);
  const o = prf(overlap);
  const f = (n: number) => n.toFixed(2).padStart(4);
  const accuracy = speakers === 0 ? '   —' : `${f(rightSpeakers / speakers)} (${rightSpeakers}/${speakers})`;
  return `${kind.padEnd(10)} ${String(exact.gold).padStart(5)} ${String(exact.predicted).padStart(6)} | ${f(e.precision)} ${f(e.recall)} ${f(e.f1)} | ${f(o.precision)} ${f(o.recall)} ${f(o.f1)} | ${accuracy}`;
}

function articleErrors({ gold, predicted }: ArticleResult): number {
  const pairs = pairUp(gold, predicted);
  const exact = pairs.filter((pair) => pair.exact).length;
  const wrongSpeakers = pairs.filter(
    (pair, i) =>
      pair.partner >= 0 &&
      normaliseSpeaker(predicted[pair.partner]!.speaker) !== normaliseSpeaker(gold[i]!.speaker),
  ).length;
  return gold.length - exact + (predicted.length - exact) + wrongSpeakers;
}

function detailLines({ gold, predicted, text }: ArticleResult): string[] {
  const lines: string[] = [];
  const show = (quote: Scored) => {
    const words = text.slice(quote.start, quote.end).replace(/\s+/g, ' ');
    return `${quote.start}-${quote.end} ${quote.kind} ${quote.speaker ?? 'null'}: ${words.length > 70 ? `${words.slice(0, 45)} … ${words.slice(-20)}` : words}`;
  };
  const pairs = pairUp(gold, predicted);
  const partners = new Set(pairs.map((pair) => pair.partner));
  gold.forEach((quote, i) => {
    const pair = pairs[i]!;
    const partner = predicted[pair.partner];
    if (!partner) lines.push(`       missed   ${show(quote)}`);
    else if (!pair.exact || partner.kind !== quote.kind)
      lines.push(`       gold     ${show(quote)}\n       found    ${show(partner)}`);
    else if (normaliseSpeaker(partner.speaker) !== normaliseSpeaker(quote.speaker))
      lines.push(`       speaker  ${show(quote)}  ← found ${partner.speaker ?? 'null'}`);
  });
  predicted.forEach((quote, i) => {
    if (!partners.has(i)) lines.push(`       spurious ${show(quote)}`);
  });
  return lines;
}
