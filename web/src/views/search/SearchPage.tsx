// 搜索 /: query box, facet sidebar, year trend, results with citations, pagination.
// Everything the page shows is derived from the URL (see state/url.ts).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../state/api';
import { LEVEL_LABELS } from '../../state/labels';
import { findRegion } from '../../state/regions';
import { absorbTypedFilters, MAX_QUERY_CHARS, shortQuery } from '../../state/searchState';
import { useRegionNames } from '../../state/useRegionNames';
import type { Filters, Level, SearchResponse } from '../../state/types';
import { filterCount, PAGE_SIZE, readSearch, searchApiParams, toggle, writeSearch, type SearchState } from '../../state/url';
import { useApi } from '../../state/useApi';
import { useVocabulary } from '../../state/useIndex';
import { useUrlState } from '../../state/useUrlState';
import { FilterChips } from '../common/FilterChips';
import { EmptyState, ErrorNotice, Loading } from '../common/StatusViews';
import { usePageTitle } from '../usePageTitle';
import { FacetSidebar } from './FacetSidebar';
import { Pagination } from './Pagination';
import { QueryTrend } from './QueryTrend';
import { ResultCard } from './ResultCard';
import { ResultsToolbar } from './ResultsToolbar';
import { SearchBox } from './SearchBox';
import { SearchIntro } from './SearchIntro';
import { SkipLink } from './SkipLink';
import { useScrollMemory } from './useScrollMemory';

/** Distinct reports among the matching passages: every report has exactly one level. */
function reportsOf(res: SearchResponse): number | null {
  const level = res.facets?.level;
  if (!level) return null;
  const picked = level.some((b) => b.selected) ? level.filter((b) => b.selected) : level;
  return picked.reduce((n, b) => n + b.reports, 0);
}

export function SearchPage() {
  const [state, setState] = useUrlState(readSearch, writeSearch);
  const result = useApi<SearchResponse>(api.searchUrl(searchApiParams(state)));
  const vocab = useVocabulary();
  const [facetsOpen, setFacetsOpen] = useState(false);
  usePageTitle(state.q ? `搜索：${shortQuery(state.q)}` : '搜索');
  const urlQueryTooLong = [...(new URLSearchParams(window.location.search).get('q') ?? '')].length > MAX_QUERY_CHARS;

  // Filters typed in the box become the sidebar's state (ticks, chips): one state, one rule.
  const data0 = result.data;
  useEffect(() => {
    if (!data0) return;
    const next = absorbTypedFilters(state, data0);
    if (next) setState(next, { replace: true });
  }, [data0, state, setState]);

  // Any change but paging starts again at page 1.
  const update = useCallback((patch: Partial<SearchState>) => {
    setState((s) => ({ ...s, page: 1, ...patch }));
  }, [setState]);
  const setFilters = (filters: Filters) => update({ filters });

  const data = result.data;
  // Excluded regions are not in the results' tree: their chips (排除：…) need the names too.
  const names = useRegionNames([...state.filters.regions, ...(state.filters.exclude?.regions ?? [])]);
  const regionName = useMemo(() => {
    const tree = data?.facets?.region ?? [];
    return (code: string) => findRegion(tree, code)?.at(-1)?.label ?? names.name(code);
  }, [data, names]);
  const labels = { theme: vocab.themeLabel, section: vocab.sectionLabel, level: (id: string) => LEVEL_LABELS[id as Level] ?? id };
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  useScrollMemory(Boolean(data), !state.q && !filterCount(state.filters));

  return (
    <div className="page search-page">
      <div className="search-head">
        <SearchBox q={state.q} onSearch={(q) => update({ q })} />
        {data && data.understood && data.understood !== state.q.trim() && (
          <p className="understood">检索式理解为：<code>{data.understood}</code></p>
        )}
        {urlQueryTooLong && <p className="warning" data-testid="query-cut">提示：检索词超过 {MAX_QUERY_CHARS} 字，只用了前 {MAX_QUERY_CHARS} 字。</p>}
        {data?.warnings.map((w) => <p key={w.code + w.message} className="warning" data-code={w.code}>提示：{w.message}</p>)}
      </div>

      <div className="search-layout">
        <aside className={`sidebar${facetsOpen ? ' is-open' : ''}`} aria-label="筛选">
          <button type="button" className="button sidebar-toggle" aria-expanded={facetsOpen} onClick={() => setFacetsOpen((o) => !o)}>
            {facetsOpen ? '收起筛选' : `筛选${filterCount(state.filters) ? `（已选 ${filterCount(state.filters)}）` : ''}`}
          </button>
          <div className="sidebar-body" id="facets" tabIndex={-1}>
            {data?.facets
              ? <FacetSidebar facets={data.facets} filters={state.filters} collapse={state.collapse} onChange={setFilters} labels={labels} />
              : !result.error && <Loading label="正在统计…" />}
            {/* On a phone the open panel stands above the results: the new total stays in sight after each tap, one more tap shows them. */}
            {facetsOpen && data && (
              <div className="sidebar-apply">
                <span data-testid="panel-total">共 {data.total.toLocaleString('zh-CN')} {state.collapse ? '份报告' : '个段落'}</span>
                <button type="button" className="button button-small button-primary"
                  onClick={() => { setFacetsOpen(false); requestAnimationFrame(() => document.getElementById('results')?.scrollIntoView({ block: 'start' })); }}>
                  查看结果
                </button>
              </div>
            )}
          </div>
        </aside>

        <div id="results" className={`results${result.loading && data ? ' is-stale' : ''}`} aria-busy={result.loading}>
          {data?.facets && <SkipLink to="facets">跳到筛选</SkipLink>}
          {!state.q && !filterCount(state.filters) && <SearchIntro onExample={(q) => update({ q })} />}
          <QueryTrend state={state} onYear={(y) => setFilters({ ...state.filters, years: toggle(state.filters.years, y) })} />
          <FilterChips filters={state.filters} labeler={{ vocab, regionName }} onChange={setFilters} />

          {result.error ? (
            <ErrorNotice error={result.error} onRetry={result.reload}>
              {filterCount(state.filters) > 0 && (
                <button type="button" className="button" onClick={() => setFilters({ years: [], regions: [], sections: [], themes: [], levels: [] })}>清除筛选</button>
              )}
            </ErrorNotice>
          ) : !data ? (
            <Loading label="正在检索…" />
          ) : (
            <>
              <ResultsToolbar state={state} total={data.total} reports={state.collapse ? null : reportsOf(data)} tookMs={data.tookMs} onChange={update} />
              {data.hits.length === 0 ? (
                <EmptyState title={data.total > 0 ? '这一页没有结果' : '没有找到匹配的段落'}>
                  {data.total > 0
                    ? <button type="button" className="button" onClick={() => update({ page: 1 })}>回到第 1 页</button>
                    : <ul className="hints">
                      <li>换一个说法，或减少检索词。</li>
                      {filterCount(state.filters) > 0 && <li>取消部分筛选条件。</li>}
                      <li>用引号 <code>"…"</code> 精确匹配时，文字须一字不差。</li>
                    </ul>}
                </EmptyState>
              ) : (
                <ol id="hits" tabIndex={-1} aria-label="检索结果" className="hits" start={(state.page - 1) * PAGE_SIZE + 1}>
                  {data.hits.map((hit) => (
                    <li key={hit.id}><ResultCard hit={hit} q={state.q} themeLabel={vocab.themeLabel} /></li>
                  ))}
                </ol>
              )}
              <Pagination page={state.page} pages={pages} onPage={(page) => { setState((s) => ({ ...s, page })); window.scrollTo({ top: 0 }); }} />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
