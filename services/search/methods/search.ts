// search: a query with filters → ranked passages, highlighted and cited, with facets.
import { levelCodes, UNKNOWN_REGION } from '../../core/region-code.js';
import { SECTION_LABELS, type SectionType } from '../../core/schema.js';
import type { PassageRow, RawFacets } from '../backend.js';
import { mergeFilters, planOf, type Engine } from '../engine.js';
import { withoutFields } from '../query/lexer.js';
import { citationOf } from '../present/citation.js';
import { headingsFor } from '../present/report-headings.js';
import { highlightSpans, markHtml } from '../present/highlight.js';
import { boundedPassage, snippetHtml } from '../present/snippet.js';
import type { Query } from '../query/ast.js';
import { themeLabel } from '../labels.js';
import { Filters, SearchRequest, type Facets, type FacetBucket, type Hit, type RegionBucket, type SearchRequestInput, type SearchResponse } from '../types.js';

const LEVEL_LABELS: Record<string, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇', department: '部门', unknown: '未知' };

export function toHit(row: PassageRow, query: Query, heading: string | null = null): Hit {
  // Never a whole passage of megabytes (an index older than passage splitting): a bounded window of it.
  const { text, spans } = boundedPassage(row.text, highlightSpans(row.text, query));
  return {
    id: `${row.reportId}:p${row.ordinal}`, reportId: row.reportId, ordinal: row.ordinal, section: row.section,
    themes: row.themes, score: Math.round(row.score * 1e4) / 1e4, text, highlights: spans,
    html: markHtml(text, spans), snippet: snippetHtml(text, spans),
    citation: citationOf(row.report, row.section, row.ordinal, heading), report: row.report,
    ...(row.moreInReport !== undefined ? { moreInReport: row.moreInReport } : {}),
  };
}

/**
 * The region facet as a tree down to counties; a county's townships only when the filters
 * name it or a place in it (ticked or excluded): a province's townships number in the
 * thousands, the country's in the tens of thousands — more than an answer should carry or a
 * person reads — and they are asked for by choosing their county.
 */
/** The region rows as a tree; the backends list townships only in the counties the filters name (foldRegions). */
function regionTree(rows: RawFacets['region'], selected: string[]): RegionBucket[] {
  const roots: RegionBucket[] = [];
  const index = new Map<string, RegionBucket>();
  const levels = ['province', 'city', 'county', 'township'] as const;
  // Passages of reports whose place is not known: one bucket, so every passage can be chosen.
  const unknown: RegionBucket = { value: UNKNOWN_REGION, label: '地区未识别', count: 0, reports: 0, selected: selected.includes(UNKNOWN_REGION), level: 'province', children: [] };
  for (const row of rows) {
    if (!row.value) { unknown.count += row.count; unknown.reports += row.reports; continue; }
    const codes = levelCodes(row.value);
    let siblings = roots;
    for (const level of levels) {
      const name = row[level];
      const code = codes[level];
      // 直辖市 counties have no city level: skip it and keep descending.
      if (!code || !name) { if (level === 'city' && codes.county) continue; break; }
      let node = index.get(code);
      if (!node) {
        node = { value: code, label: name, count: 0, reports: 0, selected: selected.includes(code), level, children: [] };
        index.set(code, node);
        siblings.push(node);
      }
      node.count += row.count;
      node.reports += row.reports;
      siblings = node.children;
    }
  }
  const sort = (nodes: RegionBucket[]) => { nodes.sort((a, b) => b.reports - a.reports || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)); nodes.forEach((n) => sort(n.children)); };
  sort(roots);
  // Last whatever its size: it is not a place.
  if (unknown.count > 0 || unknown.selected) roots.push(unknown);
  return roots;
}

// Equal counts are ordered by value, so the order never depends on the backend.
const byCount = (a: FacetBucket, b: FacetBucket) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

function facetsOf(raw: RawFacets, f: Filters): Facets {
  const buckets = (rows: RawFacets['year'], label: (v: string) => string, selected: string[]): FacetBucket[] =>
    rows.map((b) => ({ ...b, label: label(b.value), selected: selected.includes(b.value) }));
  return {
    year: buckets(raw.year, (v) => `${v}年`, f.years.map(String)).sort((a, b) => Number(b.value) - Number(a.value)),
    section: buckets(raw.section, (v) => SECTION_LABELS[v as SectionType] ?? v, f.sections).sort(byCount),
    theme: buckets(raw.theme, themeLabel, f.themes).sort(byCount),
    level: buckets(raw.level, (v) => LEVEL_LABELS[v] ?? v, f.levels).sort(byCount),
    region: regionTree(raw.region, f.regions),
  };
}

export async function search(engine: Engine, input: SearchRequestInput): Promise<SearchResponse> {
  const started = performance.now();
  const req = SearchRequest.parse(input);
  const planned = planOf(engine, req.q, req.filters, {
    sort: req.sort, offset: (req.page - 1) * req.size, limit: req.size, collapse: req.collapse,
  });
  const { query } = planned;
  // copy:>0.5 becomes the reports it admits (analytics/copy/filter.ts), loaded only when asked for.
  const plan = planned.plan.filters.copy?.length
    ? await (await import('../../analytics/copy/filter.js')).resolveCopy(engine, planned.plan) : planned.plan;
  const [result, info] = await Promise.all([engine.backend.search(plan, req.facets), engine.backend.info()]);
  const copy = req.facets ? await (await import('../../analytics/copy/filter.js')).copyFacet(engine, planned.plan) : null;
  const heading = await headingsFor(engine.backend, result.rows);
  return {
    q: req.q, understood: query.understood, terms: query.groups.flat().map((t) => t.text),
    total: result.total, page: req.page, size: req.size,
    hits: result.rows.map((r) => toHit(r, query, heading(r.reportId, r.ordinal))),
    ...(result.facets ? { facets: { ...facetsOf(result.facets, plan.filters), ...(copy ? { copy } : {}) } } : {}),
    // The report ids a copy filter resolved to are the engine's business, not the answer's.
    filters: { ...plan.filters, reportIds: undefined },
    tookMs: Math.round((performance.now() - started) * 10) / 10,
    demo: info.demoReports > 0,
    warnings: query.warnings,
    text: withoutFields(req.q),
    typedFilters: mergeFilters(Filters.parse({}), query.filters),
  };
}
