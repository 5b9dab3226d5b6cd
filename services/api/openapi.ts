// The OpenAPI document, generated from the same zod schemas that validate requests.
import { extendZodWithOpenApi, OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ConcordanceResponse } from '../search/methods/concordance.js';
import { TrendsResponse } from '../search/methods/trends.js';
import { SearchResponse } from '../search/types.js';
import { ConcordanceParams, ExportParams, PassageParam, ReportIdParam, SearchParams, TrendsParams } from './params.js';

extendZodWithOpenApi(z);

const ErrorBody = z.object({ error: z.string(), issues: z.array(z.object({ field: z.string(), problem: z.string() })).optional() });
const json = (schema: z.ZodTypeAny, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: json(ErrorBody, 'Invalid parameters: the field and the problem'), 404: json(ErrorBody, 'Not found') };

let cached: unknown;

export function openApiDocument(): unknown {
  if (cached) return cached;
  const r = new OpenAPIRegistry();
  r.registerPath({ method: 'get', path: '/api/search', summary: 'Search passages, with facets', request: { query: SearchParams },
    responses: { 200: json(SearchResponse, 'Ranked, highlighted and cited passages'), ...errors } });
  r.registerPath({ method: 'get', path: '/api/export', summary: 'The results of a search as CSV, JSON or Markdown', request: { query: ExportParams },
    responses: { 200: { description: 'A file, one row per passage with its citation' }, ...errors } });
  r.registerPath({ method: 'get', path: '/api/trends', summary: 'Matching reports per year or region for several queries or themes (series=theme:wechat or a query)',
    request: { query: TrendsParams }, responses: { 200: json(TrendsResponse, 'One series per query or theme'), ...errors } });
  r.registerPath({ method: 'get', path: '/api/concordance', summary: 'Keyword in context lines', request: { query: ConcordanceParams },
    responses: { 200: json(ConcordanceResponse, 'KWIC lines with citations'), ...errors } });
  r.registerPath({ method: 'get', path: '/api/reports/{id}', summary: 'A whole report: metadata, sections, passages', request: { params: ReportIdParam },
    responses: { 200: { description: 'The report' }, ...errors } });
  r.registerPath({ method: 'get', path: '/api/reports/{id}/passages/{ordinal}', summary: 'One passage with its citation', request: { params: PassageParam },
    responses: { 200: { description: 'The passage' }, ...errors } });
  r.registerPath({ method: 'get', path: '/api/facets', summary: 'Facet values: themes, section types, levels, years', responses: { 200: { description: 'Values and labels' } } });
  r.registerPath({ method: 'get', path: '/api/health', summary: 'Backend state', responses: { 200: { description: 'ok' }, 503: { description: 'Backend unavailable' } } });
  r.registerPath({ method: 'get', path: '/api/stats', summary: 'Reports, passages and years indexed', responses: { 200: { description: 'Index statistics' } } });
  cached = new OpenApiGeneratorV31(r.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Gongkai API', version: '1', description: 'Full-text search over government information-disclosure annual reports.' },
  });
  return cached;
}
