// The unit's other years in the report reader: each year links to its report, and the
// previous year's to the comparison with its copy rate.
import { Link } from 'react-router-dom';
import { copyApi, percent, type LineageResponse, type ReportCopy } from '../../state/copyApi';
import { useApi } from '../../state/useApi';

export function ReportLineage({ id }: { id: string }) {
  const lineage = useApi<LineageResponse>(copyApi.lineageUrl(id));
  const copy = useApi<ReportCopy>(copyApi.copyUrl(id));
  const l = lineage.data;
  if (!l || l.reports.length < 2) return null;
  const prev = copy.data?.previous;
  const other = copy.data?.highestOther;
  return (
    <nav className="lineage small" aria-label="本单位其他年度">
      <span className="muted">本单位各年度报告：</span>
      <ol>
        {l.reports.map((r) => (
          <li key={r.id} className={r.id === id ? 'current' : undefined}>
            {r.id === id ? `${r.year ?? '?'}年（本报告）` : <Link to={`/reports/${encodeURIComponent(r.id)}`}>{r.year ?? '?'}年</Link>}
          </li>
        ))}
      </ol>
      {l.previous && (
        <p>
          <Link to={`/compare?a=${encodeURIComponent(l.previous.id)}&b=${encodeURIComponent(id)}`}>与上一年（{l.previous.year}年）对比</Link>
          {prev && <span>：重复率 {percent(prev.copyRate)}（套话 {percent(prev.boilerplateShare)} 另计）</span>}
        </p>
      )}
      {other && (
        <p className="muted">
          同年其他单位中最相近：<Link to={`/compare?a=${encodeURIComponent(other.report.id)}&b=${encodeURIComponent(id)}`}>{other.report.title ?? other.report.id}</Link>，重复率 {percent(other.copyRate)}
        </p>
      )}
    </nav>
  );
}
