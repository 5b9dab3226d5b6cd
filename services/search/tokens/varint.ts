// Token ids as unsigned LEB128 varints: most ids are below 16,384, so a token takes one or
// two bytes instead of four.

export function encodeIds(ids: ArrayLike<number>): Buffer {
  const out = Buffer.allocUnsafe(ids.length * 5);
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    let v = ids[i]!;
    while (v >= 0x80) { out[n++] = (v & 0x7f) | 0x80; v >>>= 7; }
    out[n++] = v;
  }
  return Buffer.from(out.subarray(0, n));
}

/** Decodes `count` ids from `bytes` at byte `pos` into `into` from `at`; returns the byte position after them. `into` must have room. */
export function decodeIdsInto(bytes: Uint8Array, pos: number, count: number, into: Uint32Array, at: number): number {
  for (const stop = at + count; at < stop;) {
    let b = bytes[pos++]!;
    if (b < 0x80) { into[at++] = b; continue; } // one byte: the frequent words' ids
    let v = b & 0x7f;
    for (let shift = 7; ; shift += 7) {
      b = bytes[pos++]!;
      v |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    into[at++] = v >>> 0;
  }
  return pos;
}

/** The byte position after `count` ids from `pos`, decoding nothing: a varint ends at a byte without its high bit. */
export function skipIds(bytes: Uint8Array, pos: number, count: number): number {
  for (let left = count; left > 0; pos++) if (!(bytes[pos]! & 0x80)) left--;
  return pos;
}
