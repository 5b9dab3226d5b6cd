// One search hit: where it comes from, the highlighted passage (snippet, expandable to
// the whole passage), its citation, 「复制引用」 and the link to it in its report.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { regionText } from '../../state/labels';
import type { Hit } from '../../state/types';
import { searchWords } from '../../state/searchState';
import { passageHref } from '../../state/url';
import { CopyCitationButton } from '../common/CopyCitationButton';
import { ServerMarkedHtml } from '../common/ServerMarkedHtml';

export function ResultCard({ hit, q, themeLabel }: { hit: Hit; q: string; themeLabel: (id: string) => string }) {
  const [expanded, setExpanded] = useState(false);
  // The reader marks the query's words; its filters are not words to find.
  const href = passageHref(hit.reportId, hit.ordinal, searchWords(q));
  const expandable = hit.snippet !== hit.html;
  return (
    <article className="hit" data-report={hit.reportId} data-ordinal={hit.ordinal}>
      <header className="hit-head">
        <Link to={href} className="hit-title">{hit.report.title ?? '未题名报告'}</Link>
        <div className="hit-meta">
          {hit.report.year !== null && <span>{hit.report.year}年</span>}
          <span>{regionText(hit.report.region)}</span>
          <span className="badge badge-section">{hit.citation.sectionLabel}</span>
          {hit.themes.map((t) => <span key={t} className="badge badge-theme">{themeLabel(t)}</span>)}
          {hit.report.demo && <span className="badge badge-demo">演示</span>}
        </div>
      </header>
      <p className="hit-text">
        <ServerMarkedHtml html={expanded ? hit.html : hit.snippet} />
      </p>
      {expandable && (
        <button type="button" className="link-button hit-expand" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? '收起' : '展开全段'}
        </button>
      )}
      <footer className="hit-foot">
        {/* The citation is plain text, exactly what 「复制引用」 copies. */}
        <cite className="citation">{hit.citation.text}</cite>
        <div className="hit-actions">
          <CopyCitationButton citation={hit.citation} />
          <Link to={href} className="button button-small button-quiet">在报告中查看 第{hit.ordinal}段</Link>
          {/* moreInReport counts the matches besides this one: the report holds one more. */}
          {hit.moreInReport !== undefined && hit.moreInReport > 0 && (
            <Link to={passageHref(hit.reportId, hit.ordinal, searchWords(q))} className="hit-more" data-testid="more-in-report">
              本报告共 {hit.moreInReport + 1} 段匹配，逐段查看
            </Link>
          )}
        </div>
      </footer>
    </article>
  );
}
