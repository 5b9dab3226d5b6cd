// 32-bit integer hashing and seeded randomness shared by the MinHash clustering
// (analytics/clusters/minhash.ts) and the demo-corpus generator (corpus-gen/random.ts).
// Both depend on these exact bits: the generated corpus must stay byte-identical and stored
// MinHash signatures comparable, so a change here is a change of both outputs.

/** murmur3's 32-bit finaliser: a bijection that mixes every input bit into every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: tiny and fast, ample for synthetic text and hash coefficients; each call an unsigned 32-bit integer. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
