// 报告 /reports/:id: the whole report, its sections as a table of contents, every passage
// addressable as #p<ordinal> (scrolled to and highlighted), the query's terms marked.
import { searchWords } from '../../state/searchState';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../state/api';
import { RESTORE_SCROLL, useLastSearch } from '../../state/lastSearch';
import { naiveTerms, splitByTerms } from '../../state/highlight';
import { layoutReport } from '../../state/reportLayout';
import type { ReportResponse, SearchResponse } from '../../state/types';
import { ordinalOfHash } from '../../state/url';
import { useApi } from '../../state/useApi';
import { useVocabulary } from '../../state/useIndex';
import { ErrorNotice, Loading } from '../common/StatusViews';
import { usePageTitle } from '../usePageTitle';
import { ReportBody } from './ReportBody';
import { ReportHeader } from './ReportHeader';
import { ReportToc } from './ReportToc';
import { TermNavigator } from './TermNavigator';

/** The URL fragment. Plain #p12 links change it without the router, so listen to the window too. */
function useHash(): string {
  const routerHash = useLocation().hash;
  const windowHash = useSyncExternalStore(
    (onChange) => { window.addEventListener('hashchange', onChange); return () => window.removeEventListener('hashchange', onChange); },
    () => window.location.hash,
  );
  return windowHash || routerHash;
}

/** The terms to mark: the server's own reading of the query, or a plain split while it answers. */
function useQueryTerms(q: string): string[] {
  const params = new URLSearchParams({ q, size: '1', facets: 'false' });
  const understood = useApi<SearchResponse>(q ? api.searchUrl(params) : null);
  return useMemo(() => (q ? understood.data?.terms ?? naiveTerms(q) : []), [q, understood.data]);
}

export function ReportPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  // A filter in the query (section:problems) narrows a search; it is not a word to find here.
  const q = searchWords(params.get('q') ?? '');
  const report = useApi<ReportResponse>(api.reportUrl(id));
  const vocab = useVocabulary();
  const hash = useHash();
  const target = ordinalOfHash(hash);
  const terms = useQueryTerms(q);
  const lastSearch = useLastSearch();
  const data = report.dataUrl === api.reportUrl(id) ? report.data : undefined;
  usePageTitle(data?.title ?? '报告');

  const layout = useMemo(() => (data ? layoutReport(data.sections, data.passages) : null), [data]);
  const withTerms = useMemo(
    () => (data && terms.length ? data.passages.filter((p) => splitByTerms(p.text, terms).some((x) => x.mark)).map((p) => p.ordinal) : []),
    [data, terms],
  );

  // Scroll to the targeted passage (or section) once the report is on screen, and on every new fragment.
  useEffect(() => {
    if (!layout || !hash) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!el) return;
    el.scrollIntoView({ block: target !== null ? 'center' : 'start' });
    if (target !== null) el.focus({ preventScroll: true });
  }, [layout, hash, target]);

  if (report.error) {
    return (
      <div className="page page-narrow">
        <ErrorNotice error={report.error} onRetry={report.reload}>
          <Link className="button" to="/">返回搜索</Link>
        </ErrorNotice>
      </div>
    );
  }
  if (!data || !layout) return <div className="page page-narrow"><Loading label="正在载入报告…" /></div>;

  const activeSection = target !== null ? layout.blocks.find((b) => b.passages.some((p) => p.ordinal === target))?.n ?? null : null;
  const clearTerms = () => setParams((p) => { p.delete('q'); return p; }, { replace: true });
  return (
    <div className="page report-page">
      {lastSearch && (
        <nav className="back-to-results" aria-label="返回">
          <Link to={lastSearch} state={RESTORE_SCROLL}>← 返回结果</Link>
        </nav>
      )}
      <ReportHeader report={data} />
      {q && <TermNavigator q={q} ordinals={withTerms} current={target} onClear={clearTerms} />}
      <div className="report-layout">
        <aside className="report-aside">
          <ReportToc blocks={layout.blocks} sectionLabel={vocab.sectionLabel} activeSection={activeSection} />
        </aside>
        <article className="report-body">
          <ReportBody blocks={layout.blocks} orphans={layout.orphans} terms={terms} target={target} vocab={vocab} title={data.title} />
        </article>
      </div>
    </div>
  );
}
