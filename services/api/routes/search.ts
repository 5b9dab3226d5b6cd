// GET /api/search and GET /api/export: the same query, answered as JSON or as a file.
import { Router } from 'express';
import { contentDisposition, describeFilters, exportContext, SORT_LABELS } from '../../core/export-context.js';
import { SECTION_LABELS, type SectionType } from '../../core/schema.js';
import { regionPath } from '../../pipeline/metadata/gazetteer.js';
import type { Engine } from '../../search/engine.js';
import { themeLabel } from '../../search/labels.js';
import { search } from '../../search/methods/search.js';
import { parseOr400 } from '../errors.js';
import { exportResults } from '../export.js';
import { ExportParams, SearchParams, toFilters } from '../params.js';

const EXPORT_LEVEL_LABELS: Record<string, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇（街道）', department: '部门', unknown: '未识别' };

export function searchRoutes(engine: Engine): Router {
  const r = Router();
  const answer = async (params: unknown) => {
    const p = parseOr400(SearchParams, params);
    return search(engine, { q: p.q, filters: toFilters(p), sort: p.sort, page: p.page, size: p.size, collapse: p.collapse, facets: p.facets });
  };
  r.get('/search', async (req, res) => { res.json(await answer(req.query)); });
  // The same parameters as a JSON body: a long query does not fit in a URL (8 KB, services/api/middleware/url-limit.ts).
  r.post('/search', async (req, res) => { res.json(await answer(req.body ?? {})); });
  r.get('/export', async (req, res) => {
    const p = parseOr400(ExportParams, req.query);
    const hits = [];
    let filters = toFilters(p);
    // Export pages through the results in pages of 100 (the search page limit).
    for (let page = 1; hits.length < p.size; page++) {
      const out = await search(engine, { q: p.q, filters: toFilters(p), sort: p.sort, page, size: 100, collapse: p.collapse });
      // The filters the search applied (those typed in the query included), in words.
      if (page === 1) filters = out.filters;
      hits.push(...out.hits);
      if (out.hits.length < 100) break;
    }
    const info = await engine.backend.info();
    const ctx = exportContext({
      query: p.q, sort: `${SORT_LABELS[p.sort]}${p.collapse ? '，按报告合并' : ''}`, demo: info.demoReports > 0, reports: info.reports,
      filters: describeFilters(filters, {
        section: (s) => SECTION_LABELS[s as SectionType] ?? s, theme: themeLabel, level: (l) => EXPORT_LEVEL_LABELS[l] ?? l,
        region: (c) => { const r = regionPath(c); return r ? [r.province, r.city, r.county, r.township].filter(Boolean).join('') : `区划 ${c}`; },
      }),
    });
    // Links in the file point back at this server, as the client reached it.
    const file = exportResults(hits.slice(0, p.size), p.format, ctx, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Disposition', contentDisposition(file.name));
    res.send(file.body);
  });
  return r;
}
