// The reports behind one point of the series, each with its own value (a rate with its
// numerator and denominator), linked to the reader.
import { Link } from 'react-router-dom';
import type { StatPointResponse } from '../../../../services/analytics/methods/stat-series.js';
import { apiUrl } from '../../state/api';
import { useApi } from '../../state/useApi';
import { ErrorNotice, Loading } from '../common/StatusViews';
import { formatMetric } from './seriesFormat';

export function SeriesReports({ params, title, formatLabels, onClose }: {
  params: URLSearchParams; title: string; formatLabels: Record<string, string>; onClose: () => void;
}) {
  const url = apiUrl('/stat-series/reports', params);
  const res = useApi<StatPointResponse>(url);
  const data = res.dataUrl === url ? res.data : undefined;
  return (
    <section className="series-reports" aria-label={`${title}的报告`} data-testid="series-reports">
      <div className="series-reports-head">
        <h3 className="section-title">{title} <span className="muted">{data ? `（${data.total} 份报告）` : ''}</span></h3>
        <button type="button" className="link-button" onClick={onClose}>收起</button>
      </div>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} />
        : !data ? <Loading label="正在读取报告…" />
        : (
          <>
            <ol className="series-report-list">
              {data.reports.map((r) => (
                <li key={r.reportId} className="series-report">
                  <Link to={`/reports/${encodeURIComponent(r.reportId)}`} className="hit-title">{r.title ?? r.issuer ?? r.reportId}</Link>
                  <span className="series-report-value">
                    {formatMetric(data.metric, r.value)}
                    {r.denominator !== undefined && <span className="muted">（{r.numerator} / {r.denominator}）</span>}
                  </span>
                  <span className="muted small">{[r.year ? `${r.year}年` : null, formatLabels[r.format]].filter(Boolean).join(' · ')}</span>
                </li>
              ))}
            </ol>
            {data.reports.length < data.total && <p className="muted small">列出数值最大的 {data.reports.length} 份，共 {data.total} 份。</p>}
          </>
        )}
    </section>
  );
}
