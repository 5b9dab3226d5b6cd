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

/** Appends the ids in `bytes` to `into` from `at`; returns the new end. `into` must have room (bytes.length). */
export function decodeIdsInto(bytes: Uint8Array, into: Uint32Array, at: number): number {
  let n = at;
  let v = 0;
  let shift = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    v |= (b & 0x7f) << shift;
    if (b & 0x80) { shift += 7; continue; }
    into[n++] = v >>> 0;
    v = 0;
    shift = 0;
  }
  return n;
}
