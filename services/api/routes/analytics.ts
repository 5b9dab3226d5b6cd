// GET /api/trends and GET /api/concordance.
import { Router } from 'express';
import type { Engine } from '../../search/engine.js';
import { concordance } from '../../search/methods/concordance.js';
import { trends } from '../../search/methods/trends.js';
import { parseOr400 } from '../errors.js';
import { ConcordanceParams, toFilters, TrendsParams } from '../params.js';

export function analyticsRoutes(engine: Engine): Router {
  const r = Router();
  r.get('/trends', async (req, res) => {
    // The series come out of the parameters as the method's series (`theme:<id>` or a query).
    const p = parseOr400(TrendsParams, req.query);
    res.json(await trends(engine, { series: p.series, filters: toFilters(p), by: p.by }));
  });
  r.get('/concordance', async (req, res) => {
    const p = parseOr400(ConcordanceParams, req.query);
    res.json(await concordance(engine, { q: p.q, filters: toFilters(p), width: p.width, sort: p.sort, limit: p.limit }));
  });
  return r;
}
