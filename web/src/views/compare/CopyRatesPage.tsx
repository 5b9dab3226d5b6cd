// 重复率 /copy: how much reports repeat their previous year — the mean copy rate by year and
// level, and the reports copied more than half from their previous year, each linked to its
// comparison. Copy rates count the format's standard sentences apart (docs/copy-rates.md).
import { Link } from 'react-router-dom';
import type { CopiedList, CopyTrend } from '../../../../services/analytics/copy/summaries.js';
import { apiUrl } from '../../state/api';
import { percent } from '../../state/copyApi';
import { LEVEL_LABELS } from '../../state/labels';
import { useApi } from '../../state/useApi';
import { ErrorNotice, Loading } from '../common/StatusViews';
import { usePageTitle } from '../usePageTitle';

export function CopyRatesPage() {
  usePageTitle('重复率');
  const trend = useApi<CopyTrend>(apiUrl('/copy/trend'));
  const copied = useApi<CopiedList>(apiUrl('/copy/copied', new URLSearchParams({ min: '0.5', limit: '200' })));
  if (trend.error) return <ErrorNotice error={trend.error} onRetry={trend.reload} />;
  if (copied.error) return <ErrorNotice error={copied.error} onRetry={copied.reload} />;
  if (!trend.data || !copied.data) return <Loading label="正在计算全部报告的重复率…" />;
  const years = [...new Set(trend.data.points.map((p) => p.year))];
  const levels = [...new Set(trend.data.points.map((p) => p.level))];
  const at = (y: number, l: string) => trend.data!.points.find((p) => p.year === y && p.level === l);
  return (
    <div className="cmp">
      <h1>重复率：与本单位上一年度报告相同的叙述文字</h1>
      <p className="muted small">只计与上一年度报告相同或几乎相同的句子；多数报告都有的格式句（套话）另计，不算重复。检索时可写 <code>copy:&gt;0.5</code> 筛选。</p>
      <section className="cmp-section">
        <h2>按年度和层级的平均重复率</h2>
        <div className="table-scroll">
          <table className="cmp-table cmp-cells">
            <thead><tr><th scope="col">年度</th>{levels.map((l) => <th key={l} scope="col">{LEVEL_LABELS[l]}</th>)}</tr></thead>
            <tbody>
              {years.map((y) => (
                <tr key={y}>
                  <th scope="row">{y}年</th>
                  {levels.map((l) => {
                    const p = at(y, l);
                    return <td key={l} className="num">{p ? <>{percent(p.meanCopyRate)}<span className="muted small">（{p.pairs} 份，{p.overHalf} 份过半）</span></> : '—'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="cmp-section">
        <h2>重复上一年度过半的报告（{copied.data.total} 份）</h2>
        <table className="cmp-table">
          <thead><tr><th scope="col">重复率</th><th scope="col">报告</th><th scope="col">对比</th></tr></thead>
          <tbody>
            {copied.data.reports.map((r) => (
              <tr key={r.report.id}>
                <td className="num">{percent(r.copyRate)}</td>
                <td><Link to={`/reports/${encodeURIComponent(r.report.id)}`}>{r.report.title ?? r.report.id}</Link></td>
                <td>{r.previous && <Link to={`/compare?a=${encodeURIComponent(r.previous.id)}&b=${encodeURIComponent(r.report.id)}`}>与 {r.previous.year} 年对比</Link>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
