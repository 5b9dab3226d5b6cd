// Fetches the year trend of the current query and shows it above the results.
// The year filter is left out of the request on purpose: with it, the chart would shrink
// to the ticked years; instead all years are drawn and the ticked ones stand out.
import { lazy, Suspense } from 'react';
import { api } from '../../state/api';
import { shortQuery } from '../../state/searchState';

const MAX_SERIES_CHARS = 200;
import type { TrendsResponse } from '../../state/types';
import { queryTrendApiParams, type SearchState } from '../../state/url';
import { useApi } from '../../state/useApi';

// recharts is big: it loads in its own chunk, after the results.
const QueryTrendChart = lazy(() => import('../charts/QueryTrendChart'));

export function QueryTrend({ state, onYear }: { state: SearchState; onYear: (year: number) => void }) {
  // A trend series is at most 200 characters (GET /api/trends): a longer query is searched, not charted.
  const chartable = [...state.q.trim()].length <= MAX_SERIES_CHARS;
  const url = state.q.trim() && chartable ? api.trendsUrl(queryTrendApiParams({ ...state, filters: { ...state.filters, years: [] } })) : null;
  const trend = useApi<TrendsResponse>(url);
  if (state.q.trim() && !chartable) return <p className="muted query-trend-skipped">检索词超过 {MAX_SERIES_CHARS} 字，不绘制年度趋势图。</p>;
  if (!url) return null;
  const series = trend.data?.series[0];
  const placeholder = <div className="chart-placeholder" aria-hidden="true" />;
  return (
    <section className="query-trend" aria-label="检索词年度趋势">
      <h2 className="section-title" title={state.q}>
        「{shortQuery(state.q)}」按年份：含检索词的报告数
        <span className="muted">（点击柱形按年份筛选）</span>
      </h2>
      {trend.error ? <p className="muted">趋势图暂不可用：{trend.error.message}</p>
        : !series ? placeholder
        : series.points.every((p) => p.reports === 0) ? <p className="muted">没有可绘制的年份数据。</p>
        : (
          <Suspense fallback={placeholder}>
            <QueryTrendChart series={series} selectedYears={state.filters.years} onYear={onYear} />
          </Suspense>
        )}
    </section>
  );
}
