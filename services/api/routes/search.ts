// GET /api/search and GET /api/export: the same query, answered as JSON or as a file.
import { Router } from 'express';
import type { Engine } from '../../search/engine.js';
import { search } from '../../search/methods/search.js';
import { parseOr400 } from '../errors.js';
import { exportResults } from '../export.js';
import { ExportParams, SearchParams, toFilters } from '../params.js';

export function searchRoutes(engine: Engine): Router {
  const r = Router();
  r.get('/search', async (req, res) => {
    const p = parseOr400(SearchParams, req.query);
    res.json(await search(engine, { q: p.q, filters: toFilters(p), sort: p.sort, page: p.page, size: p.size, collapse: p.collapse, facets: p.facets }));
  });
  r.get('/export', async (req, res) => {
    const p = parseOr400(ExportParams, req.query);
    const hits = [];
    // Export pages through the results in pages of 100 (the search page limit).
    for (let page = 1; hits.length < p.size; page++) {
      const out = await search(engine, { q: p.q, filters: toFilters(p), sort: p.sort, page, size: 100, collapse: p.collapse });
      hits.push(...out.hits);
      if (out.hits.length < 100) break;
    }
    const file = exportResults(hits.slice(0, p.size), p.format, p.q);
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Disposition', `attachment; filename="${file.name}"`);
    res.send(file.body);
  });
  return r;
}
