// 跨格式序列 on 统计数字: one measure or rate of the crosswalk (services/analytics/crosswalk)
// across the three table formats, by year, province or level, with the sample size beside
// every value and values on fewer than N reports greyed and flagged; a click on a point lists
// the reports behind it; CSV export; for a rate, the reports far from their peers.
// Its own state stays in the component so that the page's URL keys stay the page's.
import { lazy, Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Crosswalk } from '../../../../services/analytics/crosswalk/schema.js';
import type { StatSeriesResponse } from '../../../../services/analytics/methods/stat-series.js';
import { numbersApiParams, readNumbers } from '../../state/analyticsUrl';
import { apiUrl } from '../../state/api';
import { useApi } from '../../state/useApi';
import { useVocabulary } from '../../state/useIndex';
import { EmptyState, ErrorNotice, Loading } from '../common/StatusViews';
import { SegmentedControl } from '../trends/SegmentedControl';
import { OutliersList } from './OutliersList';
import { SeriesReports } from './SeriesReports';
import { formatMetric, pointParams, SERIES_BY_LABELS, type SeriesBy } from './seriesFormat';
import './stat-series.css';

const SeriesChart = lazy(() => import('./SeriesChart'));

const fmtInt = (n: number) => n.toLocaleString('zh-CN');

export function StatSeriesSection() {
  const [search] = useSearchParams();
  const vocab = useVocabulary();
  const [metric, setMetric] = useState('disclosure_rate');
  const [by, setBy] = useState<SeriesBy>('year');
  const [minReports, setMinReports] = useState(30);
  const [selected, setSelected] = useState<string | null>(null);

  const crosswalk = useApi<Crosswalk>(apiUrl('/crosswalk'), { cache: true }).data;
  // The page's filters (years, region, level), without its own chart choices.
  const filters = useMemo(() => {
    const p = numbersApiParams(readNumbers(search), vocab.years);
    p.delete('by');
    return p;
  }, [search, vocab.years]);
  const params = new URLSearchParams(filters);
  params.set('metric', metric);
  params.set('by', by);
  params.set('minReports', String(minReports));
  const url = apiUrl('/stat-series', params);
  const res = useApi<StatSeriesResponse>(url);
  const data = res.dataUrl === url ? res.data : undefined;
  const point = data?.points.find((p) => p.key === selected && p.key !== '');
  const rate = data?.metric.kind === 'rate';
  const reportParams = point ? pointParams(filters, by, point) : null;
  reportParams?.set('metric', metric);
  const outlierParams = new URLSearchParams(filters);
  outlierParams.set('rate', metric);

  const choose = (patch: () => void) => {
    patch();
    setSelected(null);
  };

  return (
    <section className="stat-series" aria-labelledby="stat-series-title" data-testid="stat-series">
      <h2 id="stat-series-title" className="section-title">跨格式序列 <span className="muted">2008年版统计表、2019年试行格式、2021年格式对照到同一口径</span></h2>
      <div className="stat-series-controls">
        <label className="inline-field">
          序列
          <select value={metric} onChange={(e) => choose(() => setMetric(e.target.value))} aria-label="序列">
            {crosswalk && (
              <>
                <optgroup label="比率">
                  {crosswalk.rates.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
                </optgroup>
                {[...new Set(crosswalk.measures.map((m) => m.group))].map((g) => (
                  <optgroup key={g} label={g}>
                    {crosswalk.measures.filter((m) => m.group === g).map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
                  </optgroup>
                ))}
              </>
            )}
            {!crosswalk && <option value={metric}>{metric}</option>}
          </select>
        </label>
        <SegmentedControl label="序列维度" value={by} options={(['year', 'province', 'level'] as const).map((b) => ({ value: b, label: SERIES_BY_LABELS[b] }))}
          onChange={(b) => choose(() => setBy(b))} />
        <label className="inline-field">
          样本少于
          <input type="number" min={1} max={100000} value={minReports} className="series-min-reports" aria-label="最少报告数"
            onChange={(e) => { const n = Number(e.target.value); if (Number.isInteger(n) && n >= 1) setMinReports(n); }} />
          份报告时标灰
        </label>
        <a className="button-link" href={apiUrl('/stat-series.csv', params)} download data-testid="series-csv">导出 CSV（含定义）</a>
      </div>

      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} />
        : !data ? <Loading label="正在计算序列…" />
        : (
          <>
            <p className="stat-series-definition" data-testid="series-definition">
              <strong>{data.metric.label}</strong>：{data.metric.definition}
              <span className="muted">（适用：{data.metric.formats.map((f) => data.formatLabels[f]).join('、')}）</span>
            </p>
            {!data.points.length ? (
              <EmptyState title="没有可计算的报告">
                当前筛选条件下没有报告给出这一{rate ? '比率（分母为 0 的报告不计算比率）' : '指标'}。
                {data.excluded.formatWithout > 0 && ` ${fmtInt(data.excluded.formatWithout)} 份报告的表格格式没有这一项。`}
              </EmptyState>
            ) : (
              <>
                <p className="stat-series-total">
                  合计 <strong>{formatMetric(data.metric, data.total.value)}</strong>（{fmtInt(data.total.reports)} 份报告
                  {rate && data.total.denominator !== undefined && `，${fmtInt(data.total.numerator!)} / ${fmtInt(data.total.denominator)}`}）。
                  未计入：{fmtInt(data.excluded.formatWithout)} 份报告的格式没有这一项，{fmtInt(data.excluded.notDefined)} 份{rate ? '分母为 0' : '未读出'}，{fmtInt(data.excluded.noTables)} 份没有读出统计表。
                </p>
                <div className="trend-chart">
                  <Suspense fallback={<div className="chart-placeholder chart-placeholder-tall" aria-hidden="true" />}>
                    <SeriesChart data={data} by={by} selected={selected} onSelect={setSelected} />
                  </Suspense>
                  <p className="muted small stat-series-legend">
                    <span className="legend-item"><span className="legend-dot" aria-hidden="true" /> {fmtInt(minReports)} 份报告及以上</span>
                    <span className="legend-item"><span className="legend-dot is-small" aria-hidden="true" /> 样本不足（少于 {fmtInt(minReports)} 份），仅供参考</span>
                    {by === 'year' && <span className="legend-item"><span className="legend-line" aria-hidden="true" /> 表格格式改变的年份</span>}
                    <span className="legend-item">点击数据点查看背后的报告。</span>
                  </p>
                </div>
                <div className="table-scroll">
                  <table className="data-table stat-series-table">
                    <thead>
                      <tr>
                        <th scope="col">{SERIES_BY_LABELS[by]}</th>
                        <th scope="col" className="num">{data.metric.label}</th>
                        <th scope="col" className="num">报告数（样本）</th>
                        {rate ? <th scope="col" className="num">分子 / 分母</th> : <th scope="col" className="num">每份报告</th>}
                        {rate && <th scope="col" className="num">报告比率中位数</th>}
                        {by === 'year' && <th scope="col">格式</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {data.points.map((p) => (
                        <tr key={p.key || 'none'} className={`${p.small ? 'is-small' : ''}${p.key === selected ? ' is-selected' : ''}`} data-key={p.key}>
                          <th scope="row">
                            {p.key ? <button type="button" className="link-button" onClick={() => setSelected(p.key)}>{p.label}</button> : p.label}
                          </th>
                          <td className="num">{formatMetric(data.metric, p.value)}{p.small && <span className="small-flag" title={`少于 ${minReports} 份报告`}>样本不足</span>}</td>
                          <td className="num">{fmtInt(p.reports)}</td>
                          {rate ? <td className="num">{fmtInt(p.numerator ?? 0)} / {fmtInt(p.denominator ?? 0)}</td> : <td className="num">{formatMetric(data.metric, p.perReport)}</td>}
                          {rate && <td className="num">{formatMetric(data.metric, p.perReport)}</td>}
                          {by === 'year' && <td>{p.format ? data.formatLabels[p.format] : ''}{p.formatChange && <span className="format-flag">格式改变</span>}</td>}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {point && reportParams && (
                  <SeriesReports params={reportParams} title={`${point.label} · ${data.metric.label}`} formatLabels={data.formatLabels} onClose={() => setSelected(null)} />
                )}
              </>
            )}
            {rate && <OutliersList params={outlierParams} />}
          </>
        )}
    </section>
  );
}
