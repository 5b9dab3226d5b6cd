// 格式审查 /reports/:id/audit: one report's checklist. Each rule says where it comes from,
// whether the report passes, and quotes the words that show it; a quote links to its place
// in the report reader (or in the unit's previous report, for the cross-year rules).
import { Link, useParams } from 'react-router-dom';
import { auditApi, SOURCE_KIND_LABELS, STATUS_LABELS, type Audit, type AuditRuleResult } from '../../state/auditApi';
import { LEVEL_LABELS } from '../../state/labels';
import { useApi } from '../../state/useApi';
import { ErrorNotice, Loading } from '../common/StatusViews';
import { usePageTitle } from '../usePageTitle';
import { ProblemsFollowedSection } from './ProblemsFollowedSection';
import './audit.css';

const MARK = { pass: '✓', fail: '✗', not_assessable: '–' } as const;

function Rule({ rule, reportId }: { rule: AuditRuleResult; reportId: string }) {
  return (
    <li className={`audit-rule audit-${rule.status}`}>
      <div className="audit-rule-head">
        <span className="audit-mark" aria-hidden="true">{MARK[rule.status]}</span>
        <span className="audit-title">{rule.title}</span>
        <span className={`audit-status audit-status-${rule.status}`}>{STATUS_LABELS[rule.status]}</span>
      </div>
      <p className="audit-detail">{rule.detail}</p>
      <p className="audit-source small">
        <span className="audit-source-kind">{SOURCE_KIND_LABELS[rule.source.kind]}</span>
        {rule.source.citation}
        <span className="muted">：{rule.source.requirement}</span>
      </p>
      {rule.evidence.length > 0 && (
        <ul className="audit-evidence">
          {rule.evidence.map((e, i) => (
            <li key={i}>
              <q>{e.quote}</q>
              <span className="muted small">
                {e.note ? `${e.note}，` : ''}
                <Link to={`/reports/${encodeURIComponent(e.reportId ?? reportId)}`}>第 {e.start}–{e.end} 字{e.reportId ? '（上一年度报告）' : ''}</Link>
              </span>
            </li>
          ))}
        </ul>
      )}
      <code className="audit-id muted small">{rule.id}</code>
    </li>
  );
}

function Summary({ audit }: { audit: Audit }) {
  const r = audit.report;
  return (
    <header className="audit-header">
      <h1>格式审查</h1>
      <p className="audit-report"><Link to={`/reports/${encodeURIComponent(r.id)}`}>{r.title ?? r.id}</Link></p>
      <p className="muted small">
        {[r.issuer, r.year ? `${r.year}年` : null, LEVEL_LABELS[r.level], `格式：${r.format}`, r.published ? `发布日期 ${r.published}` : null].filter(Boolean).join(' · ')}
      </p>
      <p className="muted small">
        {audit.previous
          ? <>跨年核对的上一年度报告：<Link to={`/reports/${encodeURIComponent(audit.previous.id)}`}>{audit.previous.title ?? audit.previous.id}</Link></>
          : '索引中没有本单位上一年度的报告，跨年核对无法评判。'}
      </p>
      <p className="audit-counts" aria-label="审查结果">
        <span className="audit-status audit-status-pass">通过 {audit.counts.pass}</span>
        <span className="audit-status audit-status-fail">不通过 {audit.counts.fail}</span>
        <span className="audit-status audit-status-not_assessable">无法评判 {audit.counts.not_assessable}</span>
      </p>
    </header>
  );
}

export function AuditPage() {
  const { id = '' } = useParams();
  const { data, loading, error, reload } = useApi<Audit>(auditApi.reportAuditUrl(id));
  usePageTitle(data ? `格式审查：${data.report.title ?? id}` : '格式审查');
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  if (loading || !data) return <Loading />;
  return (
    <div className="audit-page">
      <Summary audit={data} />
      <ol className="audit-rules">
        {data.rules.map((r) => <Rule key={r.id} rule={r} reportId={data.report.id} />)}
      </ol>
      <ProblemsFollowedSection reportId={data.report.id} />
      <p className="muted small"><Link to="/audit">全部报告的通过率</Link> · <Link to="/recurring">年年照抄的问题</Link></p>
    </div>
  );
}
