import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Range } from '../../electron/api';
import { QuarryService } from '../../electron/engine/service';
import { tempDirs, writeFiles } from './fixtures';

/** Short articles in six languages, as plain text files with their headline first. */
const WORLD_DESK: Record<string, string> = {
  'de/haeuser.txt':
    'Die alten Häuser am See\n\nIm Dorf steht ein altes Haus, und die Häuser am Ufer sind noch älter als die Kirche. Viele Familien wohnen dort seit Generationen, aber die Gemeinde will das Ufer neu bauen.\n',
  'fr/cafe.txt':
    'Le café de la gare rouvre\n\nLe café de la gare a rouvert ses portes et les habitants du quartier y prennent leur petit déjeuner. Il est plein chaque matin, mais le patron dit que les prix ne sont pas plus chers.\n',
  'es/naciones.txt':
    'Las naciones del sur firman un acuerdo\n\nLas naciones del sur firmaron un acuerdo sobre el agua que es para todos. La nación más pequeña pidió ayuda con las presas, y los ministros dijeron que no hay tiempo que perder.\n',
  'ru/muzei.txt':
    'В городе открылся новый музей\n\nВ городе открылся новый музей, и жители других городов уже приезжают, чтобы посмотреть на старые картины. Директор музея говорит, что это только начало.\n',
  'zh/tushuguan.txt':
    '北京的新图书馆\n\n北京市政府今天宣布，新的图书馆将于明年开放。图书馆里有很多外国书籍，市民可以免费借阅。\n',
  'ja/tokyo.txt':
    '東京都の新しい交通計画\n\n東京都は来年から新しい交通計画を始めると発表しました。住民の多くはこの計画に賛成していますが、費用についての心配もあります。\n',
};

const tempDir = tempDirs();
let service: QuarryService;

beforeAll(async () => {
  const root = await tempDir();
  await writeFiles(join(root, 'desk'), WORLD_DESK);
  service = await QuarryService.open({ dataDir: join(root, 'data') });
  const outcome = await service.indexFolders([join(root, 'desk')]);
  if (!outcome.ok) throw new Error(outcome.error.message);
}, 60_000);

afterAll(async () => {
  await service.close();
});

async function found(query: string): Promise<{ title: string; marks: string[] }[]> {
  const result = await service.search({ query, limit: 100 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.hits.map((hit) => ({
    title: hit.title,
    marks: hit.snippets.flatMap((snippet) =>
      snippet.highlights.map(([start, end]: Range) => snippet.text.slice(start, end)),
    ),
  }));
}

describe('QuarryService over articles in several languages', () => {
  it('tells each article’s language when it reads it', async () => {
    const every = await service.search({ query: '', limit: 100 });
    if (!every.ok) throw new Error(every.error.message);
    const languages: Record<string, string | null | undefined> = {};
    for (const hit of every.value.hits) {
      const view = await service.article({ id: hit.id });
      if (view.ok) languages[hit.title] = view.value.language;
    }
    expect(Object.values(languages).sort()).toEqual(['de', 'es', 'fr', 'ja', 'ru', 'zh']);
  });

  it('finds each article by another form of its words, and marks the forms in its snippets', async () => {
    expect(await found('Hauses')).toEqual([{ title: 'Die alten Häuser am See', marks: ['Haus', 'Häuser'] }]);
    expect((await found('nación')).map((hit) => hit.title)).toEqual([
      'Las naciones del sur firman un acuerdo',
    ]);
    expect((await found('городами')).map((hit) => hit.title)).toEqual(['В городе открылся новый музей']);
  });

  it('finds a word written without its accents', async () => {
    expect(await found('cafe')).toEqual([{ title: 'Le café de la gare rouvre', marks: ['café'] }]);
  });

  it('finds Chinese and Japanese text by its characters', async () => {
    expect(await found('東京都')).toEqual([{ title: '東京都の新しい交通計画', marks: ['東京都'] }]);
    expect((await found('图书馆')).map((hit) => hit.title)).toEqual(['北京的新图书馆']);
  });
});
