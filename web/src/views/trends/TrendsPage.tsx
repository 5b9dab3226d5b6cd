// 趋势 /trends: several themes or queries compared across years (lines) or across
// provinces and cities (bars), as counts or as shares; a point opens the matching search.
import { lazy, Suspense, useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../state/api';
import { measureLabel, TREND_BY_LABELS } from '../../state/labels';
import { regionCodeOfKey, regionKeyLabel } from '../../state/regions';
import { trendTable } from '../../state/trendData';
import type { Filters, SearchResponse, TrendsResponse } from '../../state/types';
import {
  MEASURES, readTrends, searchForPoint, toQueryString, TREND_BYS, trendsApiParams, writeFilters, writeSearch, writeTrends, type TrendsState,
} from '../../state/url';
import { useApi } from '../../state/useApi';
import { useVocabulary } from '../../state/useIndex';
import { useUrlState } from '../../state/useUrlState';
import { FilterChips } from '../common/FilterChips';
import { EmptyState, ErrorNotice, Loading } from '../common/StatusViews';
import { usePageTitle } from '../usePageTitle';
import { SegmentedControl } from './SegmentedControl';
import { seriesLabel, SeriesEditor } from './SeriesEditor';
import { TrendDataTable } from './TrendDataTable';
import { useRegionNames } from '../../state/useRegionNames';

const TrendLines = lazy(() => import('../charts/TrendLines'));
const TrendBars = lazy(() => import('../charts/TrendBars'));

const STARTERS = ['微信', '12345', '政策解读'];

/** The region facet tree (for region names → codes), only needed when charting by region. */
function useRegionTree(filters: Filters, needed: boolean) {
  const p = writeFilters(filters, new URLSearchParams({ size: '1', facets: 'true' }));
  return useApi<SearchResponse>(needed ? api.searchUrl(p) : null).data?.facets?.region ?? [];
}

export function TrendsPage() {
  const [state, setState] = useUrlState(readTrends, writeTrends);
  const vocab = useVocabulary();
  const regionNames = useRegionNames(state.filters.regions);
  const navigate = useNavigate();
  usePageTitle('趋势');
  const trendsUrl = state.series.length ? api.trendsUrl(trendsApiParams(state)) : null;
  const trends = useApi<TrendsResponse>(trendsUrl);
  const tree = useRegionTree(state.filters, state.by !== 'year');
  const update = (patch: Partial<TrendsState>) => setState((s) => ({ ...s, ...patch }));

  // Series in the answer are in the order asked; labels are ours (themes by their Chinese name).
  const labels = state.series.map((s) => seriesLabel(s, vocab));
  // Only an answer to exactly this request is drawn, so labels and lines never mismatch.
  const answered = trends.dataUrl === trendsUrl ? trends.data : undefined;
  const table = useMemo(() => (answered ? trendTable(answered.series, state.measure, state.by) : null), [answered, state.measure, state.by]);

  const openPoint = (seriesIndex: number, key: string) => {
    const series = state.series[seriesIndex];
    if (!series) return;
    if (state.by === 'year') {
      navigate(`/${toQueryString(writeSearch(searchForPoint(series, state.filters, { year: Number(key) })))}`);
      return;
    }
    const code = regionCodeOfKey(tree, key);
    const target = code ? searchForPoint(series, state.filters, { region: code }) : searchForPoint(series, state.filters, {});
    // A region the facet tree does not know is still found by name, in the query language.
    if (!code) target.q = `${target.q} region:${regionKeyLabel(key)}`.trim();
    navigate(`/${toQueryString(writeSearch(target))}`);
  };

  const Chart = state.by === 'year' ? TrendLines : TrendBars;
  return (
    <div className="page trends-page">
      <header className="page-head">
        <h1>趋势</h1>
        <p className="muted">比较若干主题或检索词在各年份、各省份或城市中出现的报告数，或占当年（当地）报告的比例。点击图中的点或柱形，查看对应段落。</p>
      </header>

      <SeriesEditor series={state.series} vocab={vocab} onChange={(series) => update({ series })} />
      <div className="trend-controls">
        <SegmentedControl label="维度" value={state.by} options={TREND_BYS.map((b) => ({ value: b, label: TREND_BY_LABELS[b] }))} onChange={(by) => update({ by })} />
        <SegmentedControl label="数值" value={state.measure} options={MEASURES.map((m) => ({ value: m, label: measureLabel(m, state.by) }))} onChange={(measure) => update({ measure })} />
      </div>
      <FilterChips filters={state.filters} labeler={{ vocab, regionName: regionNames.name }} onChange={(filters) => update({ filters })} />

      <section className="trend-chart" aria-label="趋势图" aria-busy={trends.loading}>
        {!state.series.length ? (
          <EmptyState title="请添加要比较的主题或检索词">
            <p>
              例如：
              {STARTERS.map((q) => <button key={q} type="button" className="example" onClick={() => update({ series: [...state.series, q] })}>{q}</button>)}
              {vocab.themes.slice(0, 3).map((t) => (
                <button key={t.id} type="button" className="example" onClick={() => update({ series: [...state.series, `theme:${t.id}`] })}>主题：{t.label}</button>
              ))}
            </p>
          </EmptyState>
        ) : trends.error ? (
          <ErrorNotice error={trends.error} onRetry={trends.reload} />
        ) : !table ? (
          <Loading label="正在计算趋势…" />
        ) : !table.rows.length ? (
          <EmptyState title="没有数据">当前筛选条件下没有报告。</EmptyState>
        ) : (
          <>
            <Suspense fallback={<div className="chart-placeholder chart-placeholder-tall" aria-hidden="true" />}>
              <Chart table={table} labels={labels} measure={state.measure} onPoint={openPoint} />
            </Suspense>
            {state.by !== 'year' && <p className="muted small">最多显示 24 个地区，按报告数排序。</p>}
            {/* The chart's points take the mouse only; the table below is the keyboard's way to the same searches. */}
            <p className="muted small" data-testid="keyboard-route">使用键盘：图中的点无法逐个聚焦，请展开下方「查看数据表」，表中每个数字都可用 Tab 键选中、回车打开对应段落。</p>
            <TrendDataTable table={table} labels={labels} by={state.by} onOpen={openPoint} />
          </>
        )}
      </section>
    </div>
  );
}
