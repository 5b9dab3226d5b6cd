// Near-duplicate clusters of statements at corpus scale. Statements stream in (add); equal
// normalized texts share one variant; each variant gets a MinHash signature over character
// shingles, reduced to LSH band keys. Clustering sorts the variants by each band's key
// (radix sort, O(n)), verifies candidates that share a band by exact Jaccard of their
// shingle sets, and joins verified pairs with union-find: no step compares all pairs.
import { jaccard, MinHasher, normalizeStatement, shingles } from './minhash.js';
import { GrowU32, sortByKey, StringPool, UnionFind } from './store.js';

export interface ClusterParams {
  /** Shingle length in characters. */
  k: number;
  /** MinHash permutations = bands × rows. */
  perms: number;
  bands: number;
  /** Exact Jaccard a candidate pair needs to be joined. */
  threshold: number;
  /**
   * Or: the share of the smaller shingle set found in the larger one (a statement and the
   * same statement with a clause appended), for sets of at least `containmentMin` shingles.
   */
  containment: number;
  containmentMin: number;
  /**
   * Two statements that share a beginning (or an ending) of at least `guardShared` characters
   * and then go on differently for at least `guardRest` characters each are kept apart when
   * their differing rests are less similar than `guardJaccard`.
   */
  guardShared: number;
  guardRest: number;
  guardJaccard: number;
  /** Candidates in one LSH bucket are verified against at most this many of its earlier members. */
  leaders: number;
  seed: number;
}

export const DEFAULT_CLUSTER_PARAMS: ClusterParams = {
  k: 3, perms: 126, bands: 42, threshold: 0.4, containment: 0.8, containmentMin: 8, guardShared: 6, guardRest: 6, guardJaccard: 0.34, leaders: 4, seed: 0x9e3779b9,
};

export interface ClusterStats {
  statements: number;
  variants: number;
  candidates: number;
  verified: number;
  clusters: number;
  ms: { add: number; cluster: number };
}

/** Where a statement came from: the caller's numbers (a report index, a paragraph, an item). */
export interface StatementRef { doc: number; ordinal: number; item: number }

export class StatementIndex {
  readonly params: ClusterParams;
  private readonly hasher: MinHasher;
  private readonly sig: Uint32Array;
  // Variants: distinct normalized statements.
  private readonly byNorm = new Map<number, number>();
  private readonly variantText = new StringPool();
  /** Each variant's normalized text (for the shared-beginning guard) and a hash of its first wording. */
  private readonly variantNorm = new StringPool();
  private readonly variantRawHash = new GrowU32();
  private readonly shStart = new GrowU32();
  private readonly shPool = new GrowU32(1 << 16);
  private readonly keys = new GrowU32(1 << 16);
  // Statements: every item added.
  readonly memberVariant = new GrowU32();
  readonly memberDoc = new GrowU32();
  readonly memberOrdinal = new GrowU32();
  readonly memberItem = new GrowU32();
  /** A statement's own text when it differs from its variant's first wording (else 0xffffffff). */
  private readonly memberOwnText = new GrowU32();
  private readonly ownTexts = new StringPool();
  private addMs = 0;
  private clusterOf: Uint32Array | null = null;
  private lastStats: ClusterStats | null = null;

  constructor(params: Partial<ClusterParams> = {}) {
    this.params = { ...DEFAULT_CLUSTER_PARAMS, ...params };
    this.hasher = new MinHasher(this.params.perms, this.params.bands, this.params.seed);
    this.sig = new Uint32Array(this.params.perms);
  }

  get size(): number {
    return this.memberVariant.length;
  }

  get variants(): number {
    return this.variantText.size;
  }

  add(text: string, ref: StatementRef): void {
    const started = performance.now();
    const norm = normalizeStatement(text);
    // Two independent 32-bit hashes make a 53-bit key: a false match is out of reach.
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < norm.length; i++) {
      const c = norm.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    const key = (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
    let v = this.byNorm.get(key);
    const raw = rawHash(text);
    if (v === undefined) {
      v = this.variantText.add(text);
      this.variantNorm.add(norm);
      this.variantRawHash.push(raw);
      this.byNorm.set(key, v);
      const sh = shingles(norm, this.params.k);
      this.shStart.push(this.shPool.length);
      this.shPool.append(sh);
      this.hasher.signature(sh, this.sig);
      this.keys.reserve(this.params.bands);
      this.hasher.bandKeys(this.sig, this.keys.data, this.keys.length);
      this.keys.length += this.params.bands;
      this.memberOwnText.push(0xffffffff);
    } else {
      // The same wording as the variant's first (by a 32-bit hash: only the display text is at stake).
      this.memberOwnText.push(raw === this.variantRawHash.get(v) ? 0xffffffff : this.ownTexts.add(text));
    }
    this.memberVariant.push(v);
    this.memberDoc.push(ref.doc);
    this.memberOrdinal.push(ref.ordinal);
    this.memberItem.push(ref.item);
    this.clusterOf = null;
    this.addMs += performance.now() - started;
  }

  /** A statement's text as written. */
  text(member: number): string {
    const own = this.memberOwnText.get(member);
    return own === 0xffffffff ? this.variantText.get(this.memberVariant.get(member)) : this.ownTexts.get(own);
  }

  variantTextOf(v: number): string {
    return this.variantText.get(v);
  }

  private shinglesOf(v: number): Uint32Array {
    const end = v + 1 < this.shStart.length ? this.shStart.get(v + 1) : this.shPool.length;
    return this.shPool.data.subarray(this.shStart.get(v), end);
  }

  /** Exact Jaccard of two variants' shingle sets. */
  similarity(a: number, b: number): number {
    return jaccard(this.shinglesOf(a), this.shinglesOf(b));
  }

  /** Whether two variants are near-duplicates: Jaccard or containment, then the shared-prefix/suffix guard. */
  verify(a: number, b: number): boolean {
    const sa = this.shinglesOf(a);
    const sb = this.shinglesOf(b);
    const j = jaccard(sa, sb);
    if (j < this.params.threshold) {
      const small = Math.min(sa.length, sb.length);
      if (small < this.params.containmentMin) return false;
      // common = j·(|a|+|b|)/(1+j)
      const common = (j * (sa.length + sb.length)) / (1 + j);
      if (common / small < this.params.containment) return false;
    }
    const { guardShared, guardRest, guardJaccard, k } = this.params;
    const x = this.normalized(a);
    const y = this.normalized(b);
    let p = 0;
    while (p < x.length && p < y.length && x[p] === y[p]) p++;
    let s = 0;
    while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
    // Shared beginning, different continuations (or shared ending, different openings).
    const apart = (rx: string, ry: string) =>
      rx.length >= guardRest && ry.length >= guardRest && jaccard(shingles(rx, k), shingles(ry, k)) < guardJaccard;
    if (p >= guardShared && apart(x.slice(p), y.slice(p))) return false;
    if (s >= guardShared && apart(x.slice(0, x.length - s), y.slice(0, y.length - s))) return false;
    return true;
  }

  private normalized(v: number): string {
    return this.variantNorm.get(v);
  }

  /** The cluster of every variant (cluster ids are variant numbers of their roots); cached until add(). */
  cluster(): Uint32Array {
    if (this.clusterOf) return this.clusterOf;
    const started = performance.now();
    const n = this.variants;
    const { bands, leaders } = this.params;
    const uf = new UnionFind(n);
    const keys = new Uint32Array(n);
    const order = new Uint32Array(n);
    const tmp = new Uint32Array(n);
    const counts = new Uint32Array(65536);
    const all = this.keys.data;
    const lead = new Uint32Array(leaders);
    let candidates = 0;
    let verified = 0;
    for (let band = 0; band < bands; band++) {
      for (let i = 0; i < n; i++) keys[i] = all[i * bands + band]!;
      sortByKey(keys, order, tmp, counts);
      for (let s = 0; s < n;) {
        let e = s + 1;
        const key = keys[order[s]!]!;
        while (e < n && keys[order[e]!] === key) e++;
        if (e - s > 1) {
          let nLead = 0;
          for (let i = s; i < e; i++) {
            const x = order[i]!;
            const rx = uf.find(x);
            let joined = false;
            for (let l = 0; l < nLead && !joined; l++) if (uf.find(lead[l]!) === rx) joined = true;
            for (let l = 0; l < nLead && !joined; l++) {
              candidates++;
              if (this.verify(x, lead[l]!)) {
                verified++;
                uf.union(x, lead[l]!);
                joined = true;
              }
            }
            if (!joined && nLead < leaders) lead[nLead++] = x;
          }
        }
        s = e;
      }
    }
    const out = new Uint32Array(n);
    const roots = new Set<number>();
    for (let i = 0; i < n; i++) {
      out[i] = uf.find(i);
      roots.add(out[i]!);
    }
    this.clusterOf = out;
    this.lastStats = {
      statements: this.size, variants: n, candidates, verified, clusters: roots.size,
      ms: { add: Math.round(this.addMs), cluster: Math.round(performance.now() - started) },
    };
    return out;
  }

  stats(): ClusterStats | null {
    return this.lastStats;
  }
}

function rawHash(s: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h ^ s.length) >>> 0;
}
