import { ByteWriter } from './bytes';

/**
 * The container of a shard's index file: a magic number, a format version, a
 * JSON header naming each section's place, then the sections themselves,
 * each aligned to 8 bytes so typed arrays can view them without copying.
 * Typed arrays are stored in the machine's byte order (little-endian on
 * every platform Quarry ships for).
 */

const MAGIC = 0x58445151; // "QQDX" read little-endian
const ALIGN = 8;
const FIXED = 16;

export type SectionValue = Uint8Array | Uint32Array | Int32Array | Float64Array;

interface Header {
  meta: unknown;
  sections: Record<string, [offset: number, length: number, type: SectionType]>;
}

type SectionType = 'u8' | 'u32' | 'i32' | 'f64';

function typeOf(value: SectionValue): SectionType {
  if (value instanceof Uint32Array) return 'u32';
  if (value instanceof Int32Array) return 'i32';
  if (value instanceof Float64Array) return 'f64';
  return 'u8';
}

/** Lays out named sections and a JSON-able header value into one file's bytes. */
export function encodeSections(
  version: number,
  meta: unknown,
  sections: Record<string, SectionValue>,
): Uint8Array {
  const out = new ByteWriter(1 << 16);
  out.write(new Uint8Array(FIXED));
  const layout: Header['sections'] = {};
  for (const [name, value] of Object.entries(sections)) {
    out.align(ALIGN);
    layout[name] = [out.length, value.length, typeOf(value)];
    out.write(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  }
  // The header goes last, so section offsets are known before it is written.
  const headerOffset = out.length;
  const header = new TextEncoder().encode(JSON.stringify({ meta, sections: layout } satisfies Header));
  out.write(header);
  const bytes = out.view();
  const view = new DataView(bytes.buffer, bytes.byteOffset, FIXED);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, version, true);
  view.setUint32(8, headerOffset, true);
  view.setUint32(12, header.length, true);
  return bytes;
}

/** Sections read back from a file: typed views into its bytes, plus the header value. */
export interface DecodedSections {
  version: number;
  meta: unknown;
  u8(name: string): Uint8Array;
  u32(name: string): Uint32Array;
  i32(name: string): Int32Array;
  f64(name: string): Float64Array;
}

/** Reads the container; throws an Error saying what is wrong when the bytes are not one. */
export function decodeSections(input: Uint8Array): DecodedSections {
  // Typed views need aligned memory; a small buffer from Node's pool may start anywhere. A copy into memory of its
  // own starts aligned (a Buffer's `slice` would be a view of the same memory).
  const bytes = input.byteOffset % ALIGN === 0 ? input : new Uint8Array(input);
  if (bytes.length < FIXED) throw new Error('file too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('not a Quarry index file');
  const version = view.getUint32(4, true);
  const headerOffset = view.getUint32(8, true);
  const headerLength = view.getUint32(12, true);
  if (headerOffset + headerLength > bytes.length) throw new Error('header cut short');
  const header = JSON.parse(
    new TextDecoder().decode(bytes.subarray(headerOffset, headerOffset + headerLength)),
  ) as Header;
  const get = (name: string, type: SectionType): [number, number] => {
    const entry = header.sections[name];
    if (!entry || entry[2] !== type) throw new Error(`section ${name} missing`);
    const [offset, length] = entry;
    const size = type === 'u8' ? 1 : type === 'f64' ? 8 : 4;
    if (offset + length * size > bytes.length) throw new Error(`section ${name} cut short`);
    return [bytes.byteOffset + offset, length];
  };
  return {
    version,
    meta: header.meta,
    u8: (name) => new Uint8Array(bytes.buffer, ...get(name, 'u8')),
    u32: (name) => new Uint32Array(bytes.buffer, ...get(name, 'u32')),
    i32: (name) => new Int32Array(bytes.buffer, ...get(name, 'i32')),
    f64: (name) => new Float64Array(bytes.buffer, ...get(name, 'f64')),
  };
}
