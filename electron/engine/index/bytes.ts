/**
 * Growable byte buffers and LEB128 variable-length integers: the building
 * blocks of the shard files. Postings and positions are written as deltas,
 * so most numbers fit in one byte.
 */

/** A byte buffer that grows as it is written, for one section of a shard file. */
export class ByteWriter {
  private bytes: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.bytes = new Uint8Array(capacity);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Appends a non-negative integer below 2^53 as a LEB128 varint. */
  varint(value: number): void {
    if (value < 0x80 && this.length < this.bytes.length) {
      this.bytes[this.length++] = value;
      return;
    }
    this.reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.length++] = rest;
  }

  /** Appends raw bytes. */
  write(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Pads with zeros to a multiple of `alignment`, so a typed array can view what follows. */
  align(alignment: number): void {
    const padding = (alignment - (this.length % alignment)) % alignment;
    this.reserve(padding);
    this.bytes.fill(0, this.length, this.length + padding);
    this.length += padding;
  }

  /** The bytes written so far (a view, not a copy). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Reads LEB128 varints from a byte array, from `pos` on; hot loops read `pos` back without allocating. */
export class VarintCursor {
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
  ) {}

  /** The next integer; the caller knows how many there are. */
  next(): number {
    const bytes = this.bytes;
    let byte = bytes[this.pos++]!;
    let value = byte & 0x7f;
    for (let scale = 0x80; byte >= 0x80; scale *= 0x80) {
      byte = bytes[this.pos++]!;
      value += (byte & 0x7f) * scale;
    }
    return value;
  }
}
