// 统计数字 /numbers: the numbers of every report's statistics tables summed per year or
// region (requests, review and litigation cases), and the reports whose tables do not add up.
import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import {
  numbersApiParams, readNumbers, TOTALS_BY_LABELS, TOTALS_BYS, TOTALS_MEASURE_LABELS, TOTALS_MEASURES, writeNumbers, type NumbersState,
} from '../../state/analyticsUrl';
import { api } from '../../state/api';
import type { StatTotalsResponse, StatTotalsRow } from '../../state/types';
import { useApi } from '../../state/useApi';
import { useVocabulary } from '../../state/useIndex';
import { useUrlState } from '../../state/useUrlState';
import { AnalyticsFilterBar } from '../common/AnalyticsFilterBar';
import { EmptyState, ErrorNotice, Loading } from '../common/StatusViews';
import { SegmentedControl } from '../trends/SegmentedControl';
import { usePageTitle } from '../usePageTitle';
import { StatSeriesSection } from './StatSeriesSection';

const TotalsBars = lazy(() => import('../charts/TotalsBars'));

const COLUMNS: Array<[keyof StatTotalsRow, string]> = [
  ['reports', '报告'], ['withTables', '有统计表'], ['requestsReceived', '收到申请'], ['requestsHandled', '办结申请'],
  ['reviewCases', '行政复议'], ['litigationCases', '行政诉讼'], ['reportsWithLitigation', '有诉讼的报告'], ['inconsistentReports', '数字对不上'],
];

const fmt = (n: number) => n.toLocaleString('zh-CN');

/** What each table check states, in words (the server's detail names the places). */
const CHECK_LABELS: Record<string, string> = {
  'applications.balance': '新收 + 上年结转 ≠ 办理总计 + 结转下年度',
  'applications.row_totals': '某行的总计不等于各类申请人之和',
  'applications.results_total': '办理结果总计不等于各项结果之和',
  'review_litigation.totals': '复议或诉讼的总计不等于各项结果之和',
  'legacy.requests_channels': '收到申请数不等于各申请渠道之和',
  'legacy.requests_completed': '申请办结数不等于按时与延期办结之和',
  'legacy.requests_answers': '申请答复数不等于各类答复之和',
  'legacy.refusals': '不同意公开答复数不等于各项理由之和',
  'legacy.review': '行政复议数量不等于维持、纠错、其他之和',
  'legacy.litigation': '行政诉讼数量不等于维持、纠错、其他之和',
  'legacy.staff': '工作人员数不等于专职与兼职之和',
};
/** The places after the detail's last colon (`自然人 5+0 ≠ 3+0`), or the whole detail. */
const placesOf = (detail: string) => detail.slice(detail.lastIndexOf(': ') + 1).trim() || detail;

/** The reports whose tables were read, named and linked (a count alone cannot be checked). */
function TableReports({ reports, total }: { reports: StatTotalsResponse['tableReports']; total: number }) {
  if (!total) return null;
  return (
    <details className="table-reports" open={total <= 10}>
      <summary>读出统计表的 {fmt(total)} 份报告</summary>
      <ol className="table-report-list">
        {reports.map((r) => (
          <li key={r.reportId} className="table-report">
            <Link to={`/reports/${encodeURIComponent(r.reportId)}`}>{r.title ?? r.issuer ?? r.reportId}</Link>
            <span className="muted small">{[r.issuer, r.year ? `${r.year}年` : null].filter(Boolean).join('，')}{r.consistent ? '' : '，数字对不上'}</span>
          </li>
        ))}
      </ol>
      {reports.length < total && <p className="muted small">仅列出前 {reports.length} 份。</p>}
    </details>
  );
}

export function NumbersPage() {
  const [state, setState] = useUrlState(readNumbers, writeNumbers);
  const vocab = useVocabulary();
  usePageTitle('统计数字');
  const update = (patch: Partial<NumbersState>) => setState((s) => ({ ...s, ...patch }));
  const url = api.statTotalsUrl(numbersApiParams(state, vocab.years));
  const res = useApi<StatTotalsResponse>(url);
  const data = res.dataUrl === url ? res.data : undefined;
  const rows = (data?.rows ?? []).slice(0, state.by === 'year' ? 100 : 30);
  const chartRows = rows.map((r) => ({ key: r.key, label: state.by === 'city' ? r.label.replace(/^.*?(省|自治区|市)(?=.)/, '') : r.label, value: r[state.measure] }));

  return (
    <div className="page numbers-page">
      <header className="page-head">
        <h1>统计数字</h1>
        <p className="muted">
          各报告统计表中的数字按年份或地区加总：收到和办结的政府信息公开申请、行政复议和行政诉讼案件。
          统计表自身的勾稽关系（如「新收 + 结转 = 总计 + 结转下年」）不成立的报告单独列出。
        </p>
      </header>
      <div className="trend-controls">
        <SegmentedControl label="维度" value={state.by} options={TOTALS_BYS.map((b) => ({ value: b, label: TOTALS_BY_LABELS[b] }))} onChange={(by) => update({ by })} />
      </div>
      <AnalyticsFilterBar filters={state} years={vocab.years} onChange={update} />
      <label className="inline-field">
        指标
        <select value={state.measure} onChange={(e) => update({ measure: e.target.value as NumbersState['measure'] })}>
          {TOTALS_MEASURES.map((m) => <option key={m} value={m}>{TOTALS_MEASURE_LABELS[m]}</option>)}
        </select>
      </label>

      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} />
        : !data ? <Loading label="正在读取统计表…" />
        : !data.total.reports ? <EmptyState title="没有数据">当前筛选条件下没有报告。</EmptyState>
        : (
          <>
            <p className="result-total">
              共 <strong>{fmt(data.total.reports)}</strong> 份报告，其中 {fmt(data.total.withTables)} 份读出了统计表；
              收到申请 {fmt(data.total.requestsReceived)} 件，行政复议 {fmt(data.total.reviewCases)} 件，行政诉讼 {fmt(data.total.litigationCases)} 件；
              {fmt(data.total.reportsWithLitigation)} 份报告有行政诉讼，{fmt(data.total.inconsistentReports)} 份数字对不上。
            </p>
            <TableReports reports={data.tableReports} total={data.total.withTables} />
            <section className="trend-chart numbers-chart" aria-label={`${TOTALS_BY_LABELS[state.by]}：${TOTALS_MEASURE_LABELS[state.measure]}`}>
              <h2 className="section-title">{TOTALS_MEASURE_LABELS[state.measure]} · {TOTALS_BY_LABELS[state.by]}</h2>
              {/* An all-zero chart is an empty frame: say what it would show instead. */}
              {chartRows.some((r) => r.value > 0) ? (
                <Suspense fallback={<div className="chart-placeholder chart-placeholder-tall" aria-hidden="true" />}>
                  <TotalsBars rows={chartRows} label={TOTALS_MEASURE_LABELS[state.measure]} />
                </Suspense>
              ) : (
                <p className="empty-chart" data-testid="empty-chart">
                  {data.total.withTables
                    ? `读出统计表的 ${fmt(data.total.withTables)} 份报告中，「${TOTALS_MEASURE_LABELS[state.measure]}」都是 0，没有可画的数字；可换一个指标，或展开下方数据表。`
                    : '当前筛选条件下没有读出统计表的报告，没有可画的数字。'}
                </p>
              )}
              {rows.length < data.rows.length && <p className="muted small">图中显示报告数最多的 {rows.length} 项，共 {data.rows.length} 项。</p>}
              <details className="trend-table">
                <summary>查看数据表</summary>
                <div className="table-scroll">
                  <table className="data-table">
                    <thead>
                      <tr><th scope="col">{TOTALS_BY_LABELS[state.by].slice(1)}</th>{COLUMNS.map(([k, l]) => <th key={k} scope="col" className="num">{l}</th>)}</tr>
                    </thead>
                    <tbody>
                      {[...data.rows, data.total].map((r) => (
                        <tr key={r.key || 'none'}>
                          <th scope="row">{r.label}</th>
                          {COLUMNS.map(([k]) => <td key={k} className="num">{fmt(r[k] as number)}</td>)}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </section>

            <section className="inconsistent" aria-labelledby="inconsistent-title">
              <h2 id="inconsistent-title" className="section-title">数字对不上的报告 <span className="muted">（{fmt(data.total.inconsistentReports)} 份）</span></h2>
              {!data.inconsistent.length ? (
                <p className="muted" data-testid="all-consistent">
                  {data.total.withTables
                    ? `上面列出的 ${fmt(data.total.withTables)} 份读出统计表的报告，其统计表的勾稽关系都成立${data.total.reports > data.total.withTables
                      ? `；其余 ${fmt(data.total.reports - data.total.withTables)} 份报告没有读出统计表，未作核对` : ''}。`
                    : '当前筛选条件下没有读出统计表的报告，未作核对。'}
                </p>
              ) : (
                <ol className="inconsistent-list">
                  {data.inconsistent.map((r) => (
                    <li key={r.reportId} className="inconsistent-item">
                      <Link to={`/reports/${encodeURIComponent(r.reportId)}${r.tableSection ? `#s${r.tableSection}` : ''}`} className="hit-title" title="在阅读器中查看统计表">
                        {r.title ?? r.issuer ?? r.reportId}
                      </Link>
                      <span className="muted small">{[r.issuer, r.year ? `${r.year}年` : null].filter(Boolean).join('，')}</span>
                      <ul className="failed-checks">
                        {r.failed.map((f) => (
                          <li key={f.name + f.detail} title={`${f.name}: ${f.detail}`}>
                            {CHECK_LABELS[f.name] ?? f.name}：<span className="failed-places">{placesOf(f.detail)}</span>
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ol>
              )}
              {data.inconsistent.length < data.total.inconsistentReports && <p className="muted small">仅列出前 {data.inconsistent.length} 份。</p>}
            </section>
          </>
        )}
      <StatSeriesSection />
    </div>
  );
}
