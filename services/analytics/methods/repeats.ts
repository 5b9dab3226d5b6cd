// repeats: what one place (typically a township, by its 9-digit code) writes again year
// after year — its own problem statements matched across its own reports, kept when they
// recur in at least two years.
import { z } from 'zod';
import type { Engine } from '../../search/engine.js';
import { corpusOf, StatementCluster, StatementKind } from '../clusters/corpus.js';
import { ClusteringInfo, clusteringInfo } from './recurring.js';

export const RepeatsRequest = z.object({
  region: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/),
  kind: StatementKind.default('problems'),
  /** Distinct years a statement must recur in. */
  minYears: z.number().int().min(1).max(200).default(2),
  limit: z.number().int().min(1).max(500).default(100),
  members: z.number().int().min(0).max(5000).default(50),
});
export type RepeatsRequestInput = z.input<typeof RepeatsRequest>;

export const RepeatsResponse = z.object({
  region: z.string(),
  kind: StatementKind,
  /** The place's reports that have statements of this kind, and their years. */
  reports: z.number().int(),
  years: z.array(z.number().int()),
  /** Its statements of this kind. */
  statements: z.number().int(),
  total: z.number().int(),
  /** Sorted by the number of years a statement recurs in. */
  clusters: z.array(StatementCluster),
  clustering: ClusteringInfo,
  tookMs: z.number(),
});
export type RepeatsResponse = z.infer<typeof RepeatsResponse>;

export async function repeats(engine: Engine, input: RepeatsRequestInput): Promise<RepeatsResponse> {
  const started = performance.now();
  const req = RepeatsRequest.parse(input);
  const corpus = await corpusOf(engine, req.kind);
  const result = corpus.query({
    years: [], regions: [req.region], levels: [], minReports: 1, minYears: req.minYears,
    offset: 0, limit: req.limit, members: req.members, sort: 'years',
  });
  const own = corpus.docs.filter((d) => (d.region.code ?? '').startsWith(req.region));
  return {
    region: req.region, kind: req.kind, reports: own.length,
    years: [...new Set(own.map((d) => d.year).filter((y): y is number => y !== null))].sort((a, b) => a - b),
    statements: result.statements, total: result.total, clusters: result.clusters, clustering: clusteringInfo(corpus),
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
