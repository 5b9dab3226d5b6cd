// 问题跟进: each problem this report states, and what the unit's next-year report says of it.
import { Link } from 'react-router-dom';
import { auditApi, FOLLOW_LABELS, type ProblemsFollowed } from '../../state/auditApi';
import { useApi } from '../../state/useApi';
import { ErrorNotice, Loading } from '../common/StatusViews';

export function ProblemsFollowedSection({ reportId }: { reportId: string }) {
  const { data, loading, error, reload } = useApi<ProblemsFollowed>(auditApi.followedUrl(reportId));
  return (
    <section className="audit-followed" aria-label="问题跟进">
      <h2>问题跟进</h2>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : loading || !data ? <Loading /> : (
        <>
          <p className="muted small">
            {data.next
              ? <>对照本单位下一年度的报告：<Link to={`/reports/${encodeURIComponent(data.next.id)}/audit`}>{data.next.title ?? data.next.id}</Link></>
              : '索引中没有本单位下一年度的报告。'}
          </p>
          {!data.problems.length ? <p className="muted">本报告没有读出问题陈述。</p> : (
            <ol className="audit-followed-list">
              {data.problems.map((p, i) => (
                <li key={i} className={`followed-${p.status}`}>
                  <q>{p.problem.quote}</q>
                  {data.next && <span className={`audit-status followed-status-${p.status}`}>{FOLLOW_LABELS[p.status]}</span>}
                  {p.next && <span className="muted small">下一年：<q>{p.next.quote}</q></span>}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
