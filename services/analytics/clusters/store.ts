// Growable typed arrays and a UTF-8 string pool: the statement index keeps millions of
// statements in a few flat buffers instead of millions of objects.

export class GrowU32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < this.length + extra) cap *= 2;
    const next = new Uint32Array(cap);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  push(v: number): number {
    this.reserve(1);
    this.data[this.length] = v;
    return this.length++;
  }
  append(vs: ArrayLike<number>): void {
    this.reserve(vs.length);
    this.data.set(vs, this.length);
    this.length += vs.length;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Strings stored as UTF-8 in one buffer, addressed by the id add() returns. */
export class StringPool {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private readonly starts = new GrowU32();

  add(s: string): number {
    const need = s.length * 3;
    if (this.used + need > this.bytes.length) {
      let cap = this.bytes.length * 2;
      while (cap < this.used + need) cap *= 2;
      const next = new Uint8Array(cap);
      next.set(this.bytes.subarray(0, this.used));
      this.bytes = next;
    }
    const { written } = encoder.encodeInto(s, this.bytes.subarray(this.used));
    const id = this.starts.push(this.used);
    this.used += written;
    return id;
  }

  get(id: number): string {
    const start = this.starts.get(id);
    const end = id + 1 < this.starts.length ? this.starts.get(id + 1) : this.used;
    return decoder.decode(this.bytes.subarray(start, end));
  }

  get size(): number {
    return this.starts.length;
  }

  get byteLength(): number {
    return this.used;
  }
}

/** Union-find over 0 … n-1 with path halving and union by size. */
export class UnionFind {
  readonly parent: Uint32Array;
  private readonly size: Uint32Array;
  constructor(n: number) {
    this.parent = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    this.size = new Uint32Array(n).fill(1);
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return true;
  }
}

/** Indices 0 … n-1 ordered by keys (LSD radix sort, two 16-bit passes): O(n). */
export function sortByKey(keys: Uint32Array, order: Uint32Array, tmp: Uint32Array, counts: Uint32Array): void {
  const n = keys.length;
  for (let i = 0; i < n; i++) tmp[i] = i;
  // pass 1: low 16 bits, tmp → order
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[keys[i]! & 0xffff]!++;
  let sum = 0;
  for (let c = 0; c < 65536; c++) {
    const v = counts[c]!;
    counts[c] = sum;
    sum += v;
  }
  for (let i = 0; i < n; i++) {
    const idx = tmp[i]!;
    order[counts[keys[idx]! & 0xffff]!++] = idx;
  }
  // pass 2: high 16 bits, order → tmp, then copied back
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[keys[i]! >>> 16]!++;
  sum = 0;
  for (let c = 0; c < 65536; c++) {
    const v = counts[c]!;
    counts[c] = sum;
    sum += v;
  }
  for (let i = 0; i < n; i++) {
    const idx = order[i]!;
    tmp[counts[keys[idx]! >>> 16]!++] = idx;
  }
  order.set(tmp.subarray(0, n));
}
