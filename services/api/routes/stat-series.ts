// GET /api/stat-series (+ .csv), /api/stat-series/reports, /api/stat-outliers and
// /api/crosswalk: the crosswalk's common measures and rates as series, the reports behind a
// point, the reports far from their peers, and the crosswalk itself.
import { Router } from 'express';
import { seriesCsv } from '../../analytics/methods/stat-series-csv.js';
import { statOutliers, statPointReports, statSeries } from '../../analytics/methods/stat-series.js';
import { CROSSWALK } from '../../analytics/crosswalk/schema.js';
import type { Engine } from '../../search/engine.js';
import { parseOr400 } from '../errors.js';
import { StatOutliersParams, StatPointParams, StatSeriesParams } from './stat-series-schemas.js';

export function statSeriesRoutes(engine: Engine): Router {
  const r = Router();
  const series = (query: unknown) => {
    const p = parseOr400(StatSeriesParams, query);
    return statSeries(engine, { metric: p.metric, by: p.by, minReports: p.minReports, years: p.year ?? [], regions: p.region ?? [], levels: p.level ?? [] });
  };

  r.get('/stat-series', async (req, res) => {
    res.json(await series(req.query));
  });

  r.get('/stat-series.csv', async (req, res) => {
    const answer = await series(req.query);
    res.type('text/csv; charset=utf-8');
    res.attachment(`gongkai-${answer.metric.id}-${answer.by}.csv`);
    res.send(seriesCsv(answer));
  });

  r.get('/stat-series/reports', async (req, res) => {
    const p = parseOr400(StatPointParams, req.query);
    res.json(await statPointReports(engine, {
      metric: p.metric, years: p.year ?? [], regions: p.region ?? [], levels: p.level ?? [], offset: (p.page - 1) * p.size, limit: p.size,
    }));
  });

  r.get('/stat-outliers', async (req, res) => {
    const p = parseOr400(StatOutliersParams, req.query);
    res.json(await statOutliers(engine, {
      rate: p.rate, minPeers: p.minPeers, threshold: p.threshold, limit: p.limit, years: p.year ?? [], regions: p.region ?? [], levels: p.level ?? [],
    }));
  });

  r.get('/crosswalk', (_req, res) => {
    res.json(CROSSWALK);
  });

  return r;
}
