import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../electron/engine/index/catalog';
import { SHARD_FORMAT_VERSION } from '../../electron/engine/index/shard-files';
import { articleId } from '../../electron/engine/ingest/read-article';
import { QuarryService } from '../../electron/engine/service';
import { tempDirs, writeFiles } from './fixtures';

const tempDir = tempDirs();
const opened: QuarryService[] = [];

afterEach(async () => {
  for (const service of opened.splice(0)) await service.close();
});

async function openService(dataDir: string): Promise<QuarryService> {
  const service = await QuarryService.open({ dataDir });
  opened.push(service);
  return service;
}

const FILES = {
  'envoy.txt':
    'Envoy back from Beijing\n\nThe envoy, Sung Kim, met reporters.\n\n"Denuclearization remains our goal," Kim said.\n',
  'minister.txt':
    'Minister on the talks\n\nThe minister, Ana Ruiz, spoke briefly.\n\n"The talks will go on," Ms Ruiz said.\n',
};

async function library(): Promise<{ desk: string; dataDir: string; service: QuarryService }> {
  const root = await tempDir();
  const desk = join(root, 'desk');
  await writeFiles(desk, FILES);
  const dataDir = join(root, 'data');
  const service = await openService(dataDir);
  const outcome = await service.indexFolders([desk]);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return { desk, dataDir, service };
}

async function speakersSaying(service: QuarryService, query: string): Promise<(string | null)[]> {
  const result = await service.searchQuotes({ query });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.groups.map((group) => group.speaker);
}

describe('QuarryService quotations', () => {
  it('finds the quotations of the files it indexes and serves them with the article', async () => {
    const { desk, service } = await library();
    expect(await speakersSaying(service, 'denuclearization')).toEqual(['Sung Kim']);
    const article = await service.article({ id: articleId(join(desk, 'envoy.txt')) });
    expect(article.ok && article.value.quotations.map((quote) => quote.speaker)).toEqual(['Sung Kim']);
  });

  it('analyses an edited file again, so its new quotations are found and its old ones are not', async () => {
    const { desk, service } = await library();
    await writeFile(
      join(desk, 'minister.txt'),
      'Minister on the talks\n\nThe minister, Ana Ruiz, spoke briefly.\n\n"Fishing quotas stay as they are," Ms Ruiz said.\n',
    );
    await service.update();
    expect(await speakersSaying(service, 'quotas')).toEqual(['Ana Ruiz']);
    expect(await speakersSaying(service, 'talks')).toEqual([]);
    const search = await service.search({ query: '+speaker:ruiz +quote:quotas' });
    expect(search.ok && search.value.total).toBe(1);
  });

  it('rebuilds a library indexed by an older version of Quarry when it opens, unasked', async () => {
    const { dataDir, service } = await library();
    await service.close();
    opened.splice(opened.indexOf(service), 1);
    const path = join(dataDir, 'library.json');
    const catalog = JSON.parse(await readFile(path, 'utf8')) as Catalog;
    for (const record of Object.values(catalog.shards)) record.version = SHARD_FORMAT_VERSION - 1;
    await writeFile(path, JSON.stringify(catalog));

    const reopened = await openService(dataDir);
    expect((await reopened.status()).problems?.join('\n')).toMatch(
      /older version of Quarry; it is being rebuilt/,
    );
    for (let waited = 0; waited < 20_000; waited += 50) {
      const status = await reopened.status();
      if (!status.indexing && status.articles === 2) break;
      await delay(50);
    }
    expect((await reopened.status()).articles).toBe(2);
    expect(await speakersSaying(reopened, 'denuclearization')).toEqual(['Sung Kim']);
    const after = JSON.parse(await readFile(path, 'utf8')) as Catalog;
    expect(Object.values(after.shards).every((record) => record.version === SHARD_FORMAT_VERSION)).toBe(true);
  });
});
