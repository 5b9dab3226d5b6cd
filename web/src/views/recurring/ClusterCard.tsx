// One cluster of near-identical statements: its representative wording, how widely it is
// used (reports, regions, years), a small year chart, its spread over provinces, and —
// expanded — every member with its citation and a link to the passage in the reader.
import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { repeatsHref, yearSpan, type StatementKind } from '../../state/analyticsUrl';
import { regionText } from '../../state/labels';
import type { ClusterMember, RecurringCluster } from '../../state/types';
import { passageHref } from '../../state/url';

const YearBars = lazy(() => import('../charts/YearBars'));

type Cluster = Omit<RecurringCluster, 'spread'> & { spread?: RecurringCluster['spread'] };

function yearsOfMembers(members: ClusterMember[]): Array<{ year: number; reports: number }> {
  const by = new Map<number, Set<string>>();
  for (const m of members) if (m.year !== null) by.set(m.year, (by.get(m.year) ?? new Set()).add(m.reportId));
  return [...by].map(([year, s]) => ({ year, reports: s.size })).sort((a, b) => a.year - b.year);
}

function MemberRow({ m, kind, showRepeats }: { m: ClusterMember; kind: StatementKind; showRepeats: boolean }) {
  return (
    <li className="member">
      <p className="member-text">{m.text}</p>
      <p className="member-meta">
        <span className="citation">{m.citation.text}</span>
        <span className="member-actions">
          <Link to={passageHref(m.reportId, m.ordinal)} className="member-link">查看原文</Link>
          {/* A place with one report of this kind has nothing to repeat: no link to an empty page. */}
          {showRepeats && m.region.code && m.placeReports > 1 && (
            <Link to={repeatsHref(m.region.code, kind)} className="member-link" title={`${regionText(m.region)}历年重复的表述`}>该地历年重复</Link>
          )}
        </span>
      </p>
    </li>
  );
}

export function ClusterCard({ cluster, rank, kind, open, onToggle, showRepeats = true }: {
  cluster: Cluster; rank: number; kind: StatementKind; open: boolean; onToggle: () => void; showRepeats?: boolean;
}) {
  const c = cluster;
  const provinces = c.spread?.byProvince ?? [];
  const listId = `cluster-${c.id}-members`;
  // Without a server-side spread (a place's own repeats), count the listed members by year.
  const byYear = c.spread?.byYear ?? yearsOfMembers(c.members);
  return (
    <li className="cluster" data-cluster={c.id}>
      <div className="cluster-main">
        <span className="cluster-rank" aria-label={`第 ${rank} 名`}>{rank}</span>
        <div className="cluster-body">
          <blockquote className="cluster-rep">{c.representative}</blockquote>
          <p className="cluster-stats" data-testid="cluster-stats">
            {c.reports} 份报告 · {c.regions} 个地区 · {yearSpan(c.years)}
            <span className="muted">（{c.statements} 处，{c.variants} 种写法）</span>
          </p>
          {provinces.length > 0 && (
            <p className="cluster-regions">
              {provinces.slice(0, 6).map((p) => <span key={p.code || 'none'} className="chip chip-static">{p.name} {p.reports}</span>)}
              {provinces.length > 6 && <span className="muted small">另有 {provinces.length - 6} 个省份，共 {provinces.length} 个省份</span>}
            </p>
          )}
        </div>
        {byYear.length > 0 && (
          <div className="cluster-chart" aria-label="各年使用该表述的报告数">
            <Suspense fallback={<div className="chart-placeholder" style={{ height: 96 }} aria-hidden="true" />}>
              <YearBars data={byYear} />
            </Suspense>
          </div>
        )}
      </div>
      <button type="button" className="button button-small cluster-toggle" aria-expanded={open} aria-controls={listId} onClick={onToggle}>
        {open ? '收起原文' : `展开原文（${c.statements} 处）`}
      </button>
      {open && (
        <>
          <ol className="members" id={listId}>
            {c.members.map((m) => <MemberRow key={`${m.reportId}:${m.ordinal}:${m.item}`} m={m} kind={kind} showRepeats={showRepeats} />)}
          </ol>
          {c.truncated && <p className="muted small">仅列出前 {c.members.length} 处。</p>}
        </>
      )}
    </li>
  );
}
