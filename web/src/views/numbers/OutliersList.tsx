// Reports whose rate sits far from their peers (same level and year): each with its own
// numerator and denominator, its peers' rate and how far it is (z).
import { Link } from 'react-router-dom';
import type { StatOutliersResponse } from '../../../../services/analytics/methods/stat-series.js';
import { apiUrl } from '../../state/api';
import { useApi } from '../../state/useApi';
import { ErrorNotice, Loading } from '../common/StatusViews';
import { formatMetric } from './seriesFormat';

const LEVELS: Record<string, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇', department: '部门', unknown: '未知' };

export function OutliersList({ params }: { params: URLSearchParams }) {
  const url = apiUrl('/stat-outliers', params);
  const res = useApi<StatOutliersResponse>(url);
  const data = res.dataUrl === url ? res.data : undefined;
  return (
    <section className="series-outliers" aria-labelledby="outliers-title" data-testid="series-outliers">
      <h3 id="outliers-title" className="section-title">
        偏离同类的报告 <span className="muted">{data ? `（${data.total} 份，比较了 ${data.compared} 份）` : ''}</span>
      </h3>
      <p className="muted small">
        同类 = 同一层级、同一年份的其他报告（至少 {data?.minPeers ?? 10} 份）。z = (本报告比率 − 同类比率) ÷ √(同类比率 × (1 − 同类比率) ÷ 本报告分母)，
        |z| ≥ {data?.threshold ?? 3} 列出：分母小的报告要偏离得更远才算。
      </p>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} />
        : !data ? <Loading label="正在比较…" />
        : !data.outliers.length ? <p className="muted">当前筛选条件下没有明显偏离同类的报告。</p>
        : (
          <div className="table-scroll">
            <table className="data-table series-outlier-table">
              <thead>
                <tr><th scope="col">报告</th><th scope="col">层级 · 年份</th><th scope="col" className="num">本报告</th><th scope="col" className="num">分子 / 分母</th><th scope="col" className="num">同类比率</th><th scope="col" className="num">同类报告</th><th scope="col" className="num">z</th></tr>
              </thead>
              <tbody>
                {data.outliers.map((o) => (
                  <tr key={o.reportId} className="series-outlier">
                    <th scope="row"><Link to={`/reports/${encodeURIComponent(o.reportId)}`}>{o.title ?? o.issuer ?? o.reportId}</Link></th>
                    <td>{LEVELS[o.level] ?? o.level} · {o.year}年</td>
                    <td className="num">{formatMetric(data.metric, o.value)}</td>
                    <td className="num">{o.numerator} / {o.denominator}</td>
                    <td className="num">{formatMetric(data.metric, o.peerRate)}</td>
                    <td className="num">{o.peers}</td>
                    <td className="num">{o.z.toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </section>
  );
}
