// 年年照抄的问题: problems a unit repeats unchanged in consecutive reports (at least twice after
// the first year), longest first, each with the reports it stands in.
import { Link } from 'react-router-dom';
import { auditApi, type UnchangedResponse } from '../../state/auditApi';
import { useApi } from '../../state/useApi';
import { ErrorNotice, Loading } from '../common/StatusViews';

export function UnchangedProblems({ region }: { region?: string }) {
  const params = new URLSearchParams({ minRecurrences: '2', size: '20', ...(region ? { region } : {}) });
  const { data, loading, error, reload } = useApi<UnchangedResponse>(auditApi.unchangedUrl(params));
  return (
    <section className="unchanged-problems" aria-label="年年照抄的问题">
      <h2>年年照抄的问题</h2>
      <p className="muted small">同一单位连续三年以上原样重复的问题表述（下一年的报告对上一年的问题既未整改也未改写）。</p>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : loading || !data ? <Loading label="正在逐年对照…" /> : !data.items.length
        ? <p className="muted">没有连续三年原样重复的问题。</p> : (
          <>
            <p className="muted small">共 {data.total.toLocaleString('zh-CN')} 条，来自 {data.units.toLocaleString('zh-CN')} 个单位。</p>
            <ol className="unchanged-list">
              {data.items.map((c, i) => (
                <li key={i}>
                  <q>{c.problem}</q>
                  <span className="muted small">
                    {c.issuer ?? c.unit}，{c.years[0]}–{c.years.at(-1)}年连续 {c.years.length} 年：
                    {c.reports.map((r, k) => <span key={r.id}>{k > 0 && '、'}<Link to={`/reports/${encodeURIComponent(r.id)}/audit`}>{r.year ?? '?'}</Link></span>)}
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
    </section>
  );
}
