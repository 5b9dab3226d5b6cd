// Copy rates of the whole index, computed in one pass and kept per index state: every
// report's sentences (sentences.ts) go into flat typed arrays; the format's standard
// sentences are those at least BOILERPLATE_SHARE of the reports carry (found from the corpus
// itself, so they follow whatever format the reports use); each report is compared with its
// previous year's report (lineage/) and with the other units' reports of the same year that
// share the most of its non-standard sentences, keeping the highest.
import { z } from 'zod';
import type { Engine } from '../../search/engine.js';
import { ReportSummary } from '../../search/types.js';
import { cacheState, lineages } from '../lineage/index.js';
import { eachPassage } from '../source.js';
import { GrowU32 } from '../clusters/store.js';
import { pairCopy, PairCopy, type Features } from './pair.js';
import { featuresOf } from './pair.js';
import { NARRATIVE_SECTIONS, normalize, SIG, splitSentences, type Sentence } from './sentences.js';

/** A sentence carried by at least this share of the reports (and 3 of them) is the format's, not the unit's. */
export const BOILERPLATE_SHARE = 0.05;
/** A sentence shared by more same-year reports than this is not followed for copying between bodies. */
const MAX_POSTING = 2000;
/** Candidates (by shared identical characters) scored in full for copying between bodies. */
const CANDIDATES = 3;

export const CopyAgainst = PairCopy.extend({ report: ReportSummary });
export type CopyAgainst = z.infer<typeof CopyAgainst>;

export const ReportCopy = z.object({
  reportId: z.string(),
  /** Against the unit's previous report (null: none indexed). */
  previous: CopyAgainst.nullable(),
  /** The highest against another unit's report of the same year (null: none shares a sentence). */
  highestOther: CopyAgainst.nullable(),
});
export type ReportCopy = z.infer<typeof ReportCopy>;

export interface CorpusCopy {
  reports: number;
  boilerplate: ReadonlySet<number>;
  ms: number;
  of(reportId: string): ReportCopy | null;
  /** Rows in index order with their copy rate against the previous report (NaN: none). */
  summaries: readonly ReportSummary[];
  previousRate: Float32Array;
  otherRate: Float32Array;
}

interface Store {
  ids: string[];
  start: GrowU32;
  hash: GrowU32;
  len: GrowU32;
  /** SIG 16-bit values per sentence, two to a 32-bit word. */
  sig: GrowU32;
}

function features(s: Store, r: number): Features {
  const a = s.start.get(r);
  const b = s.start.get(r + 1);
  const sig16 = new Uint16Array(s.sig.data.buffer, a * SIG * 2, (b - a) * SIG);
  return { hash: s.hash.data.subarray(a, b), len: Uint16Array.from(s.len.data.subarray(a, b)), sig: sig16 };
}

/** Collects every indexed report's narrative sentences. */
async function collect(engine: Engine): Promise<Store> {
  const s: Store = { ids: [], start: new GrowU32(), hash: new GrowU32(1 << 16), len: new GrowU32(1 << 16), sig: new GrowU32(1 << 18) };
  let current: string | null = null;
  let title = '';
  let sentences: Sentence[] = [];
  const flush = () => {
    if (current === null) return;
    const { features: f } = featuresOf(sentences);
    s.ids.push(current);
    s.start.push(s.hash.length);
    s.hash.append(f.hash);
    s.len.append(f.len);
    s.sig.append(new Uint32Array(f.sig.buffer, 0, f.sig.length / 2));
  };
  await eachPassage(engine, NARRATIVE_SECTIONS, (p) => {
    if (p.report.id !== current) {
      flush();
      current = p.report.id;
      title = normalize(p.report.title ?? '');
      sentences = [];
    }
    // The title is the report's name, not its narrative (it differs from last year's by the year alone).
    if (title && normalize(p.text) === title) return;
    sentences.push(...splitSentences(p.text, p.ordinal));
  });
  flush();
  s.start.push(s.hash.length);
  return s;
}

/** Sentence hashes carried by at least BOILERPLATE_SHARE of the reports. */
function findBoilerplate(s: Store): Set<number> {
  const n = s.ids.length;
  const distinct = new GrowU32(s.hash.length);
  for (let r = 0; r < n; r++) {
    const seen = new Set<number>();
    for (let i = s.start.get(r); i < s.start.get(r + 1); i++) seen.add(s.hash.get(i));
    for (const h of seen) distinct.push(h);
  }
  const all = distinct.view().slice().sort();
  const need = Math.max(3, Math.ceil(n * BOILERPLATE_SHARE));
  const out = new Set<number>();
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j] === all[i]) j++;
    if (j - i >= need) out.add(all[i]!);
    i = j;
  }
  return out;
}

export async function computeCopyRates(engine: Engine): Promise<CorpusCopy> {
  const started = performance.now();
  const [store, lin] = [await collect(engine), await lineages(engine)];
  const boilerplate = findBoilerplate(store);
  const n = store.ids.length;
  // Rows of the store in the lineage's numbering.
  const linRow = Int32Array.from(store.ids, (id) => lin.rowOf.get(id) ?? -1);
  const storeRow = new Int32Array(lin.summaries.length).fill(-1);
  linRow.forEach((l, r) => l >= 0 && (storeRow[l] = r));
  const year = Int32Array.from(linRow, (l) => (l >= 0 ? lin.summaries[l]!.year ?? 0 : 0));
  const unit = Int32Array.from(linRow, (l) => (l >= 0 ? lin.unitOf[l]! : -1));

  const prevRow = new Int32Array(n).fill(-1);
  const prev: (PairCopy | null)[] = new Array(n).fill(null);
  const feats = (r: number) => features(store, r);
  for (let r = 0; r < n; r++) {
    const l = linRow[r]!;
    const p = l >= 0 ? lin.previous[l]! : -1;
    const pr = p >= 0 ? storeRow[p]! : -1;
    if (pr < 0) continue;
    prevRow[r] = pr;
    prev[r] = pairCopy(feats(r), feats(pr), boilerplate);
  }

  // Between bodies: postings of non-standard sentences, sorted by hash (hash·2^21 + row in a float64).
  const keys: number[] = [];
  for (let r = 0; r < n; r++) {
    const seen = new Set<number>();
    for (let i = store.start.get(r); i < store.start.get(r + 1); i++) {
      const h = store.hash.get(i);
      if (!boilerplate.has(h) && !seen.has(h)) {
        seen.add(h);
        keys.push(h * 2097152 + r);
      }
    }
  }
  const postings = Float64Array.from(keys).sort();
  const hashAt = (k: number) => Math.floor(postings[k]! / 2097152);
  const firstOf = (h: number) => {
    let lo = 0;
    let hi = postings.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hashAt(mid) < h) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const shared = new Float64Array(n);
  const otherRow = new Int32Array(n).fill(-1);
  const other: (PairCopy | null)[] = new Array(n).fill(null);
  for (let r = 0; r < n; r++) {
    const touched: number[] = [];
    const a = store.start.get(r);
    const b = store.start.get(r + 1);
    const seen = new Set<number>();
    for (let i = a; i < b; i++) {
      const h = store.hash.get(i);
      if (boilerplate.has(h) || seen.has(h)) continue;
      seen.add(h);
      const from = firstOf(h);
      let to = from;
      while (to < postings.length && hashAt(to) === h) to++;
      if (to - from > MAX_POSTING) continue;
      for (let k = from; k < to; k++) {
        const o = postings[k]! - h * 2097152;
        if (o === r || year[o] !== year[r] || (unit[o] === unit[r] && unit[r] !== -1)) continue;
        if (shared[o] === 0) touched.push(o);
        shared[o]! += store.len.get(i);
      }
    }
    if (!touched.length) continue;
    touched.sort((x, y) => shared[y]! - shared[x]! || x - y);
    const fa = feats(r);
    for (const o of touched.slice(0, CANDIDATES)) {
      const c = pairCopy(fa, feats(o), boilerplate);
      if (!other[r] || c.copyRate > other[r]!.copyRate) {
        other[r] = c;
        otherRow[r] = o;
      }
    }
    for (const o of touched) shared[o] = 0;
  }

  const summaryOf = (r: number) => lin.summaries[linRow[r]!]!;
  const rowOf = new Map(store.ids.map((id, r) => [id, r]));
  const round = (c: PairCopy) => ({ ...c, copyRate: Math.round(c.copyRate * 1e4) / 1e4, boilerplateShare: Math.round(c.boilerplateShare * 1e4) / 1e4 });
  return {
    reports: n, boilerplate, ms: performance.now() - started,
    summaries: store.ids.map((_, r) => summaryOf(r)),
    previousRate: Float32Array.from(prev, (c) => (c ? c.copyRate : NaN)),
    otherRate: Float32Array.from(other, (c) => (c ? c.copyRate : NaN)),
    of(reportId) {
      const r = rowOf.get(reportId);
      if (r === undefined) return null;
      return {
        reportId,
        previous: prev[r] ? { ...round(prev[r]!), report: summaryOf(prevRow[r]!) } : null,
        highestOther: other[r] ? { ...round(other[r]!), report: summaryOf(otherRow[r]!) } : null,
      };
    },
  };
}

let cached: { engine: Engine; state: string; value: Promise<CorpusCopy> } | null = null;

/** The copy rates if already computed for the index as it is now, else null (never starts the computation). */
export async function computedCopyRates(engine: Engine): Promise<CorpusCopy | null> {
  if (!cached || cached.engine !== engine) return null;
  return cached.state === (await cacheState(engine)) ? cached.value : null;
}

/** The index's copy rates, computed once per index state (concurrent callers share one computation). */
export async function copyRates(engine: Engine): Promise<CorpusCopy> {
  const state = await cacheState(engine);
  if (cached && cached.engine === engine && cached.state === state) return cached.value;
  const value = computeCopyRates(engine);
  cached = { engine, state, value };
  value.catch(() => (cached = null));
  return value;
}
