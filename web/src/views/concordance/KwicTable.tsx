// Keyword-in-context lines, aligned on the keyword: the left context right-aligned (its
// overflow cut on the left), the keyword in one column, the right context left-aligned.
// CJK characters are all one em wide, so the contexts line up character by character.
import { Link } from 'react-router-dom';
import type { ConcordanceLine } from '../../state/types';
import { passageHref } from '../../state/url';

const shortSource = (l: ConcordanceLine) =>
  [l.report.region.township ?? l.report.region.county ?? l.report.issuer, l.report.year ? `${l.report.year}` : null, `第${l.ordinal}段`]
    .filter(Boolean).join(' · ');

export function KwicTable({ lines, q, width }: { lines: ConcordanceLine[]; q: string; width: number }) {
  const keywordEm = Math.min(16, Math.max(3, ...lines.map((l) => Array.from(l.keyword).length))) + 1;
  return (
    <div className="kwic-scroll">
      <table className="kwic" style={{ ['--context-em' as string]: `${width}em` }}>
        <colgroup>
          <col className="kwic-col-n" />
          <col className="kwic-col-left" />
          <col style={{ width: `${keywordEm}em` }} />
          <col className="kwic-col-right" />
          <col className="kwic-col-source" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="kwic-n">#</th>
            <th scope="col" className="kwic-left">左侧语境</th>
            <th scope="col" className="kwic-keyword">检索词</th>
            <th scope="col" className="kwic-right">右侧语境</th>
            <th scope="col" className="kwic-source">出处</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={`${l.reportId}:${l.ordinal}:${l.offset}`}>
              <td className="kwic-n">{i + 1}</td>
              <td className="kwic-left"><span>{l.left}</span></td>
              <td className="kwic-keyword"><mark>{l.keyword}</mark></td>
              <td className="kwic-right"><span>{l.right}</span></td>
              <td className="kwic-source">
                <Link to={passageHref(l.reportId, l.ordinal, q)} title={l.citation.text}>{shortSource(l)}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
