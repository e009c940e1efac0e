import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexReport } from '../../electron/api';
import { articleId } from '../../electron/engine/ingest/read-article';
import { QuarryService } from '../../electron/engine/service';
import { BBC, hasBbc, tempDirs } from './fixtures';

// The whole real corpus through the real service: 2,225 headline-first BBC news articles.
describe.skipIf(!hasBbc)('QuarryService over the BBC corpus', () => {
  const tempDir = tempDirs();
  let service: QuarryService;
  let report: IndexReport;

  beforeAll(async () => {
    service = await QuarryService.open({ dataDir: join(await tempDir(), 'data') });
    const outcome = await service.indexFolders([BBC]);
    if (!outcome.ok) throw new Error(outcome.error.message);
    report = outcome.value;
  }, 120_000);

  afterAll(async () => {
    await service?.close();
  });

  it('indexes all 2,225 articles and skips nothing', () => {
    expect(report).toMatchObject({
      articles: 2225,
      indexed: 2225,
      removed: 0,
      cancelled: false,
      skipped: [],
    });
    expect(report.ignored.map((file) => file.path).sort()).toEqual([
      join(BBC, 'ORIGINAL-README.TXT'),
      join(BBC, 'README.md'),
    ]);
  });

  it('finds "Tony Blair" with every snippet highlight on those two words', async () => {
    const result = await service.search({ query: '"Tony Blair"', limit: 1000 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.total).toBeGreaterThan(50);
    expect(result.value.hits).toHaveLength(result.value.total);
    const highlighted = result.value.hits.flatMap((hit) =>
      hit.snippets.flatMap((snippet) =>
        snippet.highlights.map(([start, end]) => snippet.text.slice(start, end)),
      ),
    );
    expect(highlighted.length).toBeGreaterThanOrEqual(result.value.total);
    expect(new Set(highlighted.map((text) => text.toLowerCase()))).toEqual(new Set(['tony blair']));
  });

  it('shows the pound sign of sport/199.txt, read as Windows-1252', async () => {
    const path = join(BBC, 'sport', '199.txt');
    const result = await service.article({ id: articleId(path), query: 'Mutu' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.title).toBe('Chelsea sack Mutu');
    expect(result.value.body).toContain('a £15.8m signing from Parma');
    expect(result.value.bodyHighlights.length).toBeGreaterThan(0);
    const search = await service.search({ query: 'title:mutu +chelsea' });
    expect(search.ok && search.value.hits.map((hit) => hit.path)).toContain(path);
  });

  it('lists every article for a blank query', async () => {
    const result = await service.search({ query: '', sort: 'date-desc', limit: 5 });
    expect(result).toMatchObject({ ok: true, value: { total: 2225 } });
  });
});
