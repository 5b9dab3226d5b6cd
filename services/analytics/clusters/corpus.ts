// The statements of one kind (problems or improvements) of a whole index, clustered once
// and cached by index state; queries (filters by year, region and level) then run over the
// clusters in one pass without clustering again.
import { z } from 'zod';
import { Level, Region, type Level as LevelT } from '../../core/schema.js';
import type { Engine } from '../../search/engine.js';
import { citationOf } from '../../search/present/citation.js';
import { Citation, type ReportSummary } from '../../search/types.js';
import { eachPassage, indexState } from '../source.js';
import { StatementIndex, type ClusterParams, type ClusterStats } from './index.js';
import { splitItems } from './items.js';

export const STATEMENT_KINDS = ['problems', 'improvements'] as const;
export const StatementKind = z.enum(STATEMENT_KINDS);
export type StatementKind = z.infer<typeof StatementKind>;

export const ClusterMember = z.object({
  reportId: z.string(),
  /** The paragraph (passage ordinal) the statement is in, and its place among the paragraph's items (1-based). */
  ordinal: z.number().int(),
  item: z.number().int(),
  text: z.string(),
  issuer: z.string().nullable(),
  year: z.number().int().nullable(),
  level: Level,
  region: Region,
  citation: Citation,
  /** Reports of the member's place (its region code) that have a section of this kind: its own repeats need two. */
  placeReports: z.number().int(),
});
export type ClusterMember = z.infer<typeof ClusterMember>;

export const StatementCluster = z.object({
  /** Stable for as long as the cluster's first-seen wording is in the index. */
  id: z.string(),
  /** The wording closest to all others (medoid among the most frequent wordings). */
  representative: z.string(),
  statements: z.number().int(),
  /** Distinct wordings (after removing punctuation and spacing). */
  variants: z.number().int(),
  reports: z.number().int(),
  regions: z.number().int(),
  years: z.array(z.number().int()),
  levels: z.array(Level),
  members: z.array(ClusterMember),
  /** More members exist than are listed. */
  truncated: z.boolean(),
});
export type StatementCluster = z.infer<typeof StatementCluster>;

export interface ClusterQuery {
  years: readonly number[];
  /** Region codes of any level (2, 4, 6 or 9 digits): a report matches by prefix. */
  regions: readonly string[];
  levels: readonly LevelT[];
  minReports: number;
  /** Distinct years the cluster's (filtered) members must span. */
  minYears: number;
  offset: number;
  limit: number;
  /** Members listed per cluster. */
  members: number;
  sort: 'spread' | 'years';
}

const LEVEL_CODES = Level.options;

export class StatementCorpus {
  readonly index: StatementIndex;
  readonly docs: ReportSummary[] = [];
  private readonly docOf = new Map<string, number>();
  private docYear = new Int16Array(0);
  private docLevel = new Uint8Array(0);
  private docRegion = new Int32Array(0);
  private readonly regionCodes: string[] = [];
  /** Members grouped by cluster: clusterMembers[clusterStart[c] … clusterStart[c+1]). */
  private clusterStart = new Uint32Array(0);
  private clusterMembers = new Uint32Array(0);
  private clusterIds: string[] = [];
  buildMs = 0;

  constructor(readonly kind: StatementKind, params: Partial<ClusterParams> = {}) {
    this.index = new StatementIndex(params);
  }

  /** Adds one passage of this kind: its items become statements. */
  addPassage(report: ReportSummary, ordinal: number, text: string): void {
    let doc = this.docOf.get(report.id);
    if (doc === undefined) {
      doc = this.docs.length;
      this.docs.push(report);
      this.docOf.set(report.id, doc);
    }
    splitItems(text).forEach((item, i) => this.index.add(item, { doc, ordinal, item: i + 1 }));
  }

  /** Clusters the statements added so far and groups the members by cluster. */
  finish(): this {
    const started = performance.now();
    const clusterOf = this.index.cluster();
    const n = this.docs.length;
    this.docYear = new Int16Array(n);
    this.docLevel = new Uint8Array(n);
    this.docRegion = new Int32Array(n).fill(-1);
    const regionIdx = new Map<string, number>();
    this.docs.forEach((d, i) => {
      this.docYear[i] = d.year ?? 0;
      this.docLevel[i] = LEVEL_CODES.indexOf(d.level);
      const code = d.region.code;
      if (code) {
        let r = regionIdx.get(code);
        if (r === undefined) {
          regionIdx.set(code, (r = this.regionCodes.length));
          this.regionCodes.push(code);
        }
        this.docRegion[i] = r;
      }
    });
    // Dense cluster numbers, then a counting sort of the members by cluster.
    const m = this.index.size;
    const dense = new Int32Array(clusterOf.length).fill(-1);
    const rootVariant: number[] = [];
    for (let v = 0; v < clusterOf.length; v++) {
      const root = clusterOf[v]!;
      if (dense[root] === -1) {
        dense[root] = rootVariant.length;
        rootVariant.push(v);
      }
    }
    const c = rootVariant.length;
    const start = new Uint32Array(c + 1);
    const memberCluster = new Uint32Array(m);
    for (let i = 0; i < m; i++) {
      const k = dense[clusterOf[this.index.memberVariant.get(i)]!]!;
      memberCluster[i] = k;
      start[k + 1]!++;
    }
    for (let k = 0; k < c; k++) start[k + 1]! += start[k]!;
    const fill = start.slice(0, c);
    const members = new Uint32Array(m);
    for (let i = 0; i < m; i++) members[fill[memberCluster[i]!]!++] = i;
    this.clusterStart = start;
    this.clusterMembers = members;
    // An id from the cluster's first-seen wording: stable while that wording stays indexed.
    this.clusterIds = rootVariant.map((v) => `c${hash32(this.index.variantTextOf(v)).toString(16).padStart(8, '0')}`);
    this.buildMs += performance.now() - started;
    return this;
  }

  get clusters(): number {
    return this.clusterIds.length;
  }

  stats(): ClusterStats | null {
    return this.index.stats();
  }

  private placeCounts: Map<string, number> | null = null;
  /** Reports of this kind in a place (its code as a prefix, as the place's repeats count them). */
  private reportsOfPlace(code: string | null): number {
    if (!code) return 0;
    if (!this.placeCounts) {
      this.placeCounts = new Map();
      // Every prefix a place's own repeats may be asked for (repeats match codes by prefix).
      for (const d of this.docs) {
        const c = d.region.code;
        if (!c) continue;
        for (const p of new Set([c.slice(0, 2), c.slice(0, 4), c.slice(0, 6), c])) this.placeCounts.set(p, (this.placeCounts.get(p) ?? 0) + 1);
      }
    }
    return this.placeCounts.get(code) ?? 0;
  }

  query(q: ClusterQuery): { total: number; statements: number; reports: number; clusters: StatementCluster[] } {
    const nDocs = this.docs.length;
    const docOk = new Uint8Array(nDocs);
    const levels = new Set(q.levels.map((l) => LEVEL_CODES.indexOf(l)));
    const years = new Set(q.years);
    for (let d = 0; d < nDocs; d++) {
      const code = this.docs[d]!.region.code ?? '';
      docOk[d] = Number((!years.size || years.has(this.docYear[d]!)) && (!levels.size || levels.has(this.docLevel[d]!))
        && (!q.regions.length || q.regions.some((r) => code.startsWith(r))));
    }
    const docStamp = new Int32Array(nDocs).fill(-1);
    const regionStamp = new Int32Array(this.regionCodes.length).fill(-1);
    const found: Array<{ k: number; statements: number; reports: number; regions: number; years: number[] }> = [];
    const { memberDoc } = this.index;
    let statements = 0;
    for (let i = 0; i < memberDoc.length; i++) statements += docOk[memberDoc.get(i)]!;
    for (let k = 0; k < this.clusters; k++) {
      const s = this.clusterStart[k]!;
      const e = this.clusterStart[k + 1]!;
      if (e - s < q.minReports) continue;
      let count = 0;
      let reports = 0;
      let regions = 0;
      const ys = new Set<number>();
      for (let i = s; i < e; i++) {
        const doc = memberDoc.get(this.clusterMembers[i]!);
        if (!docOk[doc]) continue;
        count++;
        if (docStamp[doc] !== k) {
          docStamp[doc] = k;
          reports++;
          if (this.docYear[doc]) ys.add(this.docYear[doc]!);
          const r = this.docRegion[doc]!;
          if (r >= 0 && regionStamp[r] !== k) {
            regionStamp[r] = k;
            regions++;
          }
        }
      }
      if (count && reports >= q.minReports && ys.size >= q.minYears) found.push({ k, statements: count, reports, regions, years: [...ys].sort((a, b) => a - b) });
    }
    found.sort(q.sort === 'years'
      ? (a, b) => b.years.length - a.years.length || b.statements - a.statements || b.reports - a.reports || a.k - b.k
      : (a, b) => b.reports - a.reports || b.regions - a.regions || b.statements - a.statements || a.k - b.k);
    const page = found.slice(q.offset, q.offset + q.limit);
    const reports = docOk.reduce((n, ok) => n + ok, 0);
    return { total: found.length, statements, reports, clusters: page.map((f) => this.describe(f, docOk, q.members)) };
  }

  private describe(f: { k: number; statements: number; reports: number; regions: number; years: number[] }, docOk: Uint8Array, limit: number): StatementCluster {
    const { index } = this;
    const chosen: number[] = [];
    const perVariant = new Map<number, number>();
    const levels = new Set<LevelT>();
    for (let i = this.clusterStart[f.k]!; i < this.clusterStart[f.k + 1]!; i++) {
      const m = this.clusterMembers[i]!;
      const doc = index.memberDoc.get(m);
      if (!docOk[doc]) continue;
      chosen.push(m);
      const v = index.memberVariant.get(m);
      perVariant.set(v, (perVariant.get(v) ?? 0) + 1);
      levels.add(this.docs[doc]!.level);
    }
    // Medoid among the most frequent wordings, weighted by how often each is used.
    const top = [...perVariant].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 16);
    let best = top[0]![0];
    let bestScore = -1;
    for (const [v] of top) {
      let score = 0;
      for (const [w, n] of top) score += n * (v === w ? 1 : index.similarity(v, w));
      if (score > bestScore) {
        bestScore = score;
        best = v;
      }
    }
    // Members: newest first, then by report and paragraph.
    const order = chosen.sort((a, b) => {
      const da = index.memberDoc.get(a);
      const db = index.memberDoc.get(b);
      return this.docYear[db]! - this.docYear[da]! || da - db || index.memberOrdinal.get(a) - index.memberOrdinal.get(b)
        || index.memberItem.get(a) - index.memberItem.get(b);
    });
    return {
      id: this.clusterIds[f.k]!, representative: index.variantTextOf(best), statements: f.statements, variants: perVariant.size,
      reports: f.reports, regions: f.regions, years: f.years, levels: LEVEL_CODES.filter((l) => levels.has(l)),
      members: order.slice(0, limit).map((m) => {
        const report = this.docs[index.memberDoc.get(m)]!;
        const ordinal = index.memberOrdinal.get(m);
        return {
          reportId: report.id, ordinal, item: index.memberItem.get(m), text: index.text(m), issuer: report.issuer,
          year: report.year, level: report.level, region: report.region, citation: citationOf(report, this.kind, ordinal),
          placeReports: this.reportsOfPlace(report.region.code),
        };
      }),
      truncated: order.length > limit,
    };
  }
}

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

// --- one corpus per engine and kind, rebuilt when the index changes ----------------------

interface Cached { state: string; corpus: Promise<StatementCorpus> }
const cache = new WeakMap<Engine, Map<StatementKind, Cached>>();

export async function corpusOf(engine: Engine, kind: StatementKind): Promise<StatementCorpus> {
  const state = await indexState(engine);
  let byKind = cache.get(engine);
  if (!byKind) cache.set(engine, (byKind = new Map()));
  const hit = byKind.get(kind);
  if (hit && hit.state === state) return hit.corpus;
  const corpus = (async () => {
    const c = new StatementCorpus(kind);
    await eachPassage(engine, [kind], (p) => c.addPassage(p.report, p.ordinal, p.text));
    return c.finish();
  })();
  byKind.set(kind, { state, corpus });
  corpus.catch(() => byKind.delete(kind));
  return corpus;
}
