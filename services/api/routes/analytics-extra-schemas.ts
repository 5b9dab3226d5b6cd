// Query parameters and answers of GET /api/recurring, /api/repeats and /api/stat-totals:
// zod only, so the OpenAPI document and the web app's types come from the same schemas.
import { z } from 'zod';
import { StatementCluster, StatementKind } from '../../analytics/clusters/corpus.js';
import { ClusteringInfo, RecurringRequest } from '../../analytics/methods/recurring.js';
import { RepeatsResponse } from '../../analytics/methods/repeats.js';
import { InconsistentReport, StatTotalsRequest, StatTotalsResponse, TOTALS_BY } from '../../analytics/methods/stat-totals.js';
import { Level } from '../../core/schema.js';
import { int, list, RegionCode, Year } from '../params.js';

/** The filters of one analytics method, each list checked by that method's own schema. */
const filtersOf = (method: typeof RecurringRequest | typeof StatTotalsRequest) => z.object({
  year: list(Year, method.shape.years.unwrap()),
  region: list(RegionCode, method.shape.regions.unwrap()),
  level: list(Level, method.shape.levels.unwrap()),
});

export const RecurringParams = filtersOf(RecurringRequest).extend({
  kind: StatementKind.default('problems'),
  /** Distinct reports a cluster needs. */
  minReports: int(1, 1_000_000, 2),
  page: int(1, 10_000, 1),
  size: int(1, 100, 20),
  /** Members listed per cluster. */
  members: int(0, 500, 20),
});

export const RepeatsParams = z.object({
  region: RegionCode,
  kind: StatementKind.default('problems'),
  minYears: int(1, 200, 2),
  limit: int(1, 500, 100),
  members: int(0, 5000, 50),
});

export const StatTotalsParams = filtersOf(StatTotalsRequest).extend({
  by: z.enum(TOTALS_BY).default('year'),
  inconsistentLimit: int(0, 1000, 100),
});

/** Distinct reports per year, and per province, among a cluster's members. */
export const ClusterSpread = z.object({
  byYear: z.array(z.object({ year: z.number().int(), reports: z.number().int() })),
  byProvince: z.array(z.object({ code: z.string(), name: z.string(), reports: z.number().int() })),
  /** False when the cluster had more members than were counted (the counts are then a sample). */
  complete: z.boolean(),
});

export const RecurringCluster = StatementCluster.extend({ spread: ClusterSpread });

export const RecurringPage = z.object({
  kind: StatementKind,
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
  statements: z.number().int(),
  /** Reports under the filters with a section of this kind: the reports looked at. */
  reports: z.number().int(),
  clusters: z.array(RecurringCluster),
  clustering: ClusteringInfo,
  tookMs: z.number(),
});
export type RecurringPage = z.infer<typeof RecurringPage>;

export const RepeatsAnswer = RepeatsResponse.extend({
  /** The place's name, from its reports (null when it has none). */
  name: z.string().nullable(),
});
export type RepeatsAnswer = z.infer<typeof RepeatsAnswer>;

export const StatTotalsAnswer = StatTotalsResponse.extend({
  inconsistent: z.array(InconsistentReport.extend({
    /** The 1-based number of the report's section holding its statistics tables, for a link to the reader (#s<n>). */
    tableSection: z.number().int().nullable(),
  })),
});
export type StatTotalsAnswer = z.infer<typeof StatTotalsAnswer>;
