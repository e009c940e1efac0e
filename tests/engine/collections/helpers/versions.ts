import type { StoredCollection } from '../../../../electron/engine/collections/model';

/** Version n of the test collection: its name says n and it holds a few hundred quotes, so a save takes a while. */
export function versionOf(n: number): StoredCollection {
  return {
    format: 'quarry-collection',
    version: 1,
    id: 'crash-test',
    name: `version ${n}`,
    created: '2026-01-01T00:00:00.000Z',
    updated: `2026-01-01T00:00:00.${String(n % 1000).padStart(3, '0')}Z`,
    quotes: Array.from({ length: 300 + (n % 7) }, (_, i) => ({
      id: `q${n}-${i}`,
      text: `Quote ${i} of version ${n}: “words” & more words, café 🎉 `.repeat(4),
      prefix: 'before ',
      suffix: ' after',
      start: i * 10,
      end: i * 10 + 5,
      articleId: 'a1',
      contentHash: 'f'.repeat(64),
      citation: { title: 'T', author: null, source: null, date: null, url: null, path: '/p' },
      note: '',
      tags: [],
      speaker: null,
      savedAt: '2026-01-01T00:00:00.000Z',
    })),
  };
}
