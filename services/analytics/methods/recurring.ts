// recurring: problem (or improvement) statements that recur across reports, as clusters of
// near-duplicates, each with a representative wording, its spread (reports, regions, years)
// and its members cited. Sorted by spread: distinct reports, then regions.
import { z } from 'zod';
import { Level } from '../../core/schema.js';
import type { Engine } from '../../search/engine.js';
import { corpusOf, StatementCluster, StatementKind } from '../clusters/corpus.js';

const RegionCode = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/);

export const RecurringRequest = z.object({
  kind: StatementKind.default('problems'),
  years: z.array(z.number().int().min(1900).max(2100)).max(200).default([]),
  /** GB/T 2260 codes of any level; a report matches when its region code starts with one. */
  regions: z.array(RegionCode).max(200).default([]),
  levels: z.array(Level).max(10).default([]),
  /** Distinct reports a cluster needs (after the filters). */
  minReports: z.number().int().min(1).max(1_000_000).default(2),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
  /** Members listed per cluster. */
  members: z.number().int().min(0).max(5000).default(20),
});
export type RecurringRequestInput = z.input<typeof RecurringRequest>;

export const ClusteringInfo = z.object({
  shingle: z.number().int(), permutations: z.number().int(), bands: z.number().int(), rows: z.number().int(),
  threshold: z.number(), statements: z.number().int(), variants: z.number().int(), clusters: z.number().int(),
});

export const RecurringResponse = z.object({
  kind: StatementKind,
  /** Clusters that pass the filters and minReports. */
  total: z.number().int(),
  /** Statements of this kind under the filters. */
  statements: z.number().int(),
  /** Reports under the filters that have a section of this kind: the reports looked at. */
  reports: z.number().int(),
  clusters: z.array(StatementCluster),
  clustering: ClusteringInfo,
  tookMs: z.number(),
});
export type RecurringResponse = z.infer<typeof RecurringResponse>;

export async function recurring(engine: Engine, input: RecurringRequestInput): Promise<RecurringResponse> {
  const started = performance.now();
  const req = RecurringRequest.parse(input);
  const corpus = await corpusOf(engine, req.kind);
  const result = corpus.query({
    years: req.years, regions: req.regions, levels: req.levels, minReports: req.minReports, minYears: 0,
    offset: req.offset, limit: req.limit, members: req.members, sort: 'spread',
  });
  return {
    kind: req.kind, ...result, clustering: clusteringInfo(corpus),
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

export function clusteringInfo(corpus: Awaited<ReturnType<typeof corpusOf>>): z.infer<typeof ClusteringInfo> {
  const p = corpus.index.params;
  return {
    shingle: p.k, permutations: p.perms, bands: p.bands, rows: p.perms / p.bands, threshold: p.threshold,
    statements: corpus.index.size, variants: corpus.index.variants, clusters: corpus.clusters,
  };
}
