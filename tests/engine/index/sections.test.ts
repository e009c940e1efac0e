import { describe, expect, it } from 'vitest';
import { decodeSections, encodeSections } from '../../../electron/engine/index/sections';

describe('decodeSections', () => {
  it('reads a container from memory that starts anywhere, as a small buffer from Node’s pool does', () => {
    const encoded = encodeSections(
      7,
      { name: 'shard' },
      {
        counts: Uint32Array.from([1, 2, 3]),
        dates: Float64Array.from([0.5, -2]),
        text: new TextEncoder().encode('abc'),
      },
    );
    const memory = Buffer.alloc(encoded.length + 3);
    memory.set(encoded, 3);
    const decoded = decodeSections(memory.subarray(3));
    expect(decoded.version).toBe(7);
    expect(decoded.meta).toEqual({ name: 'shard' });
    expect([...decoded.u32('counts')]).toEqual([1, 2, 3]);
    expect([...decoded.f64('dates')]).toEqual([0.5, -2]);
    expect(new TextDecoder().decode(decoded.u8('text'))).toBe('abc');
  });
});
