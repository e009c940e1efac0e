import { describe, expect, it } from 'vitest';
import { FsPace } from '../../../electron/engine/ingest/fs-pace';

describe('FsPace', () => {
  it('stays fast while calls answer in microseconds, as a local disk does', () => {
    const pace = new FsPace();
    for (let i = 0; i < 10_000; i++) expect(pace.note(0.01)).toBe(false);
    expect(pace.slow).toBe(false);
  });

  it('takes one long pause for a busy machine, and a second for a slow file system', () => {
    const pace = new FsPace();
    expect(pace.note(40)).toBe(false);
    for (let i = 0; i < 100; i++) pace.note(0.01);
    expect(pace.slow).toBe(false);
    expect(pace.note(40)).toBe(true);
    expect(pace.slow).toBe(true);
  });

  it('proves slow when calls take a few milliseconds each, as on a share over a network', () => {
    const pace = new FsPace();
    for (let i = 0; i < 31; i++) expect(pace.note(2)).toBe(false);
    expect(pace.note(2)).toBe(true);
  });

  it('stays slow once it has proved so', () => {
    const pace = new FsPace();
    pace.note(20);
    pace.note(20);
    for (let i = 0; i < 1000; i++) expect(pace.note(0.01)).toBe(true);
  });
});
