// Query parameters of GET /api/stat-series (and .csv), /api/stat-series/reports and
// /api/stat-outliers: zod only, so the OpenAPI document and the web app's types share them.
import { z } from 'zod';
import { Metric, StatOutliersRequest, StatSeriesRequest, SERIES_BY, DEFAULT_MIN_REPORTS } from '../../analytics/methods/stat-series.js';
import { RATE_IDS } from '../../analytics/crosswalk/schema.js';
import { Level } from '../../core/schema.js';
import { int, list, RegionCode, Year } from '../params.js';

const filters = z.object({
  year: list(Year, StatSeriesRequest.shape.years.unwrap()),
  region: list(RegionCode, StatSeriesRequest.shape.regions.unwrap()),
  level: list(Level, StatSeriesRequest.shape.levels.unwrap()),
});

export const StatSeriesParams = filters.extend({
  /** A measure id (requests.new …) or a rate id (disclosure_rate …) of the crosswalk. */
  metric: Metric,
  by: z.enum(SERIES_BY).default('year'),
  /** Points on fewer reports are flagged small (the web app greys them). */
  minReports: int(1, 1_000_000, DEFAULT_MIN_REPORTS),
});

export const StatPointParams = filters.extend({
  metric: Metric,
  page: int(1, 10_000, 1),
  size: int(1, 200, 50),
});

export const StatOutliersParams = filters.extend({
  rate: z.enum(RATE_IDS as [string, ...string[]]),
  minPeers: int(2, 100_000, StatOutliersRequest.shape.minPeers.parse(undefined)),
  /** |z| at or above which a report is listed. */
  threshold: z.coerce.number().min(1).max(100).default(3),
  limit: int(1, 1000, 50),
});
