import { describe, expect, it } from 'vitest';
import { CALLS } from '../../electron/api';
import { callArguments, checkCall } from '../../electron/api-schema';

describe('checkCall', () => {
  it('has a schema for every call of the contract', () => {
    expect(Object.keys(callArguments).sort()).toEqual([...CALLS].sort());
  });

  it('accepts a well-formed call and gives back its arguments', () => {
    expect(checkCall('search', [{ query: 'blair', limit: 20, sort: 'date-desc' }])).toEqual({
      ok: true,
      name: 'search',
      args: [{ query: 'blair', limit: 20, sort: 'date-desc' }],
    });
    expect(checkCall('status', [])).toEqual({ ok: true, name: 'status', args: [] });
  });

  it('refuses an unknown call, including names inherited from Object', () => {
    expect(checkCall('shutdown', [])).toEqual({ ok: false, message: 'unknown call "shutdown"' });
    expect(checkCall('toString', [])).toMatchObject({ ok: false });
    expect(checkCall(42, [])).toMatchObject({ ok: false });
  });

  it('says where the arguments do not fit', () => {
    expect(checkCall('search', [{ query: 7 }])).toMatchObject({ ok: false, message: /search at 0\.query/ });
    expect(checkCall('search', [{ query: 'x', extra: true }])).toMatchObject({ ok: false });
    expect(checkCall('search', [{ query: 'x', limit: 5000 }])).toMatchObject({ ok: false, message: /limit/ });
    expect(checkCall('searchQuotes', [{ query: 'x', filters: { speakers: ['Kim'] } }])).toMatchObject({
      ok: false,
      message: /searchQuotes at 0\.filters/,
    });
    expect(checkCall('searchQuotes', [{ query: 'x', sort: 'loudest' }])).toMatchObject({ ok: false });
    expect(checkCall('addFolder', [''])).toMatchObject({ ok: false });
    expect(checkCall('addFolder', ['/a', '/b'])).toMatchObject({ ok: false });
    expect(checkCall('article', [{ id: 'abc', query: 'x' }])).toMatchObject({ ok: true });
    expect(checkCall('article', [{ id: 'abc', query: 'x', scope: 'quotations' }])).toMatchObject({
      ok: true,
    });
    expect(checkCall('article', [{ id: 'abc', query: 'x', scope: 'titles' }])).toMatchObject({
      ok: false,
      message: /article at 0\.scope/,
    });
  });
});
