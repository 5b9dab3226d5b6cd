// The OpenAPI document, generated from the same zod schemas that validate requests
// (zod's own JSON Schema output: request parameters as they are typed, answers as sent).
import { z } from 'zod';
import { ConcordanceResponse } from '../search/methods/concordance.js';
import { TrendsResponse } from '../search/methods/trends.js';
import { SearchResponse } from '../search/types.js';
import { ConcordanceParams, ExportParams, PassageParam, ReportIdParam, SearchParams, TrendsParams } from './params.js';
import { RecurringPage, RecurringParams, RepeatsAnswer, RepeatsParams, StatTotalsAnswer, StatTotalsParams } from './routes/analytics-extra-schemas.js';
import { IngestBody } from './routes/write.js';
import { CollocatesResponse } from '../search/methods/corpus/collocates.js';
import { DispersionResponse } from '../search/methods/corpus/dispersion.js';
import { KeywordsResponse } from '../search/methods/corpus/keywords.js';
import { NgramsResponse } from '../search/methods/corpus/ngrams.js';
import { CollocatesParams, DispersionParams, KeywordsParams, NgramsParams } from './routes/corpus-params.js';
import { StatOutliersParams, StatPointParams, StatSeriesParams } from './routes/stat-series-schemas.js';
import { StatOutliersResponse, StatPointResponse, StatSeriesResponse } from '../analytics/methods/stat-series.js';
import { RegionsAnswer, RegionsParams } from './routes/regions.js';
import { CompareParams, CopiedParams } from './routes/copy.js';
import { LineageResponse } from '../analytics/lineage/index.js';
import { Audit } from '../analytics/audit/schema.js';
import { AuditRatesResponse } from '../analytics/methods/audit.js';
import { AuditRatesParams, UnchangedParams } from './routes/audit.js';
import { ProblemsFollowed } from '../analytics/audit/followed.js';
import { UnchangedResponse } from '../analytics/methods/problems-followed.js';
import { CompareResult } from '../analytics/copy/compare.js';
import { ReportCopy } from '../analytics/copy/corpus.js';
import { CopiedList, CopyTrend } from '../analytics/copy/summaries.js';

type Json = Record<string, unknown>;

const ErrorBody = z.object({
  error: z.string(),
  issues: z.array(z.object({ field: z.string(), problem: z.string() })).optional(),
});

const schemaOf = (s: z.ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Json;

/** One OpenAPI parameter per property of a zod object schema. */
function parameters(schema: z.ZodObject, where: 'query' | 'path'): Json[] {
  const json = schemaOf(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name, in: where, required: where === 'path' || (json.required ?? []).includes(name),
    ...(s.type === 'array' ? { explode: true, style: 'form' } : {}), schema: s,
  }));
}

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema: schemaOf(schema) } } });
const errors = { 400: json(ErrorBody, 'Invalid parameters: the field and the problem'), 404: json(ErrorBody, 'Not found') };

function get(summary: string, query: z.ZodObject | null, ok: Json, path?: z.ZodObject): Json {
  return { get: { summary, parameters: [...(path ? parameters(path, 'path') : []), ...(query ? parameters(query, 'query') : [])], responses: { 200: ok, ...errors } } };
}

const writeErrors = {
  401: json(ErrorBody, 'No write token given (Authorization: Bearer <token>)'),
  403: json(ErrorBody, 'Wrong token, or writes disabled (no GONGKAI_WRITE_TOKEN configured)'),
};

let cached: Json | undefined;

export function openApiDocument(): Json {
  cached ??= {
    openapi: '3.0.3',
    info: { title: 'Gongkai API', version: '1', description: 'Full-text search over government information-disclosure annual reports. Reading is open; writing needs the configured token.' },
    components: { securitySchemes: { writeToken: { type: 'http', scheme: 'bearer', description: 'GONGKAI_WRITE_TOKEN' } } },
    paths: {
      '/api/search': {
        ...get('Search passages, with facets', SearchParams, json(SearchResponse, 'Ranked, highlighted and cited passages')),
        post: {
          summary: 'The same search with its parameters as a JSON body, for queries too long for a URL (over 8 KB)',
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(SearchParams, 'input') } } },
          responses: { 200: json(SearchResponse, 'Ranked, highlighted and cited passages'), ...errors },
        },
      },
      '/api/export': get('The results of a search as CSV, JSON or Markdown, one row per passage with its citation and a link to it; the file states its query, filters, sort, corpus (demo data marked 演示数据，请勿引用), time and the version of the app, and is named after its query', ExportParams, { description: 'A file' }),
      '/api/trends': get('Matching reports per year or region for several series (series=theme:wechat or a query)', TrendsParams, json(TrendsResponse, 'One series per query or theme')),
      '/api/concordance': get('Keyword-in-context lines with citations', ConcordanceParams, json(ConcordanceResponse, 'KWIC lines')),
      '/api/collocates': get('Collocates of a word or phrase in a slice (query and filters): frequency, MI, G², t-score, logDice', CollocatesParams, json(CollocatesResponse, 'Collocates with their measures')),
      '/api/keywords': get('Keywords of slice A (a with the filters) against slice B (b; empty: the rest of the corpus): log-likelihood, log ratio, %DIFF, ranges', KeywordsParams, json(KeywordsResponse, 'Positive and negative keywords')),
      '/api/ngrams': get("Word n-grams (2–5) of a slice with range, Gries' DP and boilerplate marks", NgramsParams, json(NgramsResponse, 'The phrase list')),
      '/api/dispersion': get('Frequency and range of a term by year, province and level, its DP and a dispersion plot', DispersionParams, json(DispersionResponse, 'Dispersion of the term')),
      '/api/recurring': get('Recurring problem (or improvement) statements: clusters of near-identical wordings across reports, by spread', RecurringParams, json(RecurringPage, 'A page of clusters, each with its members cited and its spread by year and province')),
      '/api/repeats': get('What one place (a township: 9-digit code) writes again year after year', RepeatsParams, json(RepeatsAnswer, 'Its statements recurring in at least minYears years')),
      '/api/stat-totals': get('Totals of the statistics tables per year, province, city, county, level or format, and the reports whose tables do not add up', StatTotalsParams, json(StatTotalsAnswer, 'Rows, a total row and the inconsistent reports')),
      '/api/stat-series': get('A common measure or derived rate of the crosswalk by year (format changes marked), province or level, with the sample size of every point', StatSeriesParams, json(StatSeriesResponse, 'Points, a total and the reports left out')),
      '/api/stat-series.csv': get('The same series as CSV, the definition and the sample-size rule in # lines before the header', StatSeriesParams, { description: 'A CSV file' }),
      '/api/stat-series/reports': get('The reports behind a point (filter by its year, region or level), each with its own value', StatPointParams, json(StatPointResponse, 'Reports, largest value first')),
      '/api/stat-outliers': get('Reports whose rate sits far from their peers of the same level and year (funnel plot z)', StatOutliersParams, json(StatOutliersResponse, 'Outliers with their numbers and their peers\' rate')),
      '/api/crosswalk': get('The crosswalk: each format\'s cells for each common measure with the reason, the format-specific cells, the rate definitions', null, { description: 'services/analytics/crosswalk/crosswalk.json' }),
      '/api/reports/{id}': {
        ...get('A whole report: metadata, sections, passages', null, { description: 'The report' }, ReportIdParam),
        delete: {
          summary: 'Remove a report and all its passages (needs the write token)', security: [{ writeToken: [] }],
          parameters: parameters(ReportIdParam, 'path'), responses: { 200: { description: '{"deleted": id}' }, ...errors, ...writeErrors },
        },
      },
      '/api/ingest': {
        post: {
          summary: 'Ingest files and folders under GONGKAI_INGEST_ROOT, given relative to it (needs the write token)',
          security: [{ writeToken: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(IngestBody, 'input') } } },
          responses: { 200: { description: 'The ingest summary, with each failed file and its reason' }, 400: errors[400], ...writeErrors,
            409: json(ErrorBody, 'Another ingest is running') },
        },
      },
      '/api/reports/{id}/lineage': get("The unit's reports across the years (same issuer and region, renames tolerated), previous and next", null, json(LineageResponse, 'The lineage'), ReportIdParam),
      '/api/reports/{id}/copy': get("Copy rate against the unit's previous report and the highest against another unit's report of the same year (boilerplate apart)", null, json(ReportCopy, 'Copy rates'), ReportIdParam),
      '/api/compare': get('Two indexed reports compared: sections and sentences aligned (unchanged, changed, new, dropped), table cells side by side, copy rate of b against a', CompareParams, json(CompareResult, 'The comparison')),
      '/api/reports/{id}/audit': get("The report's format-compliance audit: each rule with its source (条例 article, format notice clause or assessor's indicator), pass / fail / not_assessable, and the quotes with their offsets that show it; cross-year rules against the unit's previous report", null, json(Audit, 'The audit'), ReportIdParam),
      '/api/audit-rates': get('Pass rates of every audit rule over the whole index, by year, province or level', AuditRatesParams, json(AuditRatesResponse, 'Rows per group and a total row, each with pass, fail and not-assessable counts per rule')),
      '/api/reports/{id}/problems-followed': get("Each problem the report states, followed into the unit's next-year report: repeated, reported_fixed or silent, with the next year's words", null, json(ProblemsFollowed, 'The problems followed'), ReportIdParam),
      '/api/problems-unchanged': get('Problems units repeat unchanged year after year (at least minRecurrences times after the first), across the index', UnchangedParams, json(UnchangedResponse, 'A page of chains, longest first')),
      '/api/audit-rates.csv': get('The same pass rates as CSV: one line per group and rule', AuditRatesParams, { description: 'A CSV file' }),
      '/api/copy/copied': get('Reports copied more than min (default 0.5) from their previous year, highest first', CopiedParams, json(CopiedList, 'A page of reports')),
      '/api/copy/trend': get('Mean copy rate against the previous year, by year and level', null, json(CopyTrend, 'One point per year and level')),
      '/api/reports/{id}/passages/{ordinal}': get('One passage with its citation', null, { description: 'The passage' }, PassageParam),
      '/api/regions': get('The names of region codes (GB/T 2260; 00 is 地区未识别), for showing codes as places', RegionsParams, json(RegionsAnswer, 'Name and path of each known code')),
      '/api/facets': get('Facet values: themes, section types, levels, years', null, { description: 'Values and labels' }),
      '/api/health': get('Backend state (503 when the backend is unavailable)', null, { description: 'ok' }),
      '/api/stats': get('Reports, passages and years indexed', null, { description: 'Index statistics' }),
    },
  };
  return cached;
}
